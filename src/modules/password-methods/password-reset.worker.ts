import { randomUUID } from "node:crypto";
import type { SecretBox } from "../../crypto/secret-box.js";
import type { EventBus } from "../../events/event-bus.js";
import type { Clock } from "../../lib/clock.js";
import type { PasswordHasher } from "../../lib/password-hasher.js";
import { checkPasswordPolicy } from "../../lib/password-policy.js";
import type { Logger } from "../../logging/logger.js";
import type { OperationRecord, OperationsRepository } from "../operations/operations.repository.js";
import type { OperationsService } from "../operations/operations.service.js";
import type { UsersService } from "../users/users.service.js";
import { PASSWORD_RESET } from "./password-reset.service.js";

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
 * lease runs out, or at start when this process is the database's only user (embedded).
 */
export function createPasswordResetWorker(deps: {
  operations: OperationsRepository;
  operationsService: OperationsService;
  users: UsersService;
  hasher: PasswordHasher;
  box: SecretBox;
  clock: Clock;
  events: EventBus;
  logger: Logger;
  options?: WorkerOptions;
}) {
  const { operations, operationsService, users, hasher, box, clock, events, logger } = deps;
  const leaseMs = deps.options?.leaseMs ?? 15_000;
  const pollMs = deps.options?.pollMs ?? 1_000;
  const maxAttempts = deps.options?.maxAttempts ?? 3;
  const drainMs = deps.options?.drainMs ?? 10_000;
  const workerId = `worker-${randomUUID()}`;

  let running = false;
  let stopping = false;
  let again = false;
  let current: Promise<void> | undefined;
  let currentOperationId: string | undefined;
  let timer: NodeJS.Timeout | undefined;

  const leaseFrom = () => new Date(clock.now().getTime() + leaseMs);

  async function move(op: OperationRecord, status: "running" | "succeeded" | "failed", statusDetail: string | null) {
    const updated = await operations.updateOperationStatus(op.id, workerId, {
      status,
      statusDetail,
      at: clock.now(),
      clearPayload: status !== "running",
    });
    if (updated) await operationsService.publishChange(updated);
    return updated;
  }

  async function runOperation(op: OperationRecord) {
    const heartbeat = setInterval(() => void operations.extendLease(op.id, workerId, leaseFrom()).catch(() => {}), leaseMs / 3);
    try {
      if (op.attempts > maxAttempts) {
        await move(op, "failed", "OperationInterrupted");
        return;
      }
      if (!(await move(op, "running", null))) return;
      let password: string;
      try {
        password = (JSON.parse(box.open(op.payload ?? "")) as { password: string }).password;
      } catch {
        await move(op, "failed", "InternalError");
        return;
      }
      const user = await users.findUserById(op.userId);
      if (!user) {
        await move(op, "failed", "UserNotFound");
        return;
      }
      if (checkPasswordPolicy(password, user)) {
        await move(op, "failed", "PasswordPolicyViolation");
        return;
      }
      const hash = await hasher.hash(password);
      const changedAt = clock.now();
      await users.storePasswordHash(user.id, hash, changedAt);
      await events.publish("sessionsRevoked", { userId: user.id, revokedBefore: changedAt.toISOString() });
      const done = await move(op, "succeeded", "ResetSuccess");
      if (done) {
        await events.publish("authenticationMethodChanged", {
          userId: user.id,
          kind: "updated",
          method: { type: "password", createdAt: changedAt.toISOString() },
        });
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function drainQueue() {
    while (!stopping) {
      const op = await operations.claimNextOperation(PASSWORD_RESET, workerId, clock.now(), leaseFrom());
      if (!op) return;
      currentOperationId = op.id;
      try {
        await runOperation(op);
      } catch (error) {
        logger.error({ err: error, operationId: op.id }, "password reset failed unexpectedly");
        await move(op, "failed", "InternalError").catch(() => {});
      } finally {
        currentOperationId = undefined;
      }
    }
  }

  function kick() {
    if (stopping) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    current = (async () => {
      do {
        again = false;
        await drainQueue().catch((error) => logger.warn({ err: error }, "password reset worker could not claim work"));
      } while (again && !stopping);
    })().finally(() => {
      running = false;
    });
  }

  return {
    workerId,
    /** Starts polling; `exclusive` (embedded database) resumes everything left running at once. */
    async start(options: { exclusive: boolean }) {
      if (options.exclusive) await operations.releaseOperationsClaimedByOthers(workerId);
      timer = setInterval(kick, pollMs);
      timer.unref();
      kick();
    },
    kick,
    /** Stops claiming; waits for in-flight work, or hands it back (lease released) after drainMs. */
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      if (!current) return;
      const finished = await Promise.race([current.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), drainMs).unref())]);
      if (!finished && currentOperationId) await operations.releaseClaim(currentOperationId, workerId).catch(() => {});
    },
  };
}

export type PasswordResetWorker = ReturnType<typeof createPasswordResetWorker>;
