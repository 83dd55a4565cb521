import { randomUUID } from "node:crypto";
import { DomainError } from "../../errors/domain-error.js";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../logging/logger.js";
import type { SmsDeliveriesRepository, SmsDeliveryRecord } from "./sms-deliveries.repository.js";

export interface SmsDeliveryWorkerOptions {
  /** false: nothing is claimed (tests that stop a server before its queue is drained). */
  enabled?: boolean;
  leaseMs?: number;
  pollMs?: number;
  /** Sends tried per message, a claim by a process that died included. */
  maxAttempts?: number;
  /** Wait before the second attempt; doubles for each next one, up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** How long stop() waits for the send in flight before handing it back. */
  drainMs?: number;
  /** Delay of kickSoon(): the request that queued a message has answered before its sending starts. */
  kickDelayMs?: number;
}

/** What became of a claimed message when no error was thrown. */
export type DeliveryOutcome = "delivered" | "dropped";

/** A delivery that cannot succeed as it is (`retryable`: it may later, e.g. a gateway outage). */
export class SmsDeliveryFailure extends Error {
  constructor(
    readonly failureKind: string,
    readonly retryable: boolean,
  ) {
    super(`SMS delivery failed: ${failureKind}`);
  }
}

/**
 * How a failed send is recorded: the gateway's reason (`smsDeliveryFailed`: gatewayTimeout,
 * invalidRecipient...), else the refusal's reason (no gateway account, destination not allowed).
 */
export function failureOf(error: unknown): { failureKind: string; retryable: boolean; expected: boolean } {
  if (error instanceof SmsDeliveryFailure) return { failureKind: error.failureKind, retryable: error.retryable, expected: true };
  if (error instanceof DomainError) {
    const { reason, deliveryFailure, retryable } = error.meta;
    if (reason === "smsDeliveryFailed" && typeof deliveryFailure === "string") return { failureKind: deliveryFailure, retryable: retryable === true, expected: true };
    return { failureKind: typeof reason === "string" ? reason : error.code, retryable: false, expected: true };
  }
  // The database or a bug: worth another try, and the log says what happened.
  return { failureKind: "internalError", retryable: true, expected: false };
}

/**
 * Texts queued messages in the background: claims them from the database (so several server
 * processes share the queue), hands each to `deliver`, and records the outcome for
 * administrators. Retryable failures come back after a growing wait, until maxAttempts or the
 * code's expiry; a message claimed by a process that died is sent again once its lease runs out
 * (at once at start when this process is the database's only user, embedded).
 */
export function createSmsDeliveryWorker(deps: {
  repo: Pick<
    SmsDeliveriesRepository,
    "claimNextDelivery" | "releaseDeliveriesClaimedByOthers" | "extendLease" | "markDelivered" | "markFailed" | "scheduleRetry" | "deleteDelivery" | "releaseClaim"
  >;
  deliver: (delivery: SmsDeliveryRecord) => Promise<DeliveryOutcome>;
  clock: Clock;
  logger: Logger;
  options?: SmsDeliveryWorkerOptions;
}) {
  const { repo, deliver, clock, logger } = deps;
  const enabled = deps.options?.enabled ?? true;
  const leaseMs = deps.options?.leaseMs ?? 30_000;
  const pollMs = deps.options?.pollMs ?? 1_000;
  const maxAttempts = deps.options?.maxAttempts ?? 5;
  const backoffMs = deps.options?.backoffMs ?? 5_000;
  const maxBackoffMs = deps.options?.maxBackoffMs ?? 60_000;
  const drainMs = deps.options?.drainMs ?? 10_000;
  const kickDelayMs = deps.options?.kickDelayMs ?? 20;
  const workerId = `sms-${randomUUID()}`;

  let running = false;
  let stopping = false;
  let again = false;
  let current: Promise<void> | undefined;
  let currentDeliveryId: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let soon: NodeJS.Timeout | undefined;

  const leaseFrom = () => new Date(clock.now().getTime() + leaseMs);

  async function recordFailure(delivery: SmsDeliveryRecord, error: unknown) {
    const { failureKind, retryable, expected } = failureOf(error);
    const context = { deliveryId: delivery.id, purpose: delivery.purpose, attempts: delivery.attempts, failureKind };
    if (!expected) logger.error({ ...context, err: error }, "SMS delivery failed unexpectedly");
    const nextAttemptAt = new Date(clock.now().getTime() + Math.min(maxBackoffMs, backoffMs * 2 ** (delivery.attempts - 1)));
    if (retryable && delivery.attempts < maxAttempts && nextAttemptAt < delivery.expiresAt) {
      await repo.scheduleRetry(delivery.id, workerId, failureKind, nextAttemptAt);
      logger.warn({ ...context, nextAttemptAt }, "SMS delivery failed; it will be tried again");
    } else {
      await repo.markFailed(delivery.id, workerId, failureKind);
      logger.warn(context, "SMS delivery failed");
    }
  }

  async function runDelivery(delivery: SmsDeliveryRecord) {
    // A send can outlast the lease (gateway timeouts and the sender's own retries).
    const heartbeat = setInterval(() => void repo.extendLease(delivery.id, workerId, leaseFrom()).catch(() => {}), leaseMs / 3);
    try {
      if (delivery.attempts > maxAttempts) throw new SmsDeliveryFailure("interrupted", false);
      if (delivery.expiresAt <= clock.now()) throw new SmsDeliveryFailure("codeExpired", false);
      const outcome = await deliver(delivery);
      if (outcome === "dropped") {
        await repo.deleteDelivery(delivery.id, workerId);
        return;
      }
      await repo.markDelivered(delivery.id, workerId);
      logger.info({ deliveryId: delivery.id, purpose: delivery.purpose, attempts: delivery.attempts }, "SMS delivered to the gateway");
    } catch (error) {
      await recordFailure(delivery, error);
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function drainQueue() {
    while (!stopping) {
      const delivery = await repo.claimNextDelivery(workerId, clock.now(), leaseFrom());
      if (!delivery) return;
      currentDeliveryId = delivery.id;
      try {
        await runDelivery(delivery);
      } finally {
        currentDeliveryId = undefined;
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
        await drainQueue().catch((error) => logger.warn({ err: error }, "SMS delivery worker could not claim work"));
      } while (again && !stopping);
    })().finally(() => {
      running = false;
    });
  }

  /**
   * A kick once the current request has answered: the worker's work (more for a registered number
   * than for an unknown one) must not delay, and so reveal, the answer to the request that queued it.
   */
  function kickSoon() {
    if (soon || stopping || !enabled) return;
    soon = setTimeout(() => {
      soon = undefined;
      kick();
    }, kickDelayMs);
    soon.unref();
  }

  return {
    workerId,
    /** Starts polling; `exclusive` (embedded database) takes over at once what a previous process left being sent. */
    async start(options: { exclusive: boolean }) {
      if (!enabled) return;
      if (options.exclusive) await repo.releaseDeliveriesClaimedByOthers(workerId);
      timer = setInterval(kick, pollMs);
      timer.unref();
      kick();
    },
    /** Tells the worker there is work, so that it needn't wait for its next poll. */
    kick,
    kickSoon,
    /** Stops claiming; waits for the send in flight, or hands it back after drainMs. */
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      if (soon) clearTimeout(soon);
      if (!current) return;
      const finished = await Promise.race([current.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), drainMs).unref())]);
      if (!finished && currentDeliveryId) await repo.releaseClaim(currentDeliveryId, workerId).catch(() => {});
    },
  };
}

export type SmsDeliveryWorker = ReturnType<typeof createSmsDeliveryWorker>;
