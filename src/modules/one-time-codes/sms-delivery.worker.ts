import { DomainError } from "../../errors/domain-error.js";
import type { Clock } from "../../lib/clock.js";
import { createLeasedQueueWorker } from "../../lib/leased-queue-worker.js";
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
 * code's expiry; a message claimed by a process that died is sent again once its lease runs out.
 */
export function createSmsDeliveryWorker(deps: {
  repo: Pick<
    SmsDeliveriesRepository,
    "claimNextDelivery" | "extendLease" | "markDelivered" | "markFailed" | "scheduleRetry" | "deleteDelivery" | "releaseClaim"
  >;
  deliver: (delivery: SmsDeliveryRecord) => Promise<DeliveryOutcome>;
  clock: Clock;
  logger: Logger;
  options?: SmsDeliveryWorkerOptions;
}) {
  const { repo, deliver, clock, logger } = deps;
  const enabled = deps.options?.enabled ?? true;
  const maxAttempts = deps.options?.maxAttempts ?? 5;
  const backoffMs = deps.options?.backoffMs ?? 5_000;
  const maxBackoffMs = deps.options?.maxBackoffMs ?? 60_000;
  const kickDelayMs = deps.options?.kickDelayMs ?? 20;
  const loop = createLeasedQueueWorker({
    name: "sms",
    queue: {
      claimNext: repo.claimNextDelivery,
      extendLease: repo.extendLease,
      releaseClaim: repo.releaseClaim,
    },
    run: (delivery) => runDelivery(delivery),
    clock,
    logger,
    leaseMs: deps.options?.leaseMs ?? 30_000,
    pollMs: deps.options?.pollMs ?? 1_000,
    drainMs: deps.options?.drainMs ?? 10_000,
    enabled,
  });
  const { workerId } = loop;
  let soon: NodeJS.Timeout | undefined;

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
    }
  }

  /**
   * A kick once the current request has answered: the worker's work (more for a registered number
   * than for an unknown one) must not delay, and so reveal, the answer to the request that queued it.
   */
  function kickSoon() {
    if (soon || loop.isStopping() || !enabled) return;
    soon = setTimeout(() => {
      soon = undefined;
      loop.kick();
    }, kickDelayMs);
    soon.unref();
  }

  return {
    workerId,
    start: loop.start,
    kick: loop.kick,
    kickSoon,
    /** Stops claiming; waits for the send in flight, or hands it back after drainMs. */
    async stop() {
      if (soon) clearTimeout(soon);
      await loop.stop();
    },
  };
}

export type SmsDeliveryWorker = ReturnType<typeof createSmsDeliveryWorker>;
