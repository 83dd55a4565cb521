import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { availableParallelism } from "node:os";
import pLimit from "p-limit";

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string | null | undefined): Promise<boolean>;
  /** The most hashes that ever ran at once (bounded by `maxConcurrent`). */
  peakConcurrency(): number;
}

export interface ScryptParameters {
  cost: number;
  blockSize: number;
  parallelization: number;
  /**
   * Hashes computed at once; the rest wait their turn. Each takes a CPU core and 128 MB at the
   * default cost: more at once would only slow all of them and starve the rest of the process.
   */
  maxConcurrent?: number;
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
  const slots = pLimit(params.maxConcurrent ?? Math.max(1, availableParallelism()));
  let peak = 0;
  const limited = (password: string, salt: Buffer, p: ScryptParameters) =>
    slots(async () => {
      peak = Math.max(peak, slots.activeCount);
      return derive(password, salt, p);
    });
  // Verifying against this when the user doesn't exist keeps timing the same either way.
  let dummyHash: Promise<string> | undefined;
  const hash = async (password: string) => {
    const salt = randomBytes(16);
    const key = await limited(password, salt, params);
    return `$scrypt$ln=${Math.log2(params.cost)},r=${params.blockSize},p=${params.parallelization}$${salt.toString("base64url")}$${key.toString("base64url")}`;
  };
  return {
    hash,
    peakConcurrency: () => peak,
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
      const actual = await limited(password, Buffer.from(salt!, "base64url"), {
        cost: 2 ** Number(ln),
        blockSize: Number(r),
        parallelization: Number(p),
      });
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}
