import type { Prisma } from "../../db/database.js";
import type { SmsGatewayAccount } from "../../generated/prisma/client.js";
import type { SmsProvider } from "../../generated/prisma/enums.js";

export type SmsGatewayAccountRecord = SmsGatewayAccount;

export interface SmsGatewayAccountData {
  name: string;
  provider: SmsProvider;
  endpoint: string | null;
  senderId: string | null;
  sealedCredentials: string | null;
}

/** Storage of SMS gateway accounts; one default at most, kept by a partial unique index. */
export function createSmsGatewaysRepository(prisma: Prisma) {
  return {
    findAllGatewayAccounts: () => prisma.smsGatewayAccount.findMany({ orderBy: [{ createdAt: "asc" }, { name: "asc" }] }),

    findGatewayAccountsByIds: (ids: readonly string[]) => prisma.smsGatewayAccount.findMany({ where: { id: { in: [...ids] } } }),

    findGatewayAccountById: (id: string) => prisma.smsGatewayAccount.findUnique({ where: { id } }),

    findGatewayAccountByName: (name: string) => prisma.smsGatewayAccount.findUnique({ where: { name } }),

    findDefaultGatewayAccount: () => prisma.smsGatewayAccount.findFirst({ where: { isDefault: true } }),

    /** The first account of all becomes the default, whatever the caller asked. */
    insertGatewayAccount: (id: string, data: SmsGatewayAccountData, makeDefault: boolean) =>
      prisma.$transaction(async (tx) => {
        const isFirst = (await tx.smsGatewayAccount.count()) === 0;
        if (makeDefault && !isFirst) await tx.smsGatewayAccount.updateMany({ where: { isDefault: true }, data: { isDefault: false } });
        return tx.smsGatewayAccount.create({ data: { id, ...data, isDefault: makeDefault || isFirst } });
      }),

    updateGatewayAccount: (id: string, data: SmsGatewayAccountData, makeDefault: boolean) =>
      prisma.$transaction(async (tx) => {
        if (makeDefault) await tx.smsGatewayAccount.updateMany({ where: { isDefault: true, id: { not: id } }, data: { isDefault: false } });
        return tx.smsGatewayAccount.update({ where: { id }, data: { ...data, ...(makeDefault ? { isDefault: true } : {}) } });
      }),

    countIdentityStoresUsingGatewayAccount: (id: string) => prisma.identityStore.count({ where: { smsGatewayAccountId: id } }),

    /** Deletes the account; when it was the default, the oldest remaining account takes over. */
    deleteGatewayAccount: (id: string) =>
      prisma.$transaction(async (tx) => {
        const deleted = await tx.smsGatewayAccount.delete({ where: { id } });
        if (deleted.isDefault) {
          const successor = await tx.smsGatewayAccount.findFirst({ orderBy: [{ createdAt: "asc" }, { name: "asc" }] });
          if (successor) await tx.smsGatewayAccount.update({ where: { id: successor.id }, data: { isDefault: true } });
        }
        return deleted;
      }),
  };
}

export type SmsGatewaysRepository = ReturnType<typeof createSmsGatewaysRepository>;
