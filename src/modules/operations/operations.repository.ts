import type { Prisma } from "../../db/database.js";
import type { Operation } from "../../generated/prisma/client.js";
import type { OperationStatus } from "../../generated/prisma/enums.js";

export type OperationRecord = Operation;

/** Storage of long-running operations; claiming is atomic so several workers can share a queue. */
export function createOperationsRepository(prisma: Prisma) {
  return {
    createOperation: (data: { id: string; userId: string; kind: string; resourceLocation: string; payload: string; createdAt: Date }) =>
      prisma.operation.create({ data: { ...data, status: "notStarted", lastActionAt: data.createdAt } }),

    findOperationById: (id: string) => prisma.operation.findUnique({ where: { id } }),

    findOperationsByUserIds: (userIds: readonly string[]) =>
      prisma.operation.findMany({ where: { userId: { in: [...userIds] } }, orderBy: { createdAt: "asc" } }),

    /**
     * Claims the oldest unfinished operation that nobody holds (never claimed, handed back, or
     * its worker's lease ran out) for `workerId` until `leaseUntil`. SKIP LOCKED keeps concurrent
     * workers apart; the lease keeps a claimed operation from being claimed again before it runs.
     */
    claimNextOperation: async (kind: string, workerId: string, now: Date, leaseUntil: Date): Promise<OperationRecord | null> => {
      const rows = await prisma.$queryRaw<OperationRecord[]>`
        UPDATE "Operation" SET "claimedBy" = ${workerId}, "claimedUntil" = ${leaseUntil}, "attempts" = "attempts" + 1
        WHERE id = (
          SELECT id FROM "Operation"
          WHERE kind = ${kind}
            AND status IN ('notStarted', 'running')
            AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})
          ORDER BY "createdAt"
          FOR UPDATE SKIP LOCKED
          LIMIT 1
        )
        RETURNING *`;
      return rows[0] ?? null;
    },

    extendLease: (id: string, workerId: string, leaseUntil: Date) =>
      prisma.operation.updateMany({ where: { id, claimedBy: workerId, status: { in: ["notStarted", "running"] } }, data: { claimedUntil: leaseUntil } }),

    /** Moves an operation on, only while `workerId` still holds it; returns the new row or null. */
    updateOperationStatus: async (
      id: string,
      workerId: string,
      change: { status: OperationStatus; statusDetail?: string | null; at: Date; clearPayload?: boolean },
    ): Promise<OperationRecord | null> => {
      // One statement: a reset waits on it twice.
      const clear = change.clearPayload ?? false;
      const rows = await prisma.$queryRaw<OperationRecord[]>`
        UPDATE "Operation" SET "status" = ${change.status}::"OperationStatus", "statusDetail" = ${change.statusDetail ?? null},
          "lastActionAt" = ${change.at},
          "payload" = CASE WHEN ${clear}::boolean THEN NULL ELSE "payload" END,
          "claimedUntil" = CASE WHEN ${clear}::boolean THEN NULL ELSE "claimedUntil" END
        WHERE id = ${id}::uuid AND "claimedBy" = ${workerId}
        RETURNING *`;
      return rows[0] ?? null;
    },

    releaseClaim: (id: string, workerId: string) =>
      prisma.operation.updateMany({ where: { id, claimedBy: workerId }, data: { claimedUntil: null } }),

    /** How many operations of `kind` wait for a worker (as claimNextOperation sees them), and since when the oldest. */
    countWaitingOperations: async (kind: string, now: Date): Promise<{ depth: number; oldestCreatedAt: Date | null }> => {
      const rows = await prisma.$queryRaw<{ depth: number; oldest: Date | null }[]>`
        SELECT count(*)::int AS depth, min("createdAt") AS oldest FROM "Operation"
        WHERE kind = ${kind} AND status IN ('notStarted', 'running') AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})`;
      return { depth: rows[0]?.depth ?? 0, oldestCreatedAt: rows[0]?.oldest ?? null };
    },
  };
}

export type OperationsRepository = ReturnType<typeof createOperationsRepository>;
