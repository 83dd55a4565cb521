import type { Prisma } from "../../db/database.js";
import type { Sql as SqlReads } from "../../db/sql.js";
import type { DirectoryRoleName } from "../../generated/prisma/enums.js";
import { Prisma as Sql, type User } from "../../generated/prisma/client.js";

export type UserRecord = User;
/** A user with its directory roles, read in one statement (the hot path: every request's caller). */
export type UserWithRoles = UserRecord & { directoryRoles: DirectoryRoleName[] };

const USER_WITH_ROLES_TEXT = `u."id", u."userPrincipalName", u."displayName", u."passwordHash", u."passwordChangedAt",
  u."tokensValidAfter", u."createdAt",
  ARRAY(SELECT r."role"::text FROM "DirectoryRoleAssignment" r WHERE r."userId" = u."id" ORDER BY r."role") AS "directoryRoles"`;
const USER_WITH_ROLES = Sql.raw(USER_WITH_ROLES_TEXT);
/** A token's caller with its roles and the token's session state. */
export type TokenCaller = UserWithRoles & { sessionRevoked: boolean; sessionRenewedAt: Date | null };
/** The caller of a token, and the token's session (sign-out, refresh-token reuse, a password change kept it) in the same statement. */
const USER_WITH_ROLES_AND_SESSION = {
  name: "user-with-roles-and-session",
  text: `SELECT ${USER_WITH_ROLES_TEXT}, s."revokedAt" IS NOT NULL AS "sessionRevoked", s."renewedAt" AS "sessionRenewedAt"
    FROM "User" u LEFT JOIN "Session" s ON s."id" = $2::text AND s."userId" = u."id" WHERE u."id" = $1::uuid`,
};
const USERS_WITH_ROLES_BY_IDS = { name: "users-with-roles-by-ids", text: `SELECT ${USER_WITH_ROLES_TEXT} FROM "User" u WHERE u."id" = ANY($1::uuid[])` };

/** `text` as a LIKE pattern that matches it literally anywhere (no wildcards of the caller's). */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Storage of users and their directory roles. */
export function createUsersRepository(prisma: Prisma, sql: SqlReads) {
  return {
    /** Every authenticated request's caller (hot path: plain SQL). */
    findUsersWithRolesByIds: (ids: readonly string[]) => sql.query<UserWithRoles>(USERS_WITH_ROLES_BY_IDS, [ids]),

    /** A token's caller with the token's session state (hot path: one statement for both). */
    findUserWithRolesAndSession: async (id: string, sessionId: string) =>
      (await sql.query<TokenCaller>(USER_WITH_ROLES_AND_SESSION, [id, sessionId]))[0] ?? null,

    findUserById: (id: string) => prisma.user.findUnique({ where: { id } }),

    findExistingUserIds: (ids: string[]) => prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true } }),

    findUserWithRolesByPrincipalName: async (userPrincipalName: string): Promise<UserWithRoles | null> =>
      (await prisma.$queryRaw<UserWithRoles[]>`SELECT ${USER_WITH_ROLES} FROM "User" u WHERE u."userPrincipalName" = ${userPrincipalName.toLowerCase()}`)[0] ?? null,

    findUserByPrincipalName: (userPrincipalName: string) =>
      prisma.user.findUnique({ where: { userPrincipalName: userPrincipalName.toLowerCase() } }),

    /** One page ordered by userPrincipalName, with one extra row to tell whether more follow, and their roles. */
    listUsersWithRolesAfter: (args: { afterPrincipalName?: string; search?: string; take: number }) =>
      prisma.$queryRaw<UserWithRoles[]>`SELECT ${USER_WITH_ROLES} FROM "User" u
        WHERE (${args.afterPrincipalName ?? null}::text IS NULL OR u."userPrincipalName" > ${args.afterPrincipalName ?? null}::text)
          AND (${args.search ?? null}::text IS NULL
               OR u."userPrincipalName" ILIKE ${containing(args.search ?? "")} OR u."displayName" ILIKE ${containing(args.search ?? "")})
        ORDER BY u."userPrincipalName" ASC
        LIMIT ${args.take}`,

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

    /** One plain statement (a password reset waits on it); false when the user is gone. */
    updatePassword: async (userId: string, passwordHash: string, changedAt: Date): Promise<boolean> =>
      (await prisma.$executeRaw`UPDATE "User" SET "passwordHash" = ${passwordHash}, "passwordChangedAt" = ${changedAt}::timestamptz(3),
        "tokensValidAfter" = ${changedAt}::timestamptz(3) WHERE "id" = ${userId}::uuid`) === 1,
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
