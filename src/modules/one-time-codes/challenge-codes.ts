import { createHmac, randomInt, timingSafeEqual } from "node:crypto";

export const CODE_DIGITS = 6;

/** A 6-digit code from the CSPRNG; leading zeros are kept. */
export function generateCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, "0");
}

export interface CodeHasher {
  hash(challengeId: string, code: string): string;
  matches(storedHash: string, challengeId: string, code: string): boolean;
}

/**
 * Keyed hashes of codes (HMAC-SHA256): a leaked table can't be brute-forced offline without the
 * key, and binding the challenge id makes every hash unique.
 */
export function createCodeHasher(key: Buffer): CodeHasher {
  const hash = (challengeId: string, code: string) => createHmac("sha256", key).update(`${challengeId}:${code}`, "utf8").digest("hex");
  return {
    hash,
    matches(storedHash, challengeId, code) {
      const expected = Buffer.from(storedHash, "hex");
      const actual = Buffer.from(hash(challengeId, code.trim()), "hex");
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
  };
}
