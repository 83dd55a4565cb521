import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

const VERSION = "v1";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
// A fixed, product-specific salt keeps keys derived here distinct from any other HKDF use of the same secret.
const HKDF_SALT = "authgate.secret-box";
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Encrypts short secrets at rest (AES-256-GCM) as self-describing `v1.<iv>.<tag>.<ciphertext>` strings. */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) {
    throw new RangeError(`secret box key must be ${KEY_BYTES} bytes`);
  }
  // Copy so that a caller zeroing or reusing its buffer cannot change this box's key.
  const boxKey = Buffer.from(key);

  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", boxKey, iv, { authTagLength: TAG_BYTES });
      const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
    },

    open(sealed) {
      const parts = sealed.split(".");
      if (parts.length !== 4 || parts[0] !== VERSION || !parts.slice(1).every((part) => BASE64URL.test(part))) {
        throw unopenable();
      }
      const [, ivText, tagText, ciphertextText] = parts;
      const iv = Buffer.from(ivText, "base64url");
      const tag = Buffer.from(tagText, "base64url");
      // Node accepts truncated GCM tags unless told otherwise; a short tag would weaken forgery resistance.
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
        throw unopenable();
      }
      try {
        const decipher = createDecipheriv("aes-256-gcm", boxKey, iv, { authTagLength: TAG_BYTES });
        decipher.setAuthTag(tag);
        const plain = Buffer.concat([decipher.update(Buffer.from(ciphertextText, "base64url")), decipher.final()]);
        return plain.toString("utf8");
      } catch {
        throw unopenable();
      }
    },
  };
}

/** Derives a 32-byte key for one purpose (`label`) from a configured secret, so one secret can serve several boxes. */
export function deriveKey(secret: string, label: string): Buffer {
  if (secret.length === 0 || label.length === 0) {
    throw new RangeError("deriveKey needs a non-empty secret and label");
  }
  return Buffer.from(hkdfSync("sha256", secret, HKDF_SALT, label, KEY_BYTES));
}

// One message for every failure: saying which check failed would help an attacker probe the format.
function unopenable(): Error {
  return new Error("sealed value could not be opened (wrong key, corrupted or tampered)");
}
