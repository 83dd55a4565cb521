import type { Prisma } from "../../db/database.js";
import type { DirectoryRoleName } from "../../generated/prisma/enums.js";
import type { User } from "../../generated/prisma/client.js";

export type UserRecord = User;

/** Storage of users and their directory roles. */
export function createUsersRepository(prisma: Prisma) {
  return {
    findUsersByIds: (ids: readonly string[]) => prisma.user.findMany({ where: { id: { in: [...ids] } } }),

    findUserById: (id: string) => prisma.user.findUnique({ where: { id } }),

    findExistingUserIds: (ids: string[]) => prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true } }),

    /** One statement for what every authenticated request needs about its caller. */
    findUserWithDirectoryRoles: (id: string) =>
      prisma.user.findUnique({ where: { id }, select: { tokensValidAfter: true, directoryRoles: { select: { role: true } } } }),

    findUserByPrincipalName: (userPrincipalName: string) =>
      prisma.user.findUnique({ where: { userPrincipalName: userPrincipalName.toLowerCase() } }),

    /** One page ordered by userPrincipalName, with one extra row to tell whether more follow. */
    listUsersAfter: (args: { afterPrincipalName?: string; search?: string; take: number }) =>
      prisma.user.findMany({
        where: {
          ...(args.afterPrincipalName ? { userPrincipalName: { gt: args.afterPrincipalName } } : {}),
          ...(args.search
            ? {
                OR: [
                  { userPrincipalName: { contains: args.search, mode: "insensitive" as const } },
                  { displayName: { contains: args.search, mode: "insensitive" as const } },
                ],
              }
            : {}),
        },
        orderBy: { userPrincipalName: "asc" },
        take: args.take,
      }),

    createUser: (data: { id: string; userPrincipalName: string; displayName?: string | null; passwordHash?: string | null; passwordChangedAt?: Date | null }) =>
      prisma.user.create({ data: { ...data, userPrincipalName: data.userPrincipalName.toLowerCase() } }),

    deleteUserById: (id: string) => prisma.user.deleteMany({ where: { id } }),

    findDirectoryRolesByUserIds: (userIds: readonly string[]) =>
      prisma.directoryRoleAssignment.findMany({ where: { userId: { in: [...userIds] } }, orderBy: { role: "asc" } }),

    addDirectoryRole: (userId: string, role: DirectoryRoleName) =>
      prisma.directoryRoleAssignment.upsert({
        where: { userId_role: { userId, role } },
        create: { userId, role },
        update: {},
      }),

    removeDirectoryRole: (userId: string, role: DirectoryRoleName) =>
      prisma.directoryRoleAssignment.deleteMany({ where: { userId, role } }),

    countUsersWithRole: (role: DirectoryRoleName) => prisma.directoryRoleAssignment.count({ where: { role } }),

    updatePassword: (userId: string, passwordHash: string, changedAt: Date) =>
      prisma.user.update({
        where: { id: userId },
        data: { passwordHash, passwordChangedAt: changedAt, tokensValidAfter: changedAt },
      }),
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
