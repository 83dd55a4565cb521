import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../logging/logger.js";

export interface Sweep {
  name: string;
  /** Removes what ended before `before`; returns how many rows went. */
  run(before: Date): Promise<number>;
}

/**
 * Removes security state that can no longer be used (expired codes, challenge tokens, ended
 * rate-limit windows), so that decoys and old challenges don't pile up. Every instance may run
 * it: the deletes are idempotent.
 */
export function createHousekeeping(deps: { sweeps: Sweep[]; clock: Clock; logger: Logger; intervalMs?: number; graceMs?: number }) {
  const intervalMs = deps.intervalMs ?? 10 * 60_000;
  // Kept a little past expiry so a late request still gets "expired", not "unknown".
  const graceMs = deps.graceMs ?? 60 * 60_000;
  let timer: NodeJS.Timeout | undefined;

  async function runOnce(): Promise<Record<string, number>> {
    const before = new Date(deps.clock.now().getTime() - graceMs);
    const removed: Record<string, number> = {};
    for (const sweep of deps.sweeps) {
      try {
        removed[sweep.name] = await sweep.run(before);
      } catch (error) {
        deps.logger.warn({ err: error, sweep: sweep.name }, "housekeeping sweep failed");
      }
    }
    return removed;
  }

  return {
    runOnce,
    start() {
      timer = setInterval(() => void runOnce(), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}

export type Housekeeping = ReturnType<typeof createHousekeeping>;
