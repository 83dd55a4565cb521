import { randomUUID } from "node:crypto";
import type { SecretBox } from "../../crypto/secret-box.js";
import type { PhoneMethod } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";
import { maskPhoneNumber, smsDestination } from "../../lib/phone-number.js";
import type { Logger } from "../../logging/logger.js";
import type { RecordedAuditEvent } from "../audit/audit-trail.js";
import type { DirectorySettingsService } from "../directory-settings/directory-settings.service.js";
import { phoneTypeForMethodId } from "../phone-methods/method-ids.js";
import { DEFAULT_NOTICE_TEMPLATES, isPhoneNotice, lastFourDigitsOf, renderNotice, type NoticeKind } from "./notice-templates.js";
import type { NoticesRepository, Transaction } from "./notices.repository.js";

/** What notices read of an audit event, handed to followers in the transaction that recorded it. */
export type FollowedAuditEvent = Pick<RecordedAuditEvent, "id" | "activity" | "outcome" | "targetUserId" | "targetId">;

/** An audit trail follower (AuditFollower): runs in the transaction of the change, so it commits or rolls back with it. */
export type NoticeFollower = (tx: Transaction, event: FollowedAuditEvent) => Promise<void>;

/** What the queue keeps sealed until the notice is sent. */
export interface SealedNotice {
  to: string;
  body: string;
  identityStoreId: string;
  kind: NoticeKind;
}

const KIND_BY_ACTIVITY: Readonly<Record<string, NoticeKind>> = {
  "phoneMethod.added": "phoneAdded",
  "phoneMethod.deleted": "phoneRemoved",
  "phoneMethod.updated": "phoneChanged",
  "smsSignIn.enabled": "smsSignInEnabled",
  "password.reset": "passwordReset",
  "password.changed": "passwordChanged",
};

type UserWithPhones = { id: string; userPrincipalName: string; phoneMethods: PhoneMethod[] };

/** The kinds about a number that goes away: the notice names, and may be sent to, the number as it was. */
const NUMBER_GONE: ReadonlySet<NoticeKind> = new Set<NoticeKind>(["phoneRemoved", "phoneChanged"]);

/**
 * Queues a notice (ASVS 5.0 6.3.7) for a change the audit trail records, in the change's own
 * transaction: when the change succeeded, the user's identity store has notices of its kind
 * switched on and the user has a mobile phone to text. A notice goes to the user's mobile phone;
 * for a removed (or replaced) phone, to the mobile that remains or, when the mobile itself was
 * removed (only possible once no alternateMobile is left) or its number replaced, to the number
 * that went: its owner still holds that phone, and is the one person who most needs to hear that
 * it no longer protects the account (the new number may be an attacker's).
 */
export function createNoticeFollower(deps: {
  repo: Pick<NoticesRepository, "findStoresWithNoticeEnabled" | "findUserWithPhones" | "findCommittedPhone" | "insertNoticeDelivery">;
  settings: Pick<DirectorySettingsService, "identityStoreFor">;
  /** Seals the destination and text while queued (the key of the delivery side). */
  box: SecretBox;
  clock: Clock;
  logger: Logger;
  /** How long a queued notice is worth sending (retries stop then). */
  ttlMs: number;
  /** Tells the delivery worker there is work (it polls anyway: this only saves the wait). */
  onQueued: () => void;
}): NoticeFollower {
  const { repo, settings, box, clock, logger, ttlMs, onQueued } = deps;

  /**
   * The phone a phone notice is about: as the transaction leaves it, or, for a number that goes
   * (deleted or replaced by the transaction), as last committed before it.
   */
  async function phoneOf(user: UserWithPhones, kind: NoticeKind, event: FollowedAuditEvent): Promise<PhoneMethod | null> {
    const type = kind === "smsSignInEnabled" ? "mobile" : phoneTypeForMethodId(event.targetId ?? "");
    if (!type) return null;
    const inTransaction = user.phoneMethods.find((p) => p.phoneType === type) ?? null;
    if (!NUMBER_GONE.has(kind)) return inTransaction;
    return (await repo.findCommittedPhone(user.id, type)) ?? inTransaction;
  }

  return async function noticeFollower(tx, event) {
    const kind = KIND_BY_ACTIVITY[event.activity];
    if (!kind || event.outcome !== "success" || !event.targetUserId) return;
    // Off by default: one small read when no store has this kind on.
    const enabledIn = await repo.findStoresWithNoticeEnabled(tx, kind);
    if (enabledIn.length === 0) return;
    const user = await repo.findUserWithPhones(tx, event.targetUserId);
    if (!user) return;
    const store = await settings.identityStoreFor(user.userPrincipalName);
    const setting = store && enabledIn.find((s) => s.identityStoreId === store.id);
    if (!store || !setting) return;

    const about = isPhoneNotice(kind) ? await phoneOf(user, kind, event) : null;
    if (isPhoneNotice(kind) && !about) {
      logger.warn({ auditEventId: event.id, kind, userId: user.id }, "notice not queued: the phone it is about was not found");
      return;
    }
    const mobile = NUMBER_GONE.has(kind) && about?.phoneType === "mobile" ? about : user.phoneMethods.find((p) => p.phoneType === "mobile");
    if (!mobile) {
      logger.debug({ auditEventId: event.id, kind, userId: user.id }, "notice not queued: the user has no mobile phone");
      return;
    }
    const body = renderNotice(setting.template ?? DEFAULT_NOTICE_TEMPLATES[kind], about ? lastFourDigitsOf(about.phoneNumber) : null);
    const notice: SealedNotice = { to: smsDestination(mobile.phoneNumber), body, identityStoreId: store.id, kind };
    const id = randomUUID();
    await repo.insertNoticeDelivery(tx, {
      id,
      maskedPhoneNumber: maskPhoneNumber(mobile.phoneNumber),
      sealedMessage: box.seal(JSON.stringify(notice)),
      expiresAt: new Date(clock.now().getTime() + ttlMs),
    });
    logger.info({ auditEventId: event.id, kind, userId: user.id, deliveryId: id }, "notice queued");
    onQueued();
  };
}
