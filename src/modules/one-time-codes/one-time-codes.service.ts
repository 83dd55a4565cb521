import { randomUUID } from "node:crypto";
import { canReadSettings, requireAuthenticated } from "../../auth/permissions.js";
import type { SecretBox } from "../../crypto/secret-box.js";
import { badInput, DomainError, forbidden, notFound } from "../../errors/domain-error.js";
import { PhoneType } from "../../generated/prisma/enums.js";
import type { Clock } from "../../lib/clock.js";
import { displayPhoneNumber, maskPhoneNumber, normalisePhoneNumber, smsDestination } from "../../lib/phone-number.js";
import type { Logger } from "../../logging/logger.js";
import type { IdentityStoreRecord } from "../directory-settings/directory-settings.repository.js";
import type { DirectorySettingsService } from "../directory-settings/directory-settings.service.js";
import type { SmsDestinationPolicy } from "../directory-settings/sms-destination-policy.js";
import { renderSmsTemplate } from "../directory-settings/sms-template.js";
import { phoneTypeForMethodId } from "../phone-methods/method-ids.js";
import type { PhoneMethodInput } from "../phone-methods/phone-method.input.js";
import type { PhoneMethodRecord } from "../phone-methods/phone-methods.repository.js";
import type { PhoneMethodsService } from "../phone-methods/phone-methods.service.js";
import { createBackgroundScope, type RequestScope } from "../request-scope.js";
import type { SignInOutcome, SignInService } from "../sign-in/sign-in.service.js";
import type { SmsGatewaysService } from "../sms-gateways/sms-gateways.service.js";
import type { UsersService } from "../users/users.service.js";
import type { AuditOrigin, AuditTrail } from "../audit/audit-trail.js";
import type { ChallengeTokens } from "./challenge-tokens.js";
import { createCodeAudit } from "./code-audit.js";
import type { ChallengeRecord, CodeChallenges, VerificationFailureReason } from "./code-challenges.js";
import type { CodeSendLimits } from "./code-send-limits.js";
import type { OneTimeCodesRepository } from "./one-time-codes.repository.js";
import type { SmsDeliveriesRepository, SmsDeliveryRecord } from "./sms-deliveries.repository.js";
import { SmsDeliveryFailure, type DeliveryOutcome } from "./sms-delivery.worker.js";

/** A request as the code flows see it: the caller, plus its network address for anonymous limits. */
export type CodeRequestScope = RequestScope & { clientAddress?: string };

export interface ChallengeView {
  challengeId: string;
  expiresAt: Date;
  maskedPhoneNumber: string;
}

export interface VerificationOutcome {
  isVerified: boolean;
  failureReason: VerificationFailureReason | null;
  token: string | null;
  method: PhoneMethodRecord | null;
}

const PHONE_TYPES: readonly PhoneType[] = Object.values(PhoneType);
const MAX_DELIVERIES_PAGE = 200;

const notVerified = (failureReason: VerificationFailureReason): VerificationOutcome => ({ isVerified: false, failureReason, token: null, method: null });
const signInRefused = (failureReason: VerificationFailureReason): SignInOutcome => ({
  isVerified: false,
  failureReason,
  accessToken: null,
  expiresIn: null,
  grantedScopes: [],
  refreshToken: null,
  requiredActions: [],
});

/**
 * SMS one-time code flows (spec section 7): "Text me a code" enrolment, step-up on a registered
 * phone with a single-use proof token, and signing in with a phone number.
 */
export function createOneTimeCodesService(deps: {
  audit: Pick<AuditTrail, "record" | "recordAlone" | "transaction">;
  challenges: CodeChallenges;
  challengeTokens: ChallengeTokens;
  sendLimits: CodeSendLimits;
  users: Pick<UsersService, "resolveTarget" | "findUser">;
  phones: Pick<PhoneMethodsService, "addPhoneMethod" | "assertCanAddPhoneMethod" | "listPhoneMethods" | "smsSignInState" | "findSmsSignInPhoneByNumber">;
  settings: Pick<DirectorySettingsService, "identityStoreFor" | "requireSmsEnabledStore">;
  gateways: Pick<SmsGatewaysService, "sendSms">;
  /** Destination countries and daily caps (SMS pumping): checked before a send; none when absent. */
  destinationPolicy?: Pick<SmsDestinationPolicy, "assertDestinationAllowed" | "assertSendAllowed">;
  /** Sign-in challenges stored with their queued SMS, in one statement. */
  signInQueue: Pick<OneTimeCodesRepository, "insertSignInChallengeWithDelivery" | "bindSignInChallenge">;
  deliveries: Pick<SmsDeliveriesRepository, "findRecentDeliveries">;
  /** Seals queued codes until the worker texts them. */
  box: SecretBox;
  /** Tells the local delivery worker there is work, so that it needn't wait for its next poll. */
  onQueued: () => void;
  /** The bearer token a signed-in user gets and what they must do next (shared with password sign-in). */
  signIn: Pick<SignInService, "issueUserToken" | "requiredActionsFor">;
  clock: Clock;
  logger: Logger;
}) {
  const { challenges, challengeTokens, sendLimits, users, phones, settings, gateways, destinationPolicy, signInQueue, deliveries, box, onQueued, signIn, clock, logger } = deps;
  const { limitSends, limitVerifies } = sendLimits;
  const { audit } = deps;
  const codeAudit = createCodeAudit(audit);

  const viewOf = (challenge: ChallengeRecord): ChallengeView => ({
    challengeId: challenge.id,
    expiresAt: challenge.expiresAt,
    maskedPhoneNumber: maskPhoneNumber(challenge.phoneNumber),
  });

  /** Issues a code and texts it; a failed send leaves no challenge behind and older codes still valid. */
  async function issueAndSend(origin: AuditOrigin, spec: Pick<ChallengeRecord, "purpose" | "userId" | "phoneNumber" | "phoneType">, store: IdentityStoreRecord): Promise<ChallengeView> {
    await destinationPolicy?.assertSendAllowed(store, spec.phoneNumber);
    const { challenge, code } = await challenges.issue(spec);
    try {
      await gateways.sendSms(store.smsGatewayAccountId, { to: smsDestination(spec.phoneNumber), body: renderSmsTemplate(store.smsMessageTemplate, code) });
    } catch (error) {
      await challenges.discard(challenge);
      throw error;
    }
    await challenges.activate(challenge);
    await codeAudit.sent(origin, challenge);
    logger.info({ challengeId: challenge.id, purpose: challenge.purpose, userId: challenge.userId }, "SMS code sent");
    return viewOf(challenge);
  }

  async function startPhoneVerification(scope: CodeRequestScope, userRef: string | null | undefined, input: PhoneMethodInput) {
    const target = await users.resolveTarget(scope, userRef, "write");
    if (!PHONE_TYPES.includes(input.phoneType)) throw badInput("Unknown phoneType", { field: "phoneType" });
    const number = normalisePhoneNumber(input.phoneNumber);
    await phones.assertCanAddPhoneMethod(target.id, input.phoneType);
    const store = await settings.requireSmsEnabledStore(target.userPrincipalName);
    await limitSends(scope, number.e164, "signed-in");
    return issueAndSend(scope, { purpose: "phoneVerification", userId: target.id, phoneNumber: number.stored, phoneType: input.phoneType }, store);
  }

  /** The challenge behind an id, once the caller is known to be allowed to act on its user. */
  async function authorisedChallenge(scope: CodeRequestScope, challengeId: string): Promise<ChallengeRecord | null> {
    requireAuthenticated(scope.viewer);
    await limitVerifies(scope);
    const pending = await challenges.find(challengeId);
    // Strangers must not burn another user's tries.
    if (pending?.userId) await users.resolveTarget(scope, pending.userId, "write");
    return pending;
  }

  async function verifyPhone(scope: CodeRequestScope, challengeId: string, code: string): Promise<VerificationOutcome> {
    const pending = await authorisedChallenge(scope, challengeId);
    const outcome = await challenges.check(challengeId, "phoneVerification", code);
    await codeAudit.verified(scope, pending?.id ?? challengeId, "phoneVerification", pending?.userId ?? null, outcome.verified ? null : outcome.failureReason);
    if (!outcome.verified) return notVerified(outcome.failureReason);
    const { challenge } = outcome;
    const method = await phones.addPhoneMethod(scope, challenge.userId, {
      phoneNumber: displayPhoneNumber(challenge.phoneNumber),
      // A phone verification challenge always names the type of the phone it registers.
      phoneType: challenge.phoneType!,
    });
    return { isVerified: true, failureReason: null, token: null, method };
  }

  async function startSmsChallenge(scope: CodeRequestScope, userRef: string | null | undefined, methodId: string) {
    const target = await users.resolveTarget(scope, userRef, "write");
    const type = phoneTypeForMethodId(methodId);
    const phone = type && (await phones.listPhoneMethods(scope, target.id)).find((p) => p.phoneType === type);
    if (!phone) throw notFound("Phone method");
    if (phone.phoneType === "office") {
      throw new DomainError("PRECONDITION_FAILED", "Codes are only texted to mobile phones", { reason: "notSupported" });
    }
    const store = await settings.requireSmsEnabledStore(target.userPrincipalName);
    await limitSends(scope, smsDestination(phone.phoneNumber), "signed-in");
    return issueAndSend(scope, { purpose: "stepUp", userId: target.id, phoneNumber: phone.phoneNumber, phoneType: phone.phoneType }, store);
  }

  async function verifySmsChallenge(scope: CodeRequestScope, challengeId: string, code: string): Promise<VerificationOutcome> {
    const pending = await authorisedChallenge(scope, challengeId);
    const outcome = await challenges.check(challengeId, "stepUp", code);
    await codeAudit.verified(scope, pending?.id ?? challengeId, "stepUp", pending?.userId ?? null, outcome.verified ? null : outcome.failureReason);
    if (!outcome.verified) return notVerified(outcome.failureReason);
    const { challenge } = outcome;
    const token = await challengeTokens.issue(challenge.userId!, challenge.id);
    const method = (await phones.listPhoneMethods(scope, challenge.userId!)).find((p) => p.phoneType === challenge.phoneType) ?? null;
    return { isVerified: true, failureReason: null, token, method };
  }

  async function validateChallengeToken(scope: CodeRequestScope, token: string): Promise<boolean> {
    requireAuthenticated(scope.viewer);
    const redeemed = await challengeTokens.redeem(token);
    await codeAudit.tokenRedeemed(scope, redeemed);
    return redeemed;
  }

  /** The user who may sign in with this number right now, or null. */
  async function signInOwnerOf(scope: CodeRequestScope, phoneNumber: string) {
    const phone = await phones.findSmsSignInPhoneByNumber(phoneNumber);
    if (!phone || (await phones.smsSignInState(scope, phone)) !== "ready") return null;
    const user = await users.findUser(scope, phone.userId);
    if (!user) return null;
    const store = await settings.identityStoreFor(user.userPrincipalName);
    return store?.smsEnabled ? { user, store } : null;
  }

  /**
   * Every number gets the same answer after the same work: a stored challenge and a queued SMS.
   * Whether the number is anyone's is found out later, by the delivery worker: the request path
   * neither looks it up nor sends anything. An unknown number's challenge is a decoy that behaves
   * like a real one (tries, expiry, MAX_ATTEMPTS_EXCEEDED) but has no code anyone was sent.
   */
  async function startSmsSignIn(scope: CodeRequestScope, rawPhoneNumber: string): Promise<ChallengeView> {
    const number = normalisePhoneNumber(rawPhoneNumber);
    const store = await settings.requireSmsEnabledStore(null);
    // The allow list alone, alike for every number: the daily caps count texts actually sent (below).
    await destinationPolicy?.assertDestinationAllowed(store, number.e164);
    await limitSends(scope, number.e164, "anonymous");
    const { challenge, code } = challenges.prepare({ purpose: "signIn", userId: null, phoneNumber: number.stored, phoneType: null });
    const delivery = { id: randomUUID(), maskedPhoneNumber: maskPhoneNumber(number.stored), sealedMessage: box.seal(JSON.stringify({ code })) };
    const stored = await audit.transaction(async (tx) => {
      const inserted = await signInQueue.insertSignInChallengeWithDelivery(challenge, delivery, clock.now());
      await codeAudit.signInCodeRequested(tx, scope, inserted.id, number.stored);
      return inserted;
    });
    onQueued();
    return viewOf(stored);
  }

  /**
   * The delivery worker's part of SMS sign-in: texts the queued code when the number may sign in
   * ("dropped", and nothing sent, when it may not, or when a newer code replaced this one).
   * Failures are thrown for the worker to record: administrators see them, the caller never does.
   */
  async function deliverQueuedCode(delivery: SmsDeliveryRecord): Promise<DeliveryOutcome> {
    const challenge = delivery.challengeId ? await challenges.find(delivery.challengeId) : null;
    if (!challenge || challenge.purpose !== "signIn" || challenge.consumedAt) return "dropped";
    const owner = await signInOwnerOf(createBackgroundScope(), challenge.phoneNumber);
    if (!owner) {
      logger.debug({ deliveryId: delivery.id }, "SMS sign-in code not texted: the number can't sign in");
      return "dropped";
    }
    if (challenge.expiresAt <= clock.now()) throw new SmsDeliveryFailure("codeExpired", false);
    let code: string;
    try {
      code = (JSON.parse(box.open(delivery.sealedMessage ?? "")) as { code: string }).code;
    } catch {
      throw new SmsDeliveryFailure("messageUnreadable", false);
    }
    if (!(await signInQueue.bindSignInChallenge(challenge.id, owner.user.id, clock.now()))) return "dropped";
    // A refusal (country not allowed by the owner's store, a daily cap reached) fails the delivery.
    await destinationPolicy?.assertSendAllowed(owner.store, challenge.phoneNumber);
    await gateways.sendSms(owner.store.smsGatewayAccountId, { to: smsDestination(challenge.phoneNumber), body: renderSmsTemplate(owner.store.smsMessageTemplate, code) });
    await codeAudit.sent("system", { ...challenge, userId: owner.user.id }, { deliveryId: delivery.id });
    logger.info({ challengeId: challenge.id, purpose: challenge.purpose, userId: owner.user.id, deliveryId: delivery.id }, "SMS code sent");
    return "delivered";
  }

  /** The latest background SMS deliveries, newest first, for settings readers (never a message or a full number). */
  async function listSmsDeliveries(scope: CodeRequestScope, first: number): Promise<SmsDeliveryRecord[]> {
    requireAuthenticated(scope.viewer);
    if (!canReadSettings(scope.viewer)) throw forbidden("SMS deliveries need the Global Administrator role or Policy.Read.All");
    if (!Number.isInteger(first) || first < 0 || first > MAX_DELIVERIES_PAGE) throw badInput(`first must be between 0 and ${MAX_DELIVERIES_PAGE}`, { field: "first" });
    return deliveries.findRecentDeliveries(first);
  }

  async function completeSmsSignIn(scope: CodeRequestScope, challengeId: string, code: string, requestedScopes?: string[] | null): Promise<SignInOutcome> {
    await limitVerifies(scope);
    const outcome = await challenges.check(challengeId, "signIn", code);
    if (!outcome.verified) {
      await codeAudit.signInRefused(scope, challengeId, outcome.failureReason);
      return signInRefused(outcome.failureReason);
    }
    const { challenge } = outcome;
    // The number must still be this user's sign-in number: it may have been disabled since the code was sent.
    const owner = challenge.userId ? await signInOwnerOf(scope, challenge.phoneNumber) : null;
    if (!owner || owner.user.id !== challenge.userId) {
      await codeAudit.signInRefused(scope, challenge.id, "numberNoLongerSignsIn", challenge.userId);
      return signInRefused("CODE_INVALID_OR_EXPIRED");
    }
    const { accessToken, expiresIn, grantedScopes, refreshToken } = await audit.transaction(async (tx) => {
      const issued = await signIn.issueUserToken(owner.user.id, requestedScopes);
      await codeAudit.signedIn(tx, scope, challenge.id, owner.user.id, issued.grantedScopes);
      return issued;
    });
    logger.info({ userId: owner.user.id, method: "sms" }, "signed in");
    return { isVerified: true, failureReason: null, accessToken, expiresIn, grantedScopes, refreshToken, requiredActions: await signIn.requiredActionsFor(owner.user.id) };
  }

  return {
    startPhoneVerification,
    verifyPhone,
    startSmsChallenge,
    verifySmsChallenge,
    validateChallengeToken,
    startSmsSignIn,
    completeSmsSignIn,
    deliverQueuedCode,
    listSmsDeliveries,
  };
}

export type OneTimeCodesService = ReturnType<typeof createOneTimeCodesService>;
