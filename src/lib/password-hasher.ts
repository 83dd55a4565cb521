import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string | null | undefined): Promise<boolean>;
}

export interface ScryptParameters {
  cost: number;
  blockSize: number;
  parallelization: number;
}

const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, p: ScryptParameters): Promise<Buffer> {
  const options: ScryptOptions = {
    N: p.cost,
    r: p.blockSize,
    p: p.parallelization,
    maxmem: 256 * p.cost * p.blockSize + 1024 * 1024,
  };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/**
 * scrypt (memory-hard; OWASP: N=2^17, r=8, p=1) in a self-describing PHC-like string, so
 * parameters can be raised later without invalidating stored hashes.
 */
export function createPasswordHasher(params: ScryptParameters): PasswordHasher {
  // Verifying against this when the user doesn't exist keeps timing the same either way.
  let dummyHash: Promise<string> | undefined;
  const hash = async (password: string) => {
    const salt = randomBytes(16);
    const key = await derive(password, salt, params);
    return `$scrypt$ln=${Math.log2(params.cost)},r=${params.blockSize},p=${params.parallelization}$${salt.toString("base64url")}$${key.toString("base64url")}`;
  };
  return {
    hash,
    async verify(password, stored) {
      if (!stored) {
        dummyHash ??= hash("not-a-real-password");
        await this.verify(password, await dummyHash);
        return false;
      }
      const match = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored);
      if (!match) return false;
      const [, ln, r, p, salt, key] = match;
      const expected = Buffer.from(key!, "base64url");
      const actual = await derive(password, Buffer.from(salt!, "base64url"), {
        cost: 2 ** Number(ln),
        blockSize: Number(r),
        parallelization: Number(p),
      });
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}
