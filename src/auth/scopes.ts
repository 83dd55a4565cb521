export const Scope = {
  Read: "UserAuthenticationMethod.Read",
  ReadWrite: "UserAuthenticationMethod.ReadWrite",
  ReadAll: "UserAuthenticationMethod.Read.All",
  ReadWriteAll: "UserAuthenticationMethod.ReadWrite.All",
} as const;

export const AppPermission = {
  ReadAll: "UserAuthenticationMethod.Read.All",
  ReadWriteAll: "UserAuthenticationMethod.ReadWrite.All",
  UserReadWriteAll: "User.ReadWrite.All",
  UserReadAll: "User.Read.All",
  PolicyReadWrite: "Policy.ReadWrite.AuthenticationMethod",
  PolicyRead: "Policy.Read.All",
  AuditLogReadAll: "AuditLog.Read.All",
} as const;

/** Scopes a user gets when signing in through the gateway itself and asking for none. */
export const DEFAULT_USER_SCOPES = [Scope.ReadWrite];

/** Delegated scopes a user may ask for at sign-in (`scopes`), in the order tokens list them. */
export const REQUESTABLE_SCOPES = [
  Scope.Read,
  Scope.ReadWrite,
  Scope.ReadAll,
  Scope.ReadWriteAll,
  AppPermission.PolicyRead,
  AppPermission.PolicyReadWrite,
] as const;

/** Scopes that reach beyond the user's own methods: granted only to holders of an administrator role. */
const needsAdministratorRole = (scope: string) => scope.endsWith(".All") || scope.startsWith("Policy.");

/**
 * The scopes a signed-in user gets: without a request, the defaults; otherwise the requested
 * scopes that the user's directory roles permit (section 3: `.All` and `Policy.*` only to
 * administrators), each once, in a fixed order. What is not permitted is left out, as OAuth does.
 */
export function grantScopes(requested: readonly string[] | null | undefined, directoryRoles: readonly string[]): string[] {
  if (requested == null) return [...DEFAULT_USER_SCOPES];
  const isAdministrator = directoryRoles.length > 0;
  return REQUESTABLE_SCOPES.filter((scope) => requested.includes(scope) && (isAdministrator || !needsAdministratorRole(scope)));
}

/** Whether granting `requested` depends on the user's directory roles (so they must be read). */
export const grantDependsOnRoles = (requested: readonly string[] | null | undefined) => requested?.some(needsAdministratorRole) ?? false;
