import type { Prisma } from "../../db/database.js";
import type { Sql } from "../../db/sql.js";
import type { TransactionClient } from "../../db/transactions.js";
import type { IdentityStoreNotice, PhoneMethod } from "../../generated/prisma/client.js";
import type { NoticeKind, PhoneType } from "../../generated/prisma/enums.js";

/** A transaction in progress (the one that records a change and its audit event). */
export type Transaction = TransactionClient;

export type NoticeSettingRecord = IdentityStoreNotice;

export interface NoticeDeliveryRow {
  id: string;
  maskedPhoneNumber: string;
  sealedMessage: string;
  expiresAt: Date;
}

/**
 * Storage of notice settings, and what the notice follower reads and writes inside the
 * transaction of the change it follows (so a rolled-back change leaves no notice queued).
 */
// On the pool, never in the transaction in progress (`prisma` joins it): see findCommittedPhone.
const COMMITTED_PHONE = {
  name: "notices-committed-phone",
  text: `SELECT "userId", "phoneType"::text AS "phoneType", "phoneNumber", "smsSignInEnabled", "createdAt", "updatedAt"
    FROM "PhoneMethod" WHERE "userId" = $1::uuid AND "phoneType" = $2::"PhoneType"`,
};

export function createNoticesRepository(prisma: Prisma, sql: Sql) {
  return {
    findNoticeSettingsByStoreIds: (identityStoreIds: readonly string[]) =>
      prisma.identityStoreNotice.findMany({ where: { identityStoreId: { in: [...identityStoreIds] } } }),

    setNoticeEnabled: (identityStoreId: string, kind: NoticeKind, enabled: boolean) =>
      prisma.identityStoreNotice.upsert({
        where: { identityStoreId_kind: { identityStoreId, kind } },
        create: { identityStoreId, kind, enabled },
        update: { enabled },
      }),

    /** All or nothing; `template` null goes back to the built-in text. */
    saveNoticeTemplates: (identityStoreId: string, templates: readonly { kind: NoticeKind; template: string | null }[]) =>
      prisma.$transaction(
        templates.map(({ kind, template }) =>
          prisma.identityStoreNotice.upsert({
            where: { identityStoreId_kind: { identityStoreId, kind } },
            create: { identityStoreId, kind, template },
            update: { template },
          }),
        ),
      ),

    /** The stores with this kind switched on (usually none: notices are off by default). */
    findStoresWithNoticeEnabled: (tx: Transaction, kind: NoticeKind) =>
      tx.identityStoreNotice.findMany({ where: { kind, enabled: true }, select: { identityStoreId: true, template: true } }),

    /** The user and their phones as the transaction sees them (the change included). */
    findUserWithPhones: (tx: Transaction, userId: string) =>
      tx.user.findUnique({ where: { id: userId }, select: { id: true, userPrincipalName: true, phoneMethods: true } }),

    /**
     * The phone as last committed, outside the transaction: a phone deleted by the transaction in
     * progress is still there (the deletion is not committed yet), so its number can be read.
     */
    findCommittedPhone: async (userId: string, phoneType: PhoneType): Promise<PhoneMethod | null> =>
      (await sql.query<PhoneMethod>(COMMITTED_PHONE, [userId, phoneType]))[0] ?? null,

    insertNoticeDelivery: (tx: Transaction, row: NoticeDeliveryRow) =>
      tx.smsDelivery.create({ data: { ...row, purpose: "notice", challengeId: null } }),
  };
}

export type NoticesRepository = ReturnType<typeof createNoticesRepository>;
