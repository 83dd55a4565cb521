import { DomainError } from "../errors/domain-error.js";
import type { DirectoryRoleName } from "../generated/prisma/enums.js";
import { AppPermission, Scope } from "./scopes.js";
import type { Viewer } from "./viewer.js";

export type Access = "read" | "write";

/** The user whose methods are accessed, as the permission matrix sees them. */
export interface AccessTarget {
  id: string;
  directoryRoles: ReadonlySet<DirectoryRoleName> | readonly DirectoryRoleName[];
}

const SELF_SCOPES: Record<Access, string[]> = {
  read: [Scope.Read, Scope.ReadWrite, Scope.ReadAll, Scope.ReadWriteAll],
  write: [Scope.ReadWrite, Scope.ReadWriteAll],
};
const OTHERS_SCOPES: Record<Access, string[]> = {
  read: [Scope.ReadAll, Scope.ReadWriteAll],
  write: [Scope.ReadWriteAll],
};
const APP_PERMISSIONS: Record<Access, string[]> = {
  read: [AppPermission.ReadAll, AppPermission.ReadWriteAll],
  write: [AppPermission.ReadWriteAll],
};

const hasAny = (granted: ReadonlySet<string>, wanted: readonly string[]) => wanted.some((w) => granted.has(w));

export function requireAuthenticated(viewer: Viewer): asserts viewer is Exclude<Viewer, { kind: "anonymous" }> {
  if (viewer.kind === "anonymous") throw new DomainError("UNAUTHENTICATED", "A valid bearer token is required");
}

export function requireSignedInUser(viewer: Viewer): asserts viewer is Extract<Viewer, { kind: "user" }> {
  requireAuthenticated(viewer);
  if (viewer.kind !== "user") {
    throw new DomainError("BAD_USER_INPUT", "An application token has no signed-in user: name the user", { reason: "userRequired" });
  }
}

function isAdministrator(roles: AccessTarget["directoryRoles"]): boolean {
  return (Array.isArray(roles) ? roles.length : (roles as ReadonlySet<string>).size) > 0;
}

/** Whether the caller may act on users other than itself at all (and so learn whether they exist). */
export function canActOnOtherUsers(viewer: Viewer, access: Access): boolean {
  if (viewer.kind === "app") return hasAny(viewer.permissions, APP_PERMISSIONS[access]);
  if (viewer.kind !== "user") return false;
  return hasAny(viewer.scopes, OTHERS_SCOPES[access]) && viewer.directoryRoles.size > 0;
}

/** The permission matrix of spec section 3: scopes x caller's directory roles x target's roles. */
export function canAccessMethods(viewer: Viewer, target: AccessTarget, access: Access): boolean {
  if (viewer.kind === "app") return hasAny(viewer.permissions, APP_PERMISSIONS[access]);
  if (viewer.kind !== "user") return false;
  if (viewer.userId === target.id) return hasAny(viewer.scopes, SELF_SCOPES[access]);
  if (!hasAny(viewer.scopes, OTHERS_SCOPES[access])) return false;
  const roles = viewer.directoryRoles;
  if (roles.has("GLOBAL_ADMINISTRATOR") || roles.has("PRIVILEGED_AUTHENTICATION_ADMINISTRATOR")) return true;
  if (roles.has("AUTHENTICATION_ADMINISTRATOR")) return !isAdministrator(target.directoryRoles);
  return false;
}

/** A signed-in Global Administrator whose token allows this kind of access (section 3: reads need a Read or ReadWrite scope, every mutation ReadWrite). */
function isGlobalAdministratorWith(viewer: Viewer, access: Access): boolean {
  return viewer.kind === "user" && viewer.directoryRoles.has("GLOBAL_ADMINISTRATOR") && hasAny(viewer.scopes, SELF_SCOPES[access]);
}

/** Directory administration (users, roles): Global Administrator or app permission User.ReadWrite.All. */
export function canManageDirectory(viewer: Viewer): boolean {
  if (viewer.kind === "app") return viewer.permissions.has(AppPermission.UserReadWriteAll);
  return isGlobalAdministratorWith(viewer, "write");
}

/** Directory settings and the authentication methods policy (read them, or change them). */
export function canManageSettings(viewer: Viewer, access: Access = "write"): boolean {
  if (viewer.kind === "app") return viewer.permissions.has(AppPermission.PolicyReadWrite);
  return isGlobalAdministratorWith(viewer, access);
}

/** Listing the directory: anyone who may act on other users, or directory administrators. */
export function canListUsers(viewer: Viewer): boolean {
  if (viewer.kind === "app" && (viewer.permissions.has(AppPermission.UserReadAll) || viewer.permissions.has(AppPermission.UserReadWriteAll))) return true;
  return canActOnOtherUsers(viewer, "read") || isGlobalAdministratorWith(viewer, "read");
}

/** Reading directory settings: whoever may change them (with a Read scope), or an app with Policy.Read.All. */
export function canReadSettings(viewer: Viewer): boolean {
  return canManageSettings(viewer, "read") || (viewer.kind === "app" && viewer.permissions.has(AppPermission.PolicyRead));
}

/**
 * Reading the authentication methods policy (it names the users it targets): settings readers,
 * and administrators of other users' methods, who need it to explain a phone's sign-in state.
 */
export function canReadPolicy(viewer: Viewer): boolean {
  return canReadSettings(viewer) || canActOnOtherUsers(viewer, "read");
}

/** Reading the audit trail: a Global Administrator (any Read or ReadWrite scope) or an app with AuditLog.Read.All. */
export function canReadAuditLog(viewer: Viewer): boolean {
  if (viewer.kind === "app") return viewer.permissions.has(AppPermission.AuditLogReadAll);
  return isGlobalAdministratorWith(viewer, "read");
}
