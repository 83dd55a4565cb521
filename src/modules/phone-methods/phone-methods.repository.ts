import type { Prisma } from "../../db/database.js";
import type { Sql } from "../../db/sql.js";
import type { PhoneMethod } from "../../generated/prisma/client.js";
import type { PhoneType } from "../../generated/prisma/enums.js";

export type PhoneMethodRecord = PhoneMethod;

const TYPE_ORDER: Record<PhoneType, number> = { mobile: 0, alternateMobile: 1, office: 2 };

export const byPhoneTypeOrder = (a: { phoneType: PhoneType }, b: { phoneType: PhoneType }) =>
  TYPE_ORDER[a.phoneType] - TYPE_ORDER[b.phoneType];

/** Storage of phone authentication methods; SMS sign-in numbers are unique by a partial index. */
const PHONES_BY_USER_IDS = {
  name: "phones-by-user-ids",
  text: `SELECT "userId", "phoneType"::text AS "phoneType", "phoneNumber", "smsSignInEnabled", "createdAt", "updatedAt"
    FROM "PhoneMethod" WHERE "userId" = ANY($1::uuid[])`,
};

export function createPhoneMethodsRepository(prisma: Prisma, sql: Sql) {
  return {
    /** Read by every request that shows methods (hot path: plain SQL). */
    findPhoneMethodsByUserIds: async (userIds: readonly string[]) =>
      (await sql.query<PhoneMethodRecord>(PHONES_BY_USER_IDS, [userIds])).sort(byPhoneTypeOrder),

    findSmsSignInOwnersByNumbers: (numbers: readonly string[]) =>
      prisma.phoneMethod.findMany({
        where: { phoneNumber: { in: [...numbers] }, smsSignInEnabled: true },
        select: { phoneNumber: true, userId: true },
      }),

    findSmsSignInPhoneByNumber: (phoneNumber: string) =>
      prisma.phoneMethod.findFirst({ where: { phoneNumber, smsSignInEnabled: true } }),

    findPhoneMethod: (userId: string, phoneType: PhoneType) =>
      prisma.phoneMethod.findUnique({ where: { userId_phoneType: { userId, phoneType } } }),

    insertPhoneMethod: (data: { userId: string; phoneType: PhoneType; phoneNumber: string }) =>
      prisma.phoneMethod.create({ data: { ...data, smsSignInEnabled: false } }),

    updatePhoneNumber: (userId: string, phoneType: PhoneType, phoneNumber: string) =>
      prisma.phoneMethod.update({
        where: { userId_phoneType: { userId, phoneType } },
        data: { phoneNumber, smsSignInEnabled: false },
      }),

    /** Throws a unique violation when another user already signs in with this number. */
    setSmsSignInEnabled: (userId: string, phoneType: PhoneType, enabled: boolean) =>
      prisma.phoneMethod.update({
        where: { userId_phoneType: { userId, phoneType } },
        data: { smsSignInEnabled: enabled },
      }),

    disableSmsSignInForUsers: (userIds: string[]) =>
      prisma.phoneMethod.updateMany({ where: { userId: { in: userIds }, smsSignInEnabled: true }, data: { smsSignInEnabled: false } }),

    deletePhoneMethod: (userId: string, phoneType: PhoneType) =>
      prisma.phoneMethod.deleteMany({ where: { userId, phoneType } }),

    findAllMobilePhones: () =>
      prisma.phoneMethod.findMany({ where: { phoneType: "mobile" }, orderBy: { createdAt: "asc" } }),
  };
}

export type PhoneMethodsRepository = ReturnType<typeof createPhoneMethodsRepository>;
