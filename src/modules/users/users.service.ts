import DataLoader from "dataloader";
import { randomUUID } from "node:crypto";
import type { ViewerSource } from "../../auth/authenticate.js";
import type { CallerCache } from "../../auth/caller-cache.js";
import {
  canAccessMethods,
  canActOnOtherUsers,
  canListUsers,
  canManageDirectory,
  requireAuthenticated,
  requireSignedInUser,
  type Access,
  type AccessTarget,
} from "../../auth/permissions.js";
import { conflictOnUniqueViolation, isLastGlobalAdministratorViolation } from "../../db/unique-violation.js";
import { badInput, DomainError, forbidden, notFound } from "../../errors/domain-error.js";
import type { EventBus } from "../../events/event-bus.js";
import type { DirectoryRoleName } from "../../generated/prisma/enums.js";
import type { Clock } from "../../lib/clock.js";
import type { PasswordHasher } from "../../lib/password-hasher.js";
import { checkPasswordPolicy } from "../../lib/password-policy.js";
import { isUuid } from "../../lib/uuid.js";
import type { AuditTrail } from "../audit/audit-trail.js";
import type { RequestLoaders, RequestScope } from "../request-scope.js";
import type { CreateUserInput } from "./user.input.js";
import type { TokenCaller, UserRecord, UsersRepository, UserWithRoles } from "./users.repository.js";

const UPN = /^[^\s@]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
const MAX_PAGE = 100;

/** A user a request acts on, with the directory roles the permission matrix weighs. */
export interface TargetUser extends UserRecord, AccessTarget {
  directoryRoles: DirectoryRoleName[];
}

export interface UserPage {
  users: UserRecord[];
  hasNextPage: boolean;
}

function encodeCursor(user: UserRecord): string {
  return Buffer.from(`upn:${user.userPrincipalName}`).toString("base64url");
}

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  if (!decoded.startsWith("upn:")) throw badInput("Invalid cursor", { field: "after" });
  return decoded.slice(4);
}

/** The directory: finding users (by id or UPN), authorising access to them, and administering them. */
export function createUsersService(deps: {
  audit: Pick<AuditTrail, "record" | "transaction">;
  repo: UsersRepository;
  hasher: PasswordHasher;
  clock: Clock;
  events: Pick<EventBus, "publish">;
  /** Tokens' callers shared across requests; without it, read for every request. */
  callers?: Pick<CallerCache<TokenCaller>, "load">;
}) {
  const { audit, repo, hasher, clock, events, callers } = deps;
  /** Live sessions (graphql-ws) holding the user's old access end on every instance. */
  const accessChanged = (userId: string, change: "deleted" | "directoryRolesChanged") => events.publish("userAccessChanged", { userId, change });

  // A user is read with its roles in one statement, and each fills both loaders.
  const createLoaders = () => {
    const directoryRolesByUserId = new DataLoader<string, DirectoryRoleName[]>(async (ids) => {
      const rows = await repo.findDirectoryRolesByUserIds(ids);
      return ids.map((id) => rows.filter((r) => r.userId === id).map((r) => r.role));
    });
    const rememberRoles = (user: UserWithRoles) => {
      directoryRolesByUserId.clear(user.id).prime(user.id, user.directoryRoles);
      return user;
    };
    const userById = new DataLoader<string, UserWithRoles | null>(async (ids) => {
      const rows = await repo.findUsersWithRolesByIds(ids.filter((id) => isUuid(id)));
      const byId = new Map(rows.map((u) => [u.id, rememberRoles(u)]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    return { userById, directoryRolesByUserId, remember: (user: UserWithRoles) => userById.clear(user.id).prime(user.id, rememberRoles(user)) };
  };
  const loaders = (scope: RequestLoaders | RequestScope) => ("loaders" in scope ? scope.loaders : scope).get(createLoaders);
  const forget = (scope: RequestScope, userId: string) => {
    loaders(scope).userById.clear(userId);
    loaders(scope).directoryRolesByUserId.clear(userId);
  };

  async function findUser(scope: RequestScope, ref: string): Promise<UserRecord | null> {
    const trimmed = ref.trim();
    if (isUuid(trimmed)) return loaders(scope).userById.load(trimmed.toLowerCase());
    if (!trimmed.includes("@")) return null;
    const user = await repo.findUserWithRolesByPrincipalName(trimmed);
    if (user) loaders(scope).remember(user);
    return user;
  }

  async function withRoles(scope: RequestScope, user: UserRecord): Promise<TargetUser> {
    return { ...user, directoryRoles: await loaders(scope).directoryRolesByUserId.load(user.id) };
  }

  /**
   * The user a request acts on (omitted = the caller), checked against the permission matrix.
   * Whether another user exists is only told to callers allowed to act on other users.
   */
  async function resolveTarget(scope: RequestScope, ref: string | null | undefined, access: Access): Promise<TargetUser> {
    const { viewer } = scope;
    requireAuthenticated(viewer);
    if (ref === null || ref === undefined) {
      requireSignedInUser(viewer);
      ref = viewer.userId;
    }
    const user = await findUser(scope, ref);
    if (!user) {
      if (canActOnOtherUsers(viewer, access)) throw notFound("User");
      throw forbidden();
    }
    const target = await withRoles(scope, user);
    if (!canAccessMethods(viewer, target, access)) {
      throw forbidden(
        access === "read"
          ? "You are not allowed to read this user's authentication methods"
          : "You are not allowed to change this user's authentication methods",
      );
    }
    return target;
  }

  async function me(scope: RequestScope): Promise<UserRecord> {
    requireSignedInUser(scope.viewer);
    const user = await loaders(scope).userById.load(scope.viewer.userId);
    if (!user) throw new DomainError("UNAUTHENTICATED", "The signed-in user no longer exists");
    return user;
  }

  async function listUsers(scope: RequestScope, args: { first: number; after?: string | null; search?: string | null }): Promise<UserPage> {
    requireAuthenticated(scope.viewer);
    if (!canListUsers(scope.viewer)) throw forbidden("You are not allowed to list the directory");
    if (!Number.isInteger(args.first) || args.first < 0 || args.first > MAX_PAGE) {
      throw badInput(`first must be between 0 and ${MAX_PAGE}`, { field: "first" });
    }
    const search = args.search?.trim() || undefined;
    if (search && search.length > 256) throw badInput("search is too long", { field: "search" });
    const rows = await repo.listUsersWithRolesAfter({
      afterPrincipalName: args.after ? decodeCursor(args.after) : undefined,
      search,
      take: args.first + 1,
    });
    for (const u of rows) loaders(scope).remember(u);
    return { users: rows.slice(0, args.first), hasNextPage: rows.length > args.first };
  }

  function requireDirectoryAdmin(scope: RequestScope) {
    requireAuthenticated(scope.viewer);
    if (!canManageDirectory(scope.viewer)) {
      throw forbidden("Directory administration needs the Global Administrator role or User.ReadWrite.All");
    }
  }

  async function findExisting(scope: RequestScope, ref: string): Promise<UserRecord> {
    const user = await findUser(scope, ref);
    if (!user) throw notFound("User");
    return user;
  }

  const principalNameTaken = () =>
    new DomainError("CONFLICT", "A user with this userPrincipalName already exists", { reason: "userPrincipalNameNotUnique" });

  async function createUser(scope: RequestScope, input: CreateUserInput) {
    requireDirectoryAdmin(scope);
    const upn = input.userPrincipalName.trim().toLowerCase();
    if (!UPN.test(upn) || upn.length > 254) throw badInput("userPrincipalName must look like name@domain", { field: "userPrincipalName" });
    const displayName = input.displayName?.trim() || null;
    if (displayName && displayName.length > 256) throw badInput("displayName is too long", { field: "displayName" });
    let passwordHash: string | null = null;
    if (input.password !== undefined && input.password !== null) {
      const violation = checkPasswordPolicy(input.password, { userPrincipalName: upn, displayName });
      if (violation) throw badInput(violation.message, { reason: violation.reason, field: "password" });
      passwordHash = await hasher.hash(input.password);
    }
    if (await repo.findUserByPrincipalName(upn)) throw principalNameTaken();
    return audit.transaction(async (tx) => {
      const user = await conflictOnUniqueViolation(
        repo.createUser({ id: randomUUID(), userPrincipalName: upn, displayName, passwordHash, passwordChangedAt: passwordHash ? clock.now() : null }),
        principalNameTaken,
      );
      await audit.record(tx, { origin: scope, activity: "user.created", targetUserId: user.id, detail: { userPrincipalName: upn, withPassword: passwordHash !== null } });
      return user;
    });
  }

  const lastGlobalAdministrator = () =>
    new DomainError("PRECONDITION_FAILED", "The directory must keep at least one Global Administrator", { reason: "lastGlobalAdministrator" });

  /**
   * Runs a removal that the database refuses when it would leave no Global Administrator (a
   * trigger, so that parallel removals can't each count the other as the one that stays).
   */
  async function keepingAGlobalAdministrator<T>(user: TargetUser, removes: boolean, change: () => Promise<T>): Promise<T> {
    // The common case answered without a round trip to the trigger.
    if (removes && user.directoryRoles.includes("GLOBAL_ADMINISTRATOR") && (await repo.countUsersWithRole("GLOBAL_ADMINISTRATOR")) <= 1) {
      throw lastGlobalAdministrator();
    }
    try {
      return await change();
    } catch (error) {
      if (isLastGlobalAdministratorViolation(error)) throw lastGlobalAdministrator();
      throw error;
    }
  }

  async function deleteUser(scope: RequestScope, ref: string): Promise<string> {
    requireDirectoryAdmin(scope);
    const user = await withRoles(scope, await findExisting(scope, ref));
    await keepingAGlobalAdministrator(user, true, () =>
      audit.transaction(async (tx) => {
        await repo.deleteUserById(user.id);
        await audit.record(tx, { origin: scope, activity: "user.deleted", targetUserId: user.id, detail: { userPrincipalName: user.userPrincipalName } });
      }),
    );
    await accessChanged(user.id, "deleted");
    return user.id;
  }

  async function assignDirectoryRole(scope: RequestScope, ref: string, role: DirectoryRoleName) {
    requireDirectoryAdmin(scope);
    const user = await findExisting(scope, ref);
    await audit.transaction(async (tx) => {
      await repo.addDirectoryRole(user.id, role);
      await audit.record(tx, { origin: scope, activity: "directoryRole.assigned", targetUserId: user.id, targetId: role });
    });
    forget(scope, user.id);
    await accessChanged(user.id, "directoryRolesChanged");
    return user;
  }

  async function removeDirectoryRole(scope: RequestScope, ref: string, role: DirectoryRoleName) {
    requireDirectoryAdmin(scope);
    const user = await withRoles(scope, await findExisting(scope, ref));
    await keepingAGlobalAdministrator(user, role === "GLOBAL_ADMINISTRATOR", () =>
      audit.transaction(async (tx) => {
        await repo.removeDirectoryRole(user.id, role);
        await audit.record(tx, { origin: scope, activity: "directoryRole.removed", targetUserId: user.id, targetId: role });
      }),
    );
    forget(scope, user.id);
    await accessChanged(user.id, "directoryRolesChanged");
    return user;
  }

  /**
   * What authenticating a delegated token needs about its user: one statement, through the
   * request's loaders, so that the rest of the request finds the caller and its roles there.
   */
  const viewerSource: ViewerSource = {
    async findUserForToken(userId, requestLoaders, sessionId) {
      if (!isUuid(userId)) return null;
      const id = userId.toLowerCase();
      if (!sessionId) return loaders(requestLoaders).userById.load(id);
      const read = () => repo.findUserWithRolesAndSession(id, sessionId);
      const row = callers ? await callers.load(id, sessionId, read) : await read();
      if (!row) return null;
      const { sessionRevoked, sessionRenewedAt, ...user } = row;
      loaders(requestLoaders).remember(user);
      return { ...user, session: { revoked: sessionRevoked, renewedAt: sessionRenewedAt } };
    },
  };

  return {
    ...viewerSource,
    findUser,
    findUserById: (id: string) => repo.findUserById(id),
    findUserByPrincipalName: (upn: string) => repo.findUserByPrincipalName(upn),
    /** A user by sign-in name with their directory roles, in one statement (sign-in grants scopes by role). */
    findUserWithRolesByPrincipalName: (upn: string) => repo.findUserWithRolesByPrincipalName(upn),
    findDirectoryRolesOf: async (userId: string): Promise<DirectoryRoleName[]> => (await repo.findUsersWithRolesByIds([userId]))[0]?.directoryRoles ?? [],
    findExistingUserIds: repo.findExistingUserIds,
    /** Stores a new password hash and revokes every token issued before `changedAt`. */
    storePasswordHash: (userId: string, passwordHash: string, changedAt: Date) => repo.updatePassword(userId, passwordHash, changedAt),
    resolveTarget,
    me,
    listUsers,
    encodeCursor,
    createUser,
    deleteUser,
    assignDirectoryRole,
    removeDirectoryRole,
    directoryRoles: (scope: RequestScope, userId: string) => loaders(scope).directoryRolesByUserId.load(userId),
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
