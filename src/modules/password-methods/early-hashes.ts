import pLimit from "p-limit";
import type { PasswordHasher } from "../../lib/password-hasher.js";

/**
 * Hashes begun while a reset is being queued, for this process's worker to pick up when it claims
 * the operation: the key derivation (most of a reset's time) overlaps the request, its transaction
 * and the claim instead of following them. A hash is only ever taken by the operation it was begun
 * for, once; one another instance's worker claimed is dropped after `keepMs`. Holds hashes, never
 * passwords. They are begun `atOnce` at a time (the worker, too, runs one reset at a time): a
 * burst of resets then takes at most that many of the hasher's slots, which sign-ins share.
 */
export function createEarlyHashes(hasher: Pick<PasswordHasher, "hash">, keepMs = 60_000, atOnce = 1) {
  const pending = new Map<string, { hash: Promise<string>; timer: NodeJS.Timeout }>();
  const turns = pLimit(atOnce);
  return {
    /** Starts hashing now; `keep(operationId)` once the operation exists, or the hash is dropped. */
    begin(password: string) {
      const hash = turns(() => hasher.hash(password));
      hash.catch(() => {});
      return {
        keep(operationId: string) {
          const timer = setTimeout(() => pending.delete(operationId), keepMs);
          timer.unref();
          pending.set(operationId, { hash, timer });
        },
      };
    },
    /** The hash begun for this operation, if this process began one (taken once). */
    take(operationId: string): Promise<string> | undefined {
      const entry = pending.get(operationId);
      if (!entry) return undefined;
      clearTimeout(entry.timer);
      pending.delete(operationId);
      return entry.hash;
    },
    size: () => pending.size,
  };
}

export type EarlyHashes = ReturnType<typeof createEarlyHashes>;
