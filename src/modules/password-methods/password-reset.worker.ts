import type { SecretBox } from "../../crypto/secret-box.js";
import type { EventBus } from "../../events/event-bus.js";
import type { Clock } from "../../lib/clock.js";
import { createLeasedQueueWorker } from "../../lib/leased-queue-worker.js";
import type { PasswordHasher } from "../../lib/password-hasher.js";
import { checkPasswordPolicy } from "../../lib/password-policy.js";
import type { Logger } from "../../logging/logger.js";
import type { OperationRecord } from "../operations/operations.repository.js";
import type { OperationsService } from "../operations/operations.service.js";
import type { SessionsService } from "../sessions/sessions.service.js";
import type { UsersService } from "../users/users.service.js";
import type { AuditTrail } from "../audit/audit-trail.js";
import type { EarlyHashes } from "./early-hashes.js";
import { PASSWORD_RESET } from "./password-reset.service.js";

/** Thrown to roll a reset's transaction back when another worker has claimed the operation meanwhile. */
const CLAIM_LOST = new Error("the operation was claimed by another worker");

export interface WorkerOptions {
  leaseMs?: number;
  pollMs?: number;
  maxAttempts?: number;
  /** How long stop() waits for in-flight work before handing it back. */
  drainMs?: number;
}

/**
 * Runs password resets in the background: claims operations from the database (so several
 * server processes can share the queue), hashes and stores the password, revokes the user's
 * tokens and publishes every status change. Work left by a crashed worker is resumed once its
 * lease runs out.
 */
export function createPasswordResetWorker(deps: {
  /** The reset's outcome is recorded as the system's (password.reset, success or failure). */
  audit: Pick<AuditTrail, "record" | "transaction">;
  operations: Pick<OperationsService, "queueOf" | "moveOperation">;
  users: Pick<UsersService, "findUserById" | "storePasswordHash">;
  /** Ends the user's sessions (refresh tokens too) and closes their sockets. */
  sessions: Pick<SessionsService, "revokeSessionsOfUser">;
  hasher: PasswordHasher;
  /** Hashes this process began when the reset was requested. */
  earlyHashes?: Pick<EarlyHashes, "take">;
  box: SecretBox;
  clock: Clock;
  events: EventBus;
  logger: Logger;
  options?: WorkerOptions;
}) {
  const { audit, operations, users, sessions, hasher, box, clock, events, logger } = deps;
  const maxAttempts = deps.options?.maxAttempts ?? 3;
  const loop = createLeasedQueueWorker({
    name: "worker",
    queue: operations.queueOf(PASSWORD_RESET),
    run: async (op) => {
      try {
        await runOperation(op);
      } catch (error) {
        logger.error({ err: error, operationId: op.id }, "password reset failed unexpectedly");
        await move(op, "failed", "InternalError").catch(() => {});
      }
    },
    clock,
    logger,
    leaseMs: deps.options?.leaseMs ?? 15_000,
    pollMs: deps.options?.pollMs ?? 1_000,
    drainMs: deps.options?.drainMs ?? 10_000,
  });
  const { workerId } = loop;

  const recordReset = (tx: Parameters<typeof audit.record>[0], op: OperationRecord, statusDetail: string) =>
    audit.record(tx, { origin: "system", activity: "password.reset", outcome: statusDetail === "ResetSuccess" ? "success" : "failure", targetUserId: op.userId, targetId: op.id, detail: { statusDetail } });

  // Running, or failed: a failure is recorded with the move that ends the operation (nothing when
  // another worker holds it). Success is the reset's own transaction (runOperation).
  const move = (op: OperationRecord, status: "running" | "failed", statusDetail: string | null) =>
    status === "running"
      ? operations.moveOperation(op.id, workerId, { status, statusDetail, clearPayload: false })
      : audit.transaction(async (tx) => {
          const moved = await operations.moveOperation(op.id, workerId, { status, statusDetail, clearPayload: true });
          if (moved) await recordReset(tx, op, statusDetail ?? "failed");
          return moved;
        });

  async function runOperation(op: OperationRecord) {
    if (op.attempts > maxAttempts) {
      await move(op, "failed", "OperationInterrupted");
      return;
    }
    let password: string;
    try {
      password = (JSON.parse(box.open(op.payload ?? "")) as { password: string }).password;
    } catch {
      await move(op, "failed", "InternalError");
      return;
    }
    // The hash, the long part, began with the request when it came to this process, else starts
    // now; the operation is marked running and the user read for the policy check meanwhile. A
    // hash that turns out not to be needed is dropped.
    const hashing = deps.earlyHashes?.take(op.id) ?? hasher.hash(password);
    hashing.catch(() => {});
    const [running, user] = await Promise.all([move(op, "running", null), users.findUserById(op.userId)]);
    if (!running) return;
    if (!user) {
      await move(op, "failed", "UserNotFound");
      return;
    }
    if (checkPasswordPolicy(password, user)) {
      await move(op, "failed", "PasswordPolicyViolation");
      return;
    }
    const hash = await hashing;
    const changedAt = clock.now();
    // One transaction: the hash stored and audited, the user's sessions ended, the operation done.
    // Its events go out as it commits, in this order: every instance hears that the old tokens are
    // revoked (and forgets what it remembered of the user) before a subscriber sees `succeeded`, so
    // no old token works once a client sees it. A worker that lost its claim changes nothing.
    await audit
      .transaction(async (tx) => {
        await users.storePasswordHash(user.id, hash, changedAt);
        await recordReset(tx, op, "ResetSuccess");
        await sessions.revokeSessionsOfUser(user.id, changedAt);
        if (!(await operations.moveOperation(op.id, workerId, { status: "succeeded", statusDetail: "ResetSuccess", clearPayload: true }))) throw CLAIM_LOST;
        await events.publish("authenticationMethodChanged", {
          userId: user.id,
          kind: "updated",
          method: { type: "password", createdAt: changedAt.toISOString() },
        });
      })
      .catch((error) => {
        if (error !== CLAIM_LOST) throw error;
      });
  }

  return { workerId, start: loop.start, kick: loop.kick, stop: loop.stop };
}

export type PasswordResetWorker = ReturnType<typeof createPasswordResetWorker>;
