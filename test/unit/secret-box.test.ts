import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox, deriveKey } from "../../src/crypto/secret-box.js";

const key = randomBytes(32);

/** Flips one bit in the n-th dot-separated segment of a sealed value. */
function flipBitInSegment(sealed: string, segment: number, byteIndex = 0): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[segment], "base64url");
  bytes[byteIndex] ^= 0x01;
  parts[segment] = bytes.toString("base64url");
  return parts.join(".");
}

describe("secret box", () => {
  it("opens what it sealed, including unicode and empty text", () => {
    const box = createSecretBox(key);
    for (const plain of ["AC0123:twilio-token", "pässwörd ✓ 日本", ""]) {
      expect(box.open(box.seal(plain))).toBe(plain);
    }
  });

  it("produces v1.<iv>.<tag>.<ciphertext> in base64url with a fresh iv each time", () => {
    const box = createSecretBox(key);
    const first = box.seal("same text");
    const second = box.seal("same text");
    expect(first).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain("same text");
  });

  it("refuses a value whose ciphertext, tag or iv was tampered with", () => {
    const box = createSecretBox(key);
    const sealed = box.seal("gateway credentials");
    for (const segment of [1, 2, 3]) {
      expect(() => box.open(flipBitInSegment(sealed, segment))).toThrow(/could not be opened/);
    }
  });

  it("refuses a truncated authentication tag", () => {
    const box = createSecretBox(key);
    const parts = box.seal("gateway credentials").split(".");
    parts[2] = Buffer.from(parts[2], "base64url").subarray(0, 4).toString("base64url");
    expect(() => box.open(parts.join("."))).toThrow(/could not be opened/);
  });

  it("refuses malformed or unknown-version values", () => {
    const box = createSecretBox(key);
    const [, iv, tag, ciphertext] = box.seal("x").split(".");
    for (const bad of ["", "v1", `v2.${iv}.${tag}.${ciphertext}`, `v1.${iv}.${tag}`, `v1.${iv}.${tag}.${ciphertext}.extra`, `v1.${iv}.${tag}.!!`]) {
      expect(() => box.open(bad)).toThrow(/could not be opened/);
    }
  });

  it("refuses to open with a different key", () => {
    const sealed = createSecretBox(key).seal("gateway credentials");
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow(/could not be opened/);
  });

  it("rejects keys that are not 32 bytes", () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(RangeError);
  });
});

describe("deriveKey", () => {
  const secret = "a-configured-secret-of-at-least-32-characters";

  it("derives the same 32-byte key for the same secret and label", () => {
    const derived = deriveKey(secret, "sms-gateway-credentials");
    expect(derived).toHaveLength(32);
    expect(deriveKey(secret, "sms-gateway-credentials").equals(derived)).toBe(true);
  });

  it("derives independent keys for different labels and secrets", () => {
    const credentialsKey = deriveKey(secret, "sms-gateway-credentials");
    expect(deriveKey(secret, "pending-passwords").equals(credentialsKey)).toBe(false);
    expect(deriveKey(`${secret}!`, "sms-gateway-credentials").equals(credentialsKey)).toBe(false);

    const sealed = createSecretBox(credentialsKey).seal("AC0123:token");
    expect(() => createSecretBox(deriveKey(secret, "pending-passwords")).open(sealed)).toThrow();
  });

  it("refuses an empty secret or label", () => {
    expect(() => deriveKey("", "label")).toThrow(RangeError);
    expect(() => deriveKey(secret, "")).toThrow(RangeError);
  });
});
