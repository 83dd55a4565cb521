import { canAccessMethods, requireSignedInUser } from "../../auth/permissions.js";
import { badInput, DomainError, forbidden } from "../../errors/domain-error.js";
import type { EventBus } from "../../events/event-bus.js";
import type { Clock } from "../../lib/clock.js";
import type { PasswordHasher } from "../../lib/password-hasher.js";
import { checkPasswordPolicy } from "../../lib/password-policy.js";
import type { Logger } from "../../logging/logger.js";
import type { AuditTrail } from "../audit/audit-trail.js";
import type { RequestScope } from "../request-scope.js";
import type { SignInService } from "../sign-in/sign-in.service.js";
import type { UsersService } from "../users/users.service.js";
import type { SessionsService } from "./sessions.service.js";

/**
 * Users changing their own password: the current one is confirmed as a sign-in confirms it
 * (counted toward the lockout), the new one must pass the policy, and every other session of the
 * user ends; the session the change is made in goes on.
 */
export function createPasswordChangeService(deps: {
  audit: Pick<AuditTrail, "transaction" | "record" | "recordAlone">;
  users: Pick<UsersService, "findUserById" | "storePasswordHash">;
  signIn: Pick<SignInService, "verifyPasswordOf">;
  sessions: Pick<SessionsService, "keepCurrentSession" | "revokeSessionsOfUser">;
  hasher: PasswordHasher;
  clock: Clock;
  events: Pick<EventBus, "publish">;
  logger: Logger;
}) {
  const { audit, users, signIn, sessions, hasher, clock, events, logger } = deps;

  async function changeMyPassword(scope: RequestScope & { clientAddress?: string }, currentPassword: string, newPassword: string): Promise<boolean> {
    const { viewer } = scope;
    requireSignedInUser(viewer);
    if (!canAccessMethods(viewer, { id: viewer.userId, directoryRoles: viewer.directoryRoles }, "write")) {
      throw forbidden("Changing your password needs a token with UserAuthenticationMethod.ReadWrite");
    }
    const user = await users.findUserById(viewer.userId);
    if (!user) throw new DomainError("UNAUTHENTICATED", "The signed-in user no longer exists");
    // Checked first: a new password the policy refuses changes nothing and uses up no attempt.
    const violation = checkPasswordPolicy(newPassword, user);
    if (violation) throw badInput(violation.message, { reason: violation.reason, field: "newPassword" });
    if (!(await signIn.verifyPasswordOf(user, currentPassword, scope.clientAddress))) {
      await audit.recordAlone({ origin: scope, activity: "password.changed", outcome: "failure", targetUserId: user.id, detail: { reason: "currentPasswordIncorrect" } });
      throw badInput("The current password is not correct", { reason: "currentPasswordIncorrect", field: "currentPassword" });
    }
    const hash = await hasher.hash(newPassword);
    const changedAt = clock.now();
    // One transaction: the caller's session is kept as the user's tokens are revoked, never refused in between.
    await audit.transaction(async (tx) => {
      const kept = await sessions.keepCurrentSession(scope, changedAt);
      await users.storePasswordHash(user.id, hash, changedAt);
      await sessions.revokeSessionsOfUser(user.id, changedAt, kept);
      await audit.record(tx, { origin: scope, activity: "password.changed", targetUserId: user.id, detail: { otherSessionsRevoked: true } });
      await events.publish("authenticationMethodChanged", {
        userId: user.id,
        kind: "updated",
        method: { type: "password", createdAt: changedAt.toISOString() },
      });
    });
    logger.info({ userId: user.id }, "password changed by its user; other sessions revoked");
    return true;
  }

  return { changeMyPassword };
}

export type PasswordChangeService = ReturnType<typeof createPasswordChangeService>;
