import type { Prisma } from "../../db/database.js";
import type { IdentityStore, SecurityRole } from "../../generated/prisma/client.js";

export type IdentityStoreRecord = IdentityStore;
export type SecurityRoleRecord = SecurityRole;
export type AuthenticationTypeName = "password" | "sms";

const enabledColumn = (type: AuthenticationTypeName, value: boolean) => (type === "password" ? { passwordEnabled: value } : { smsEnabled: value });
const enforcedColumn = (type: AuthenticationTypeName, value: boolean) => (type === "password" ? { enforcePassword: value } : { enforceSms: value });

/** Storage of identity stores, security roles and role membership. */
export function createDirectorySettingsRepository(prisma: Prisma) {
  return {
    findAllIdentityStores: () => prisma.identityStore.findMany({ orderBy: { name: "asc" } }),

    findIdentityStoreByIdOrName: (ref: string) =>
      prisma.identityStore.findFirst({ where: { OR: [{ id: ref }, { name: { equals: ref, mode: "insensitive" } }] } }),

    updateIdentityStoreSmsSettings: (id: string, data: { smsGatewayAccountId: string | null; smsMessageTemplate: string }) =>
      prisma.identityStore.update({ where: { id }, data }),

    setIdentityStoreTypeEnabled: (id: string, type: AuthenticationTypeName, enabled: boolean, smsGatewayAccountId?: string) =>
      prisma.identityStore.update({
        where: { id },
        data: { ...enabledColumn(type, enabled), ...(smsGatewayAccountId ? { smsGatewayAccountId } : {}) },
      }),

    countIdentityStoresWithTypeDisabled: (type: AuthenticationTypeName) => prisma.identityStore.count({ where: enabledColumn(type, false) }),

    findAllSecurityRoles: () => prisma.securityRole.findMany({ orderBy: { name: "asc" } }),

    findSecurityRoleByIdOrName: (ref: string) =>
      prisma.securityRole.findFirst({ where: { OR: [{ id: ref }, { name: { equals: ref, mode: "insensitive" } }] } }),

    setSecurityRoleTypeEnforced: (id: string, type: AuthenticationTypeName, enforced: boolean) =>
      prisma.securityRole.update({ where: { id }, data: enforcedColumn(type, enforced) }),

    countSecurityRolesEnforcing: (type: AuthenticationTypeName) => prisma.securityRole.count({ where: enforcedColumn(type, true) }),

    findSecurityRolesOfUser: (userId: string) => prisma.securityRole.findMany({ where: { members: { some: { userId } } } }),

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
