// Subscribers held by client processes (bench/subscribers.ts, forked), so that the process under
// test only serves: e.g. 1,000 subscribers as two processes of 500.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { SubscriberOptions, SubscriberReport } from "../subscribers.js";
import { stopProcess, track } from "./processes.js";

export interface SubscriberPool {
  /** Resolves with every subscriber's arrival time (epoch ms) of the event carrying `marker`; rejects after `timeoutMs`. */
  arrivals(marker: string, timeoutMs?: number): Promise<number[]>;
  close(): Promise<void>;
}

/** Forks `processes` clients sharing `total` subscribers; resolves once every one is connected, acknowledged and has sent its subscription. */
export async function startSubscribers(options: Omit<SubscriberOptions, "count"> & { total: number; processes: number }, timeoutMs = 120_000): Promise<SubscriberPool> {
  const { total, processes, ...shared } = options;
  const workers: ChildProcess[] = [];
  const complete = new Map<string, number[][]>();
  const waiters = new Set<() => void>();
  let failure: Error | undefined;
  const notify = () => waiters.forEach((w) => w());
  let readyCount = 0;
  let closing = false;

  for (let i = 0; i < processes; i++) {
    const count = Math.floor(total / processes) + (i < total % processes ? 1 : 0);
    const worker = track(
      fork(fileURLToPath(new URL("../subscribers.ts", import.meta.url)), [JSON.stringify({ ...shared, count } satisfies SubscriberOptions)], {
        execArgv: ["--import", "tsx"],
      }),
    );
    worker.on("message", (report: SubscriberReport) => {
      if ("ready" in report) readyCount++;
      else if ("error" in report) failure ??= new Error(`subscriber process ${i}: ${report.error}`);
      else complete.set(report.marker, [...(complete.get(report.marker) ?? []), report.arrivals]);
      notify();
    });
    worker.once("exit", (code, signal) => {
      if (!closing) failure ??= new Error(`subscriber process ${i} exited (${code ?? signal})`);
      notify();
    });
    workers.push(worker);
  }

  const until = (done: () => boolean, ms: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (failure) return finish(() => reject(failure));
        if (done()) return finish(resolve);
      };
      const finish = (then: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        then();
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`))), ms);
      waiters.add(check);
      check();
    });

  const pool: SubscriberPool = {
    async arrivals(marker, ms = 30_000) {
      await until(() => (complete.get(marker)?.length ?? 0) === processes, ms, `event ${marker} at all ${total} subscribers`);
      return complete.get(marker)!.flat();
    },
    async close() {
      closing = true;
      for (const worker of workers) if (worker.connected) worker.send({ close: true });
      await Promise.all(workers.map((w) => Promise.race([new Promise((r) => w.once("exit", r)), new Promise((r) => setTimeout(r, 3_000))])));
      await Promise.all(workers.map((w) => stopProcess(w, 2_000)));
    },
  };
  try {
    await until(() => readyCount === processes, timeoutMs, `${total} subscriptions`);
  } catch (error) {
    await pool.close();
    throw error;
  }
  return pool;
}

/**
 * Publishes (`publish(marker)`) until one event reaches every subscriber: a subscription is live
 * in the server a moment after its subscribe message is read, and an event published before that
 * is not delivered to it.
 */
export async function untilAllLive(pool: SubscriberPool, publish: (marker: string) => Promise<void>, markers: string[]): Promise<string> {
  for (const marker of markers) {
    await publish(marker);
    try {
      await pool.arrivals(marker, 5_000);
      return marker;
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith("timed out")) throw error;
    }
  }
  throw new Error(`no event reached every subscriber (markers ${markers.join(", ")})`);
}
