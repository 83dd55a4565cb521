import type { TransactionClient } from "../../db/transactions.js";
import { maskPhoneForLog } from "../../lib/phone-number.js";
import type { AuditOrigin, AuditTrail } from "../audit/audit-trail.js";
import type { ChallengeRecord, VerificationFailureReason } from "./code-challenges.js";

type ChallengeFacts = Pick<ChallengeRecord, "id" | "purpose" | "userId" | "phoneNumber" | "phoneType">;

const REASONS: Record<VerificationFailureReason, string> = { CODE_INVALID_OR_EXPIRED: "codeInvalidOrExpired", MAX_ATTEMPTS_EXCEEDED: "maxAttemptsExceeded" };

/** The audit trail of SMS codes: sends, verifications (with why one failed), and SMS sign-ins. Never a code, never a full number. */
export function createCodeAudit(audit: Pick<AuditTrail, "record" | "recordAlone">) {
  const about = (challenge: ChallengeFacts) => ({ challengeId: challenge.id, purpose: challenge.purpose, phoneNumber: maskPhoneForLog(challenge.phoneNumber), phoneType: challenge.phoneType });

  return {
    sent: (origin: AuditOrigin, challenge: ChallengeFacts, extra?: Record<string, unknown>) =>
      audit.recordAlone({ origin, activity: "code.sent", targetUserId: challenge.userId, targetId: challenge.id, detail: { ...about(challenge), ...extra } }),

    verified: (origin: AuditOrigin, challengeId: string, purpose: string, userId: string | null, failure: VerificationFailureReason | null) =>
      audit.recordAlone({
        origin,
        activity: "code.verified",
        outcome: failure ? "failure" : "success",
        targetUserId: userId,
        targetId: challengeId,
        detail: { purpose, ...(failure ? { reason: REASONS[failure] } : {}) },
      }),

    tokenRedeemed: (origin: AuditOrigin, redeemed: boolean) =>
      audit.recordAlone({ origin, activity: "challengeToken.redeemed", outcome: redeemed ? "success" : "failure", detail: redeemed ? null : { reason: "tokenInvalidOrUsed" } }),

    /** Whether the number is anyone's is not known at request time, nor said here. */
    signInCodeRequested: (tx: TransactionClient, origin: AuditOrigin, challengeId: string, phoneNumber: string) =>
      audit.record(tx, { origin, activity: "smsSignIn.codeRequested", targetId: challengeId, detail: { phoneNumber: maskPhoneForLog(phoneNumber) } }),

    signInRefused: (origin: AuditOrigin, challengeId: string, failure: VerificationFailureReason | "numberNoLongerSignsIn", userId: string | null = null) =>
      audit.recordAlone({
        origin,
        activity: "signIn.sms",
        outcome: "failure",
        targetUserId: userId,
        targetId: challengeId,
        detail: { reason: failure === "numberNoLongerSignsIn" ? failure : REASONS[failure] },
      }),

    signedIn: (tx: TransactionClient, origin: AuditOrigin, challengeId: string, userId: string, grantedScopes: string[]) =>
      audit.record(tx, { origin, actor: { type: "user", id: userId, displayName: null }, activity: "signIn.sms", targetUserId: userId, targetId: challengeId, detail: { grantedScopes } }),
  };
}
