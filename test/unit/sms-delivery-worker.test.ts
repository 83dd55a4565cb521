import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/errors/domain-error.js";
import { createManualClock } from "../../src/lib/clock.js";
import type { Logger } from "../../src/logging/logger.js";
import type { SmsDeliveryRecord } from "../../src/modules/one-time-codes/sms-deliveries.repository.js";
import { createSmsDeliveryWorker, failureOf, SmsDeliveryFailure, type DeliveryOutcome } from "../../src/modules/one-time-codes/sms-delivery.worker.js";

const SECOND = 1000;
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} } as unknown as Logger;

/** The repository's contract for the worker, in memory. */
function memoryDeliveries() {
  const rows = new Map<string, SmsDeliveryRecord>();
  const held = (id: string, workerId: string) => {
    const row = rows.get(id);
    return row && row.claimedBy === workerId && row.status === "sending" ? row : undefined;
  };
  return {
    rows,
    async claimNextDelivery(workerId: string, now: Date, leaseUntil: Date) {
      const due = [...rows.values()]
        .filter((r) => (r.status === "queued" || r.status === "sending") && r.nextAttemptAt <= now && (!r.claimedUntil || r.claimedUntil < now))
        .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime())[0];
      if (!due) return null;
      Object.assign(due, { status: "sending", claimedBy: workerId, claimedUntil: leaseUntil, attempts: due.attempts + 1, lastAttemptAt: now });
      return { ...due };
    },
    async extendLease() {},
    async markDelivered(id: string, workerId: string) {
      const row = held(id, workerId);
      if (row) Object.assign(row, { status: "delivered", failureKind: null, sealedMessage: null, claimedUntil: null });
      return Boolean(row);
    },
    async markFailed(id: string, workerId: string, failureKind: string) {
      const row = held(id, workerId);
      if (row) Object.assign(row, { status: "failed", failureKind, sealedMessage: null, claimedUntil: null });
      return Boolean(row);
    },
    async scheduleRetry(id: string, workerId: string, failureKind: string, nextAttemptAt: Date) {
      const row = held(id, workerId);
      if (row) Object.assign(row, { status: "queued", failureKind, nextAttemptAt, claimedBy: null, claimedUntil: null });
      return Boolean(row);
    },
    async deleteDelivery(id: string, workerId: string) {
      if (held(id, workerId)) rows.delete(id);
    },
    async releaseClaim() {},
  };
}

function setup(deliver: (delivery: SmsDeliveryRecord) => Promise<DeliveryOutcome>) {
  const clock = createManualClock(new Date("2026-11-23T09:00:00Z"));
  const repo = memoryDeliveries();
  const row: SmsDeliveryRecord = {
    id: "d1",
    purpose: "signIn",
    challengeId: "c1",
    maskedPhoneNumber: "+1 ******0123",
    sealedMessage: "v1.sealed",
    status: "queued",
    failureKind: null,
    attempts: 0,
    nextAttemptAt: clock.now(),
    expiresAt: new Date(clock.now().getTime() + 600 * SECOND),
    claimedBy: null,
    claimedUntil: null,
    lastAttemptAt: null,
    createdAt: clock.now(),
  };
  repo.rows.set(row.id, row);
  const worker = createSmsDeliveryWorker({ repo, deliver, clock, logger: silent, options: { pollMs: 60_000 } });
  /** One pass of the worker over what is due now. */
  const pass = async () => {
    worker.kick();
    await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { clock, repo, row: () => repo.rows.get("d1"), worker, pass };
}

const gatewayDown = () => new DomainError("PRECONDITION_FAILED", "down", { reason: "smsDeliveryFailed", deliveryFailure: "gatewayUnavailable", retryable: true });

describe("SMS delivery worker", () => {
  it("marks a delivered message and clears its sealed code", async () => {
    const { row, pass } = setup(async () => "delivered");
    await pass();
    expect(row()).toMatchObject({ status: "delivered", attempts: 1, sealedMessage: null, failureKind: null });
  });

  it("keeps no trace of a message that had nothing to send", async () => {
    const { row, pass } = setup(async () => "dropped");
    await pass();
    expect(row()).toBeUndefined();
  });

  it("retries what the gateway may get over after 5, 10, 20 and 40 seconds, then gives up", async () => {
    let calls = 0;
    const { clock, row, pass } = setup(async () => {
      calls++;
      throw gatewayDown();
    });
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      await pass();
      expect(calls).toBe(attempt);
      if (attempt < 5) {
        expect(row()).toMatchObject({ status: "queued", failureKind: "gatewayUnavailable", attempts: attempt, sealedMessage: "v1.sealed" });
        waits.push((row()!.nextAttemptAt.getTime() - clock.now().getTime()) / SECOND);
        // Not before its time.
        await pass();
        expect(calls).toBe(attempt);
        clock.advance(waits.at(-1)! * SECOND);
      }
    }
    expect(waits).toEqual([5, 10, 20, 40]);
    expect(row()).toMatchObject({ status: "failed", failureKind: "gatewayUnavailable", attempts: 5, sealedMessage: null });
  });

  it("fails at once on what retrying can't fix, and never retries past the code's expiry", async () => {
    const rejected = setup(async () => {
      throw new DomainError("PRECONDITION_FAILED", "no", { reason: "smsDeliveryFailed", deliveryFailure: "invalidRecipient", retryable: false });
    });
    await rejected.pass();
    expect(rejected.row()).toMatchObject({ status: "failed", failureKind: "invalidRecipient", attempts: 1 });

    const late = setup(async () => {
      throw gatewayDown();
    });
    late.row()!.expiresAt = new Date(late.clock.now().getTime() + 3 * SECOND);
    await late.pass();
    expect(late.row()).toMatchObject({ status: "failed", failureKind: "gatewayUnavailable" });
  });

  it("records refusals and faults by their reason", () => {
    expect(failureOf(new SmsDeliveryFailure("codeExpired", false))).toEqual({ failureKind: "codeExpired", retryable: false, expected: true });
    expect(failureOf(new DomainError("PRECONDITION_FAILED", "x", { reason: "destinationNotAllowed" }))).toEqual({ failureKind: "destinationNotAllowed", retryable: false, expected: true });
    expect(failureOf(new Error("connection lost"))).toEqual({ failureKind: "internalError", retryable: true, expected: false });
  });

  it("claims nothing when disabled, and nothing after stop", async () => {
    const { repo, clock } = setup(async () => "delivered");
    const disabled = createSmsDeliveryWorker({ repo, deliver: async () => "delivered", clock, logger: silent, options: { enabled: false } });
    await disabled.start();
    disabled.kick();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(repo.rows.get("d1")!.status).toBe("queued");

    const stopped = createSmsDeliveryWorker({ repo, deliver: async () => "delivered", clock, logger: silent, options: { pollMs: 60_000 } });
    await stopped.stop();
    stopped.kick();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(repo.rows.get("d1")!.status).toBe("queued");
  });
});
