import type { Prisma } from "../../db/database.js";
import type { TransactionClient } from "../../db/transactions.js";
import { Prisma as Sql } from "../../generated/prisma/client.js";

/** An audit event as stored (sequence as text: it is a BIGINT). */
export interface AuditEventRow {
  id: string;
  sequence: string;
  occurredAt: Date;
  activity: string;
  outcome: string;
  actorType: string;
  actorId: string | null;
  actorDisplayName: string | null;
  targetUserId: string | null;
  targetId: string | null;
  clientAddress: string | null;
  requestId: string | null;
  detail: unknown;
}

export interface NewAuditEvent extends Omit<AuditEventRow, "sequence"> {
  /** When the actor is a user and no display name is given, the user's is read by the insert. */
  actorUserId: string | null;
}

export interface AuditEventFilterValues {
  activity?: string | null;
  actorId?: string | null;
  targetUserId?: string | null;
  since?: Date | null;
  until?: Date | null;
}

const COLUMNS = Sql.raw(`"id", "sequence"::text AS "sequence", "occurredAt", "activity", "outcome", "actorType", "actorId", "actorDisplayName",
  "targetUserId"::text AS "targetUserId", "targetId", "clientAddress", "requestId", "detail"`);

/** Storage of the audit trail: inserted in the caller's transaction, read newest first. */
export function createAuditRepository(prisma: Prisma) {
  return {
    insertAuditEvent: async (tx: TransactionClient, e: NewAuditEvent): Promise<AuditEventRow> => {
      const rows = await tx.$queryRaw<AuditEventRow[]>`
        INSERT INTO "AuditEvent" ("id", "occurredAt", "activity", "outcome", "actorType", "actorId", "actorDisplayName",
          "targetUserId", "targetId", "clientAddress", "requestId", "detail")
        VALUES (${e.id}::uuid, ${e.occurredAt}, ${e.activity}, ${e.outcome}, ${e.actorType}, ${e.actorId},
          COALESCE(${e.actorDisplayName}::text,
            (SELECT COALESCE(u."displayName", u."userPrincipalName") FROM "User" u WHERE u."id" = ${e.actorUserId}::uuid)),
          ${e.targetUserId}::uuid, ${e.targetId}, ${e.clientAddress}, ${e.requestId}, ${e.detail === null ? null : JSON.stringify(e.detail)}::jsonb)
        RETURNING ${COLUMNS}`;
      return rows[0]!;
    },

    findAuditEventById: async (id: string): Promise<AuditEventRow | null> =>
      (await prisma.$queryRaw<AuditEventRow[]>`SELECT ${COLUMNS} FROM "AuditEvent" WHERE "id" = ${id}::uuid`)[0] ?? null,

    /** One page, newest first, before `beforeSequence`, with one extra row to tell whether more follow. */
    findAuditEventsBefore: (filter: AuditEventFilterValues, beforeSequence: string | null, take: number) =>
      prisma.$queryRaw<AuditEventRow[]>`SELECT ${COLUMNS} FROM "AuditEvent"
        WHERE (${beforeSequence}::bigint IS NULL OR "sequence" < ${beforeSequence}::bigint)
          AND (${filter.activity ?? null}::text IS NULL OR "activity" = ${filter.activity ?? null}::text)
          AND (${filter.actorId ?? null}::text IS NULL OR "actorId" = ${filter.actorId ?? null}::text)
          AND (${filter.targetUserId ?? null}::uuid IS NULL OR "targetUserId" = ${filter.targetUserId ?? null}::uuid)
          AND (${filter.since ?? null}::timestamptz IS NULL OR "occurredAt" >= ${filter.since ?? null}::timestamptz)
          AND (${filter.until ?? null}::timestamptz IS NULL OR "occurredAt" < ${filter.until ?? null}::timestamptz)
        ORDER BY "sequence" DESC
        LIMIT ${take}`,

    deleteAuditEventsBefore: (before: Date) => prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE "occurredAt" < ${before}`,
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
