import { DEFAULT_USER_SCOPES } from "../../auth/scopes.js";
import type { TokenService } from "../../auth/token-service.js";
import { DomainError } from "../../errors/domain-error.js";
import type { Clock } from "../../lib/clock.js";
import type { PasswordHasher } from "../../lib/password-hasher.js";
import type { UsersService } from "../users/users.service.js";

export interface SignInOutcome {
  isVerified: boolean;
  failureReason: null;
  accessToken: string | null;
  expiresIn: number | null;
  requiredActions: string[];
}

const failed: SignInOutcome = { isVerified: false, failureReason: null, accessToken: null, expiresIn: null, requiredActions: [] };

/** Password sign-in: constant-time checks, no hint whether a user exists, lockout after repeated failures. */
export function createSignInService(deps: {
  users: UsersService;
  hasher: PasswordHasher;
  tokens: TokenService;
  clock: Clock;
  lockout: { maxFailures: number; lockoutSeconds: number };
  /** Actions the user must take after signing in, e.g. registerSms (directory settings). */
  requiredActionsFor?: (userId: string) => Promise<string[]>;
}) {
  const { users, hasher, tokens, clock, lockout } = deps;

  /** Issues the bearer token a signed-in user gets (password or SMS sign-in). */
  async function issueUserToken(userId: string) {
    const { token, expiresIn } = await tokens.issue({ subject: userId, scopes: DEFAULT_USER_SCOPES });
    return { accessToken: token, expiresIn };
  }

  async function signInWithPassword(userPrincipalName: string, password: string): Promise<SignInOutcome> {
    const user = userPrincipalName.length <= 254 ? await users.findUserByPrincipalName(userPrincipalName.trim()) : null;
    const now = clock.now();
    if (user?.lockedUntil && user.lockedUntil > now) {
      // Still verify, so a locked account answers in the same time as any other.
      await hasher.verify(password, user.passwordHash);
      const retryAfterSeconds = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000);
      throw new DomainError("RATE_LIMITED", "Too many failed sign-ins: try again later", { retryAfterSeconds });
    }
    const verified = await hasher.verify(password.slice(0, 1024), user?.passwordHash);
    if (!user || !verified) {
      if (user) await users.recordFailedSignIn(user.id, lockout.maxFailures, new Date(now.getTime() + lockout.lockoutSeconds * 1000));
      return failed;
    }
    if (user.failedSignIns > 0 || user.lockedUntil) await users.resetFailedSignIns(user.id);
    return {
      isVerified: true,
      failureReason: null,
      ...(await issueUserToken(user.id)),
      requiredActions: (await deps.requiredActionsFor?.(user.id)) ?? [],
    };
  }

  return { signInWithPassword, issueUserToken };
}

export type SignInService = ReturnType<typeof createSignInService>;
