import { grantDependsOnRoles, grantScopes } from "../../auth/scopes.js";
import { DomainError } from "../../errors/domain-error.js";
import type { PasswordHasher } from "../../lib/password-hasher.js";
import type { DirectorySettingsService } from "../directory-settings/directory-settings.service.js";
import type { VerificationFailureReason } from "../one-time-codes/code-challenges.js";
import type { PhoneMethodsService } from "../phone-methods/phone-methods.service.js";
import type { RateLimiter, RateLimitRule } from "../rate-limits/rate-limiter.js";
import type { SessionsService } from "../sessions/sessions.service.js";
import type { UserWithRoles } from "../users/users.repository.js";
import type { UsersService } from "../users/users.service.js";
import type { AuditOrigin, AuditTrail } from "../audit/audit-trail.js";
import { createSignInAudit } from "./sign-in-audit.js";

/** The outcome of a sign-in, by password or by SMS code (only a code has a failure reason). */
export interface SignInOutcome {
  isVerified: boolean;
  failureReason: VerificationFailureReason | null;
  accessToken: string | null;
  expiresIn: number | null;
  requiredActions: string[];
  /** The scopes the access token carries. */
  grantedScopes: string[];
  /** Trades for a new access token (refreshAccessToken); shown once, stored as a hash. */
  refreshToken: string | null;
}

const failed: SignInOutcome = { isVerified: false, failureReason: null, accessToken: null, expiresIn: null, requiredActions: [], grantedScopes: [], refreshToken: null };
const MAX_PASSWORD_LENGTH = 1024;

export interface SignInLimits {
  maxFailures: number;
  lockoutSeconds: number;
  /** Attempts per client address and window, whatever the names tried. */
  maxAttemptsPerAddress: number;
  addressWindowSeconds: number;
  /** Sign-ins checked at once by this process (each waits for a hashing slot); more are refused as busy. */
  maxInProgress: number;
}

/**
 * Password sign-in: constant-time checks, no hint whether a user exists, and a lockout after
 * repeated failures. Failures are counted per sign-in name whether or not a user has it, so
 * the lockout itself doesn't tell which names exist. Each attempt is counted before the
 * password is checked, so parallel guesses can't get past the limit together; attempts are
 * also limited per client address, and refused while too many hashes are already waiting.
 */
export function createSignInService(deps: {
  audit: Pick<AuditTrail, "record" | "recordAlone" | "transaction">;
  users: Pick<UsersService, "findUserWithRolesByPrincipalName" | "findDirectoryRolesOf">;
  hasher: PasswordHasher;
  /** Starts the session a sign-in opens: access and refresh tokens. */
  sessions: Pick<SessionsService, "startSession">;
  rateLimiter: RateLimiter;
  lockout: SignInLimits;
  /** Identity stores (which accept passwords) and security roles (which enforce SMS). */
  settings: Pick<DirectorySettingsService, "isPasswordSignInEnabled" | "isSmsEnforcedFor">;
  phones: Pick<PhoneMethodsService, "findPhoneMethodsOfUser">;
}) {
  const { audit, users, hasher, sessions, rateLimiter, settings, phones } = deps;
  const failures: RateLimitRule = {
    name: "password-sign-in-failures",
    limit: deps.lockout.maxFailures,
    windowSeconds: deps.lockout.lockoutSeconds,
    reason: "accountLocked",
    message: "Too many failed sign-ins",
  };
  const attemptsPerAddress: RateLimitRule = {
    name: "password-sign-in:address",
    limit: deps.lockout.maxAttemptsPerAddress,
    windowSeconds: deps.lockout.addressWindowSeconds,
    reason: "tooManySignInAttempts",
    message: "Too many sign-in attempts from this address",
  };

  const signInAudit = createSignInAudit({ audit, users, rateLimiter, failures });

  // Counted when a sign-in is admitted, so that a burst is refused at once rather than queued.
  let inProgress = 0;

  /**
   * Issues the bearer token a signed-in user gets (password or SMS sign-in), with the requested
   * scopes that the user's directory roles permit (read now unless the caller already has them).
   */
  async function issueUserToken(userId: string, requestedScopes?: readonly string[] | null, knownRoles?: readonly string[]) {
    const roles = knownRoles ?? (grantDependsOnRoles(requestedScopes) ? await users.findDirectoryRolesOf(userId) : []);
    return sessions.startSession(userId, grantScopes(requestedScopes, roles));
  }

  /** What a user must do after signing in: `registerSms` when a security role enforces SMS and no mobile is registered. */
  async function requiredActionsFor(userId: string): Promise<string[]> {
    if (!(await settings.isSmsEnforcedFor(userId))) return [];
    const phonesOfUser = await phones.findPhoneMethodsOfUser(userId);
    return phonesOfUser.some((p) => p.phoneType === "mobile") ? [] : ["registerSms"];
  }

  async function signInWithPassword(
    userPrincipalName: string,
    password: string,
    clientAddress?: string,
    requestedScopes?: readonly string[] | null,
    origin: AuditOrigin = { viewer: { kind: "anonymous" }, clientAddress },
  ): Promise<SignInOutcome> {
    const name = userPrincipalName.trim().toLowerCase();
    if (name.length === 0 || name.length > 254) return failed;
    if (!(await settings.isPasswordSignInEnabled(name))) {
      throw new DomainError("PRECONDITION_FAILED", "Password sign-in is disabled for this identity store", { reason: "passwordDisabled" });
    }
    const user = await admitted(() => checkPassword(name, password, clientAddress)).catch(async (error: unknown) => {
      await signInAudit.refused(origin, name, error);
      throw error;
    });
    if (!user) {
      await signInAudit.failed(origin, name);
      return failed;
    }
    const session = await audit.transaction(async (tx) => {
      const issued = await issueUserToken(user.id, requestedScopes, user.directoryRoles);
      await audit.record(tx, { origin, actor: { type: "user", id: user.id, displayName: null }, activity: "signIn.password", targetUserId: user.id, detail: { grantedScopes: issued.grantedScopes } });
      return issued;
    });
    return { isVerified: true, failureReason: null, ...session, requiredActions: await requiredActionsFor(user.id) };
  }

  async function admitted<T>(check: () => Promise<T>): Promise<T> {
    if (inProgress >= deps.lockout.maxInProgress) {
      throw new DomainError("RATE_LIMITED", "Too many sign-ins are being checked; try again in a moment", { reason: "signInBusy", retryAfterSeconds: 1 });
    }
    inProgress++;
    try {
      return await check();
    } finally {
      inProgress--;
    }
  }

  /** The user whose name and password these are, or null; every attempt counts toward the limits until it proves right. */
  async function checkPassword(name: string, password: string, clientAddress: string | undefined): Promise<UserWithRoles | null> {
    await rateLimiter.consume(attemptsPerAddress, clientAddress ?? "unknown");
    // Counted as a failure until the password proves right.
    const attempt = await rateLimiter.reserve(failures, name);
    const user = await users.findUserWithRolesByPrincipalName(name);
    // Verifies against a dummy hash when there is no user, so both cases take the same time.
    const verified = password.length <= MAX_PASSWORD_LENGTH && (await hasher.verify(password, user?.passwordHash));
    if (!user || !verified) return null;
    await attempt.release();
    return user;
  }

  /**
   * Whether `password` is the user's, checked as a sign-in checks it: a wrong one counts toward
   * the same lockout, so confirming a password (a password change) can't be used to guess it.
   */
  async function verifyPasswordOf(user: { id: string; userPrincipalName: string }, password: string, clientAddress?: string): Promise<boolean> {
    const name = user.userPrincipalName.toLowerCase();
    return (await admitted(() => checkPassword(name, password, clientAddress)))?.id === user.id;
  }

  return { signInWithPassword, issueUserToken, requiredActionsFor, verifyPasswordOf };
}

export type SignInService = ReturnType<typeof createSignInService>;
