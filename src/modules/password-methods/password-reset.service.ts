import type { SecretBox } from "../../crypto/secret-box.js";
import { DomainError, notFound } from "../../errors/domain-error.js";
import { generateStrongPassword } from "../../lib/password-policy.js";
import type { OperationRecord } from "../operations/operations.repository.js";
import type { OperationsService } from "../operations/operations.service.js";
import { PASSWORD_METHOD_ID } from "../phone-methods/method-ids.js";
import type { RequestScope } from "../request-scope.js";
import type { UsersService } from "../users/users.service.js";
import type { AuditTrail } from "../audit/audit-trail.js";
import type { EarlyHashes } from "./early-hashes.js";

export const PASSWORD_RESET = "passwordReset";

export interface PasswordResetStarted {
  operation: OperationRecord;
  /** Only when the password was generated: shown once, never stored in clear. */
  newPassword: string | null;
}

export const passwordMethodLocation = (userId: string) =>
  `/users/${userId}/authentication/passwordMethods/${PASSWORD_METHOD_ID}`;

/** Starts password resets (Graph's resetPassword): the work itself is the reset worker's. */
export function createPasswordResetService(deps: {
  audit: Pick<AuditTrail, "record" | "transaction">;
  operations: Pick<OperationsService, "startOperation">;
  users: Pick<UsersService, "resolveTarget">;
  box: SecretBox;
  /** Tells the local worker there is work, so it needn't wait for its next poll. */
  onQueued: () => void;
  /** Where the new password's hash is begun at once, for the local worker. */
  earlyHashes?: Pick<EarlyHashes, "begin">;
}) {
  const { audit, operations, users, box, onQueued, earlyHashes } = deps;

  async function resetPassword(scope: RequestScope, userRef: string | null | undefined, methodId: string, newPassword?: string | null): Promise<PasswordResetStarted> {
    const target = await users.resolveTarget(scope, userRef, "write");
    if (methodId.trim().toLowerCase() !== PASSWORD_METHOD_ID) throw notFound("Password method");
    if (scope.viewer.kind === "user" && scope.viewer.userId === target.id) {
      throw new DomainError("FORBIDDEN", "You can't reset your own password here: use your sign-in's password change instead", { reason: "selfServiceNotSupported" });
    }
    const generated = newPassword === undefined || newPassword === null ? generateStrongPassword() : null;
    const password = generated ?? newPassword!;
    // The policy is checked by the worker: a violation fails the operation, not the request.
    const payload = box.seal(JSON.stringify({ password }));
    const early = earlyHashes?.begin(password);
    const operation = await audit.transaction(async (tx) => {
      const started = await operations.startOperation({ userId: target.id, kind: PASSWORD_RESET, resourceLocation: passwordMethodLocation(target.id), payload });
      await audit.record(tx, { origin: scope, activity: "password.resetRequested", targetUserId: target.id, targetId: started.id, detail: { passwordGenerated: generated !== null } });
      return started;
    });
    early?.keep(operation.id);
    onQueued();
    return { operation, newPassword: generated };
  }

  return { resetPassword };
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
