import type { Prisma } from "../../db/database.js";
import type { IdentityStore, SecurityRole, User } from "../../generated/prisma/client.js";
import type { AuthenticationType } from "./authentication-type.js";

export type IdentityStoreRecord = IdentityStore;
export type SecurityRoleRecord = SecurityRole;
/** A member of a security role: the user, and which role the row is about. */
export type SecurityRoleMemberRecord = User & { securityRoleId: string };

const enabledColumn = (type: AuthenticationType, value: boolean) => (type === "password" ? { passwordEnabled: value } : { smsEnabled: value });
const enforcedColumn = (type: AuthenticationType, value: boolean) => (type === "password" ? { enforcePassword: value } : { enforceSms: value });

/** Storage of identity stores, security roles and role membership. */
export function createDirectorySettingsRepository(prisma: Prisma) {
  return {
    findAllIdentityStores: () => prisma.identityStore.findMany({ orderBy: { name: "asc" } }),

    /** By exact id, else by name ignoring case (an exact comparison: Prisma's insensitive `equals` is an ILIKE pattern). */
    findIdentityStoreByIdOrName: async (ref: string): Promise<IdentityStore | null> => {
      const rows = await prisma.$queryRaw<IdentityStore[]>`
        SELECT * FROM "IdentityStore" WHERE "id" = ${ref} OR lower("name") = lower(${ref}) ORDER BY ("id" = ${ref}) DESC LIMIT 1`;
      return rows[0] ?? null;
    },

    /** Columns left undefined are left as they are. */
    updateIdentityStoreSmsSettings: (
      id: string,
      data: {
        smsGatewayAccountId: string | null;
        smsMessageTemplate: string;
        smsAllowedCountryCallingCodes?: string[];
        smsDailyLimitPerCountry?: number;
        smsDailyLimitPerPrefix?: number;
      },
    ) => prisma.identityStore.update({ where: { id }, data }),

    setIdentityStoreTypeEnabled: (id: string, type: AuthenticationType, enabled: boolean, smsGatewayAccountId?: string) =>
      prisma.identityStore.update({
        where: { id },
        data: { ...enabledColumn(type, enabled), ...(smsGatewayAccountId ? { smsGatewayAccountId } : {}) },
      }),

    countIdentityStoresWithTypeDisabled: (type: AuthenticationType) => prisma.identityStore.count({ where: enabledColumn(type, false) }),

    findAllSecurityRoles: () => prisma.securityRole.findMany({ orderBy: { name: "asc" } }),

    /** By exact id, else by name ignoring case (exactly, as for identity stores). */
    findSecurityRoleByIdOrName: async (ref: string): Promise<SecurityRole | null> => {
      const rows = await prisma.$queryRaw<SecurityRole[]>`
        SELECT * FROM "SecurityRole" WHERE "id" = ${ref} OR lower("name") = lower(${ref}) ORDER BY ("id" = ${ref}) DESC LIMIT 1`;
      return rows[0] ?? null;
    },

    setSecurityRoleTypeEnforced: (id: string, type: AuthenticationType, enforced: boolean) =>
      prisma.securityRole.update({ where: { id }, data: enforcedColumn(type, enforced) }),

    countSecurityRolesEnforcing: (type: AuthenticationType) => prisma.securityRole.count({ where: enforcedColumn(type, true) }),

    findExistingSecurityRoleIds: (ids: string[]) => prisma.securityRole.findMany({ where: { id: { in: ids } }, select: { id: true } }),

    findSecurityRolesOfUser: (userId: string) => prisma.securityRole.findMany({ where: { members: { some: { userId } } } }),

    findSecurityRoleIdsByUserIds: (userIds: readonly string[]) =>
      prisma.securityRoleMember.findMany({ where: { userId: { in: [...userIds] } }, select: { userId: true, securityRoleId: true } }),

    /** The members of every role named, in one statement, ordered by userPrincipalName. */
    findMembersBySecurityRoleIds: (securityRoleIds: readonly string[]) =>
      prisma.$queryRaw<SecurityRoleMemberRecord[]>`
        SELECT u.*, m."securityRoleId" FROM "SecurityRoleMember" m JOIN "User" u ON u."id" = m."userId"
        WHERE m."securityRoleId" = ANY(${[...securityRoleIds]}::text[])
        ORDER BY u."userPrincipalName" ASC`,

    addSecurityRoleMember: (securityRoleId: string, userId: string) =>
      prisma.securityRoleMember.upsert({
        where: { securityRoleId_userId: { securityRoleId, userId } },
        create: { securityRoleId, userId },
        update: {},
      }),

    removeSecurityRoleMember: (securityRoleId: string, userId: string) =>
      prisma.securityRoleMember.deleteMany({ where: { securityRoleId, userId } }),
  };
}

export type DirectorySettingsRepository = ReturnType<typeof createDirectorySettingsRepository>;
