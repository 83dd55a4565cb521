import { DomainError } from "../../errors/domain-error.js";
import { redactUnknownName } from "../audit/audit-detail.js";
import type { AuditOrigin, AuditTrail } from "../audit/audit-trail.js";
import type { RateLimiter, RateLimitRule } from "../rate-limits/rate-limiter.js";
import type { UsersService } from "../users/users.service.js";

/**
 * The audit trail of password sign-ins: each failure with its reason (the caller is told only
 * "not verified"), and the failure that locks a name out. An unknown name is kept as its domain.
 */
export function createSignInAudit(deps: {
  audit: Pick<AuditTrail, "recordAlone">;
  users: Pick<UsersService, "findUserWithRolesByPrincipalName">;
  rateLimiter: Pick<RateLimiter, "assertNotExceeded">;
  failures: RateLimitRule;
}) {
  const { audit, users, rateLimiter, failures } = deps;

  /** A sign-in refused before the password was checked (locked out, too many attempts from the address). */
  async function refused(origin: AuditOrigin, name: string, error: unknown): Promise<void> {
    if (!(error instanceof DomainError) || error.code !== "RATE_LIMITED") return;
    const user = await users.findUserWithRolesByPrincipalName(name);
    const reason = error.meta.reason === "accountLocked" ? "locked" : String(error.meta.reason ?? "rateLimited");
    await audit.recordAlone({
      origin,
      activity: "signIn.password",
      outcome: "failure",
      targetUserId: user?.id ?? null,
      detail: { reason, ...(user ? {} : { userPrincipalName: redactUnknownName(name) }) },
    });
  }

  /** A wrong password or an unknown name; and the lockout, when this failure used up the name's tries. */
  async function failed(origin: AuditOrigin, name: string): Promise<void> {
    // Read for either outcome, so that the two take the same work.
    const user = await users.findUserWithRolesByPrincipalName(name);
    const target = { targetUserId: user?.id ?? null };
    const named = user ? {} : { userPrincipalName: redactUnknownName(name) };
    await audit.recordAlone({ origin, activity: "signIn.password", outcome: "failure", ...target, detail: { reason: user ? "wrongPassword" : "userUnknown", ...named } });
    const lockedNow = await rateLimiter.assertNotExceeded(failures, name).then(
      () => false,
      () => true,
    );
    if (lockedNow) {
      await audit.recordAlone({ origin, activity: "signIn.lockout", outcome: "failure", ...target, detail: { failures: failures.limit, lockoutSeconds: failures.windowSeconds, ...named } });
    }
  }

  return { refused, failed };
}
