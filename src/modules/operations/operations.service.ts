import DataLoader from "dataloader";
import { requireAuthenticated } from "../../auth/permissions.js";
import { notFound } from "../../errors/domain-error.js";
import type { EventBus, EventTopics } from "../../events/event-bus.js";
import type { RequestScope, UsersService } from "../users/users.service.js";
import type { OperationRecord, OperationsRepository } from "./operations.repository.js";
import { isUuid } from "../../lib/uuid.js";

export type OperationEvent = EventTopics["operationChanged"];

export interface OperationLoaders {
  operationsByUserId: DataLoader<string, OperationRecord[]>;
}

export const isTerminal = (status: string) => status === "succeeded" || status === "failed";

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

/** Long-running operations: reading them, and following their status live. */
export function createOperationsService(deps: { repo: OperationsRepository; users: UsersService; events: EventBus }) {
  const { repo, users, events } = deps;

  const createLoaders = (): OperationLoaders => ({
    operationsByUserId: new DataLoader(async (userIds) => {
      const rows = await repo.findOperationsByUserIds(userIds);
      return userIds.map((id) => rows.filter((r) => r.userId === id));
    }),
  });

  async function publishChange(op: OperationRecord) {
    await events.publish("operationChanged", toOperationEvent(op));
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
    createLoaders,
    publishChange,
    followOperation,
    listOperations: (scope: RequestScope, userId: string) => scope.loaders.operationsByUserId.load(userId),
  };
}

export type OperationsService = ReturnType<typeof createOperationsService>;
