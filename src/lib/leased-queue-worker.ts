import { randomUUID } from "node:crypto";
import type { Logger } from "../logging/logger.js";
import type { Clock } from "./clock.js";

/** A database queue whose items are claimed under a lease, so several processes can share it. */
export interface LeasedQueue<T extends { id: string }> {
  claimNext(workerId: string, now: Date, leaseUntil: Date): Promise<T | null>;
  extendLease(id: string, workerId: string, leaseUntil: Date): Promise<unknown>;
  releaseClaim(id: string, workerId: string): Promise<unknown>;
}

/**
 * The loop shared by background workers: claims items one at a time, keeps the lease alive while
 * `run` works on one, drains the queue when kicked or polled, and on stop waits for the item in
 * flight or hands it back after `drainMs`. What to do with an item is the caller's `run`.
 */
export function createLeasedQueueWorker<T extends { id: string }>(deps: {
  /** Names the worker in its id and in its log lines. */
  name: string;
  queue: LeasedQueue<T>;
  run: (item: T, workerId: string) => Promise<void>;
  clock: Clock;
  logger: Logger;
  leaseMs: number;
  pollMs: number;
  drainMs: number;
  /** false: nothing is ever claimed. */
  enabled?: boolean;
}) {
  const { queue, clock, logger, leaseMs } = deps;
  const enabled = deps.enabled ?? true;
  const workerId = `${deps.name}-${randomUUID()}`;

  let running = false;
  let stopping = false;
  let again = false;
  let current: Promise<void> | undefined;
  let currentItemId: string | undefined;
  let timer: NodeJS.Timeout | undefined;

  const leaseFrom = () => new Date(clock.now().getTime() + leaseMs);

  async function runWithLease(item: T) {
    // Work can outlast the lease (slow hashing, gateway timeouts and retries).
    const heartbeat = setInterval(() => void queue.extendLease(item.id, workerId, leaseFrom()).catch(() => {}), leaseMs / 3);
    try {
      await deps.run(item, workerId);
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function drainQueue() {
    while (!stopping) {
      const item = await queue.claimNext(workerId, clock.now(), leaseFrom());
      if (!item) return;
      currentItemId = item.id;
      try {
        await runWithLease(item);
      } finally {
        currentItemId = undefined;
      }
    }
  }

  function kick() {
    if (stopping || !enabled) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    current = (async () => {
      do {
        again = false;
        await drainQueue().catch((error) => logger.warn({ err: error }, `${deps.name} worker could not claim work`));
      } while (again && !stopping);
    })().finally(() => {
      running = false;
    });
  }

  return {
    workerId,
    isStopping: () => stopping,
    /** Starts polling; work left claimed by a process that is gone is taken over when its lease runs out. */
    async start() {
      if (!enabled) return;
      timer = setInterval(kick, deps.pollMs);
      timer.unref();
      kick();
    },
    /** Tells the worker there is work, so that it needn't wait for its next poll. */
    kick,
    /** Stops claiming; waits for the item in flight, or hands it back (lease released) after drainMs. */
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      if (!current) return;
      const finished = await Promise.race([current.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), deps.drainMs).unref())]);
      if (!finished && currentItemId) await queue.releaseClaim(currentItemId, workerId).catch(() => {});
    },
  };
}
