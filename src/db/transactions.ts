import type { Prisma as PrismaNamespace, PrismaClient } from "../generated/prisma/client.js";
import { createScopedStorage } from "../lib/scoped-storage.js";

/** The client a transaction's statements run on (Prisma's interactive transaction client). */
export type TransactionClient = PrismaNamespace.TransactionClient;

interface Unit {
  tx: TransactionClient;
  open: boolean;
  afterCommit: (() => unknown)[];
  /** NOTIFY (channel, payload) pairs sent on the transaction's connection just before it commits. */
  notifications: [string, string][];
  savepoints: number;
}

/**
 * Units of work on one Prisma client. `run(work)` opens a transaction (or joins the one in
 * progress) and every repository statement made through `prisma` inside `work` joins it, so a
 * service can make a change and record it in one transaction without threading `tx` through every
 * repository. Work that must wait for the commit (events, queue kicks) goes to `afterCommit`.
 */
export function createTransactions(client: PrismaClient, options: { timeoutMs?: number } = {}) {
  // Switched on only while a transaction is open (scoped-storage.ts: reads that never open one
  // don't pay for it). A continuation started inside a transaction may outlive it (a timer, a
  // kicked worker): it then runs on the pool again.
  const current = createScopedStorage<Unit>();
  const active = () => {
    const unit = current.get();
    return unit?.open ? unit : undefined;
  };

  async function run<T>(work: (tx: TransactionClient) => Promise<T>, txOptions?: { timeout?: number; maxWait?: number; isolationLevel?: PrismaNamespace.TransactionIsolationLevel }): Promise<T> {
    const joined = active();
    if (joined) return work(joined.tx);
    let unit: Unit | undefined;
    try {
      const result = await client.$transaction(
        (tx) => {
          const opened: Unit = (unit = { tx, open: true, afterCommit: [], notifications: [], savepoints: 0 });
          return current.run(opened, async () => {
            const result = await work(tx);
            await sendNotifications(opened);
            return result;
          });
        },
        { timeout: options.timeoutMs ?? 15_000, maxWait: 5_000, ...txOptions },
      );
      unit!.open = false;
      for (const followUp of unit!.afterCommit) await current.exit(followUp);
      return result;
    } finally {
      if (unit) unit.open = false;
    }
  }

  // One statement for all of them; PostgreSQL delivers them at the commit, in this order (never
  // after a rollback), to every listening connection.
  async function sendNotifications(unit: Unit) {
    const pending = unit.notifications.splice(0);
    if (pending.length === 0) return;
    const calls = pending.map((_, i) => `pg_notify($${2 * i + 1}, $${2 * i + 2})`).join(", ");
    await unit.tx.$executeRawUnsafe(`SELECT ${calls}`, ...pending.flat());
  }

  /**
   * Inside a transaction, sends a PostgreSQL notification with its commit (none if it rolls back)
   * and returns true; outside any, returns false and sends nothing.
   */
  function notifyOnCommit(channel: string, payload: string): boolean {
    const unit = active();
    if (!unit) return false;
    unit.notifications.push([channel, payload]);
    return true;
  }

  /** Runs `fn` after the current transaction commits (at once outside any); dropped on rollback. */
  async function afterCommit(fn: () => unknown): Promise<void> {
    const unit = active();
    if (unit) unit.afterCommit.push(fn);
    else await fn();
  }

  /**
   * Inside a transaction, a statement that fails (a unique violation a caller expects and
   * handles) aborts the whole transaction unless it ran under a savepoint: this is that savepoint.
   */
  async function savepoint<T>(work: () => Promise<T>): Promise<T> {
    const unit = active();
    if (!unit) return work();
    const name = `sp_${++unit.savepoints}`;
    await unit.tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      await unit.tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await unit.tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  }

  // The client repositories are given: the current transaction's when one is open, else the pool's.
  const prisma = new Proxy(client, {
    get(target, property) {
      const unit = active();
      if (property === "$transaction") {
        return (arg: unknown, txOptions?: never) => {
          if (typeof arg === "function") return run(arg as (tx: TransactionClient) => Promise<unknown>, txOptions);
          // A batch made inside a transaction is already bound to it: run its statements in order.
          if (unit) return (async () => {
            const results: unknown[] = [];
            for (const statement of arg as Promise<unknown>[]) results.push(await statement);
            return results;
          })();
          return target.$transaction(arg as never, txOptions);
        };
      }
      const source = (unit?.tx ?? target) as object;
      const value = Reflect.get(source, property);
      return typeof value === "function" && typeof property === "string" && property.startsWith("$") ? value.bind(source) : value;
    },
  });

  return { prisma, run, afterCommit, notifyOnCommit, savepoint, inTransaction: () => active() !== undefined };
}

export type Transactions = ReturnType<typeof createTransactions>;
