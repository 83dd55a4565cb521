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
} as const;

/** Scopes a user gets when signing in through the gateway itself. */
export const DEFAULT_USER_SCOPES = [Scope.ReadWrite];
