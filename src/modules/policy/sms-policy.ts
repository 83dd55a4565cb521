/** A target id that stands for every user. */
export const ALL_USERS = "all_users";

export const AuthenticationMethodState = { enabled: "enabled", disabled: "disabled" } as const;
export type AuthenticationMethodState = (typeof AuthenticationMethodState)[keyof typeof AuthenticationMethodState];

/** A policy target: one user, or a security role (a "group" in Graph's words). */
export const AuthenticationMethodTargetType = { user: "user", group: "group" } as const;
export type AuthenticationMethodTargetType = (typeof AuthenticationMethodTargetType)[keyof typeof AuthenticationMethodTargetType];

export interface SmsTarget {
  targetType: AuthenticationMethodTargetType;
  id: string;
  isUsableForSignIn: boolean;
}

/** The SMS authentication methods policy: whether SMS is on, and for whom. */
export interface SmsPolicy {
  state: AuthenticationMethodState;
  includeTargets: SmsTarget[];
}
