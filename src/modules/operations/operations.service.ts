import DataLoader from "dataloader";
import { randomUUID } from "node:crypto";
import { requireAuthenticated } from "../../auth/permissions.js";
import { notFound } from "../../errors/domain-error.js";
import type { EventBus, EventTopics } from "../../events/event-bus.js";
import type { OperationStatus } from "../../generated/prisma/enums.js";
import type { Clock } from "../../lib/clock.js";
import type { LeasedQueue } from "../../lib/leased-queue-worker.js";
import { isUuid } from "../../lib/uuid.js";
import type { RequestScope } from "../request-scope.js";
import type { UsersService } from "../users/users.service.js";
import type { OperationRecord, OperationsRepository } from "./operations.repository.js";

export type OperationEvent = EventTopics["operationChanged"];

export const isTerminal = (status: OperationStatus) => status === "succeeded" || status === "failed";

export function toOperationEvent(op: OperationRecord): OperationEvent {
  return {
    id: op.id,
    userId: op.userId,
    status: op.status,
    statusDetail: op.statusDetail,
    resourceLocation: op.resourceLocation,
    createdAt: new Date(op.createdAt).toISOString(),
    lastActionAt: new Date(op.lastActionAt).toISOString(),
  };
}

/**
 * Long-running operations: starting them, the queue their workers claim them from, moving them
 * on, reading them, and following their status live. Every change is published.
 */
export function createOperationsService(deps: { repo: OperationsRepository; users: Pick<UsersService, "resolveTarget">; events: EventBus; clock: Clock }) {
  const { repo, users, events, clock } = deps;

  const createLoaders = () => ({
    operationsByUserId: new DataLoader<string, OperationRecord[]>(async (userIds) => {
      const rows = await repo.findOperationsByUserIds(userIds);
      return userIds.map((id) => rows.filter((r) => r.userId === id));
    }),
  });

  async function publishChange(op: OperationRecord) {
    await events.publish("operationChanged", toOperationEvent(op));
  }

  /** Records a new operation of `kind` (notStarted) for its worker to claim. */
  async function startOperation(data: { userId: string; kind: string; resourceLocation: string; payload: string }): Promise<OperationRecord> {
    const operation = await repo.createOperation({ id: randomUUID(), ...data, createdAt: clock.now() });
    await publishChange(operation);
    return operation;
  }

  /** The operations of one kind, as a queue that several processes' workers share. */
  function queueOf(kind: string): LeasedQueue<OperationRecord> {
    return {
      claimNext: (workerId, now, leaseUntil) => repo.claimNextOperation(kind, workerId, now, leaseUntil),
      extendLease: repo.extendLease,
      releaseClaim: repo.releaseClaim,
    };
  }

  /** Moves an operation on while `workerId` still holds it; null when it does not. */
  async function moveOperation(
    id: string,
    workerId: string,
    change: { status: OperationStatus; statusDetail: string | null; clearPayload: boolean },
  ): Promise<OperationRecord | null> {
    const updated = await repo.updateOperationStatus(id, workerId, { ...change, at: clock.now() });
    if (updated) await publishChange(updated);
    return updated;
  }

  /**
   * The operation's current state, then every change, ending after a terminal state. Subscribes
   * before reading so that no change between the read and the subscription is lost.
   */
  async function followOperation(scope: RequestScope, operationId: string): Promise<AsyncGenerator<OperationEvent>> {
    requireAuthenticated(scope.viewer);
    const op = isUuid(operationId) ? await repo.findOperationById(operationId.toLowerCase()) : null;
    if (!op) throw notFound("Operation");
    // Following an operation is reading its user's methods: the same check, the same answer.
    await users.resolveTarget(scope, op.userId, "read");

    const changes = events.subscribe("operationChanged", (e) => e.id === op.id);
    return (async function* () {
      try {
        const current = toOperationEvent((await repo.findOperationById(op.id)) ?? op);
        yield current;
        if (isTerminal(current.status)) return;
        let last = current;
        for await (const change of changes) {
          if (change.lastActionAt < last.lastActionAt || (change.status === last.status && change.lastActionAt === last.lastActionAt)) continue;
          last = change;
          yield change;
          if (isTerminal(change.status)) return;
        }
      } finally {
        await changes.return();
      }
    })();
  }

  return {
    startOperation,
    queueOf,
    moveOperation,
    followOperation,
    listOperations: (scope: RequestScope, userId: string) => scope.loaders.get(createLoaders).operationsByUserId.load(userId),
    /** The queue of `kind` for metrics: operations waiting for a worker and the age of the oldest. */
    async queueStats(kind: string): Promise<{ depth: number; oldestWaitingSeconds: number }> {
      const now = clock.now();
      const { depth, oldestCreatedAt } = await repo.countWaitingOperations(kind, now);
      return { depth, oldestWaitingSeconds: oldestCreatedAt ? Math.max(0, (now.getTime() - oldestCreatedAt.getTime()) / 1000) : 0 };
    },
  };
}

export type OperationsService = ReturnType<typeof createOperationsService>;
