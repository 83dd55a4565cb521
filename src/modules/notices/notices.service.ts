import DataLoader from "dataloader";
import { canManageSettings, canReadSettings, requireAuthenticated } from "../../auth/permissions.js";
import type { SecretBox } from "../../crypto/secret-box.js";
import { badInput, forbidden, notFound } from "../../errors/domain-error.js";
import type { Logger } from "../../logging/logger.js";
import type { IdentityStoreRecord } from "../directory-settings/directory-settings.repository.js";
import type { DirectorySettingsService } from "../directory-settings/directory-settings.service.js";
import type { SmsDestinationPolicy } from "../directory-settings/sms-destination-policy.js";
import type { SmsDeliveryRecord } from "../one-time-codes/sms-deliveries.repository.js";
import { SmsDeliveryFailure, type DeliveryOutcome } from "../one-time-codes/sms-delivery.worker.js";
import type { AuditTrail } from "../audit/audit-trail.js";
import type { RequestScope } from "../request-scope.js";
import type { SmsGatewaysService } from "../sms-gateways/sms-gateways.service.js";
import type { SealedNotice } from "./notice.follower.js";
import { DEFAULT_NOTICE_TEMPLATES, NOTICE_KINDS, validateNoticeTemplate, type NoticeKind } from "./notice-templates.js";
import type { NoticeSettingRecord, NoticesRepository } from "./notices.repository.js";

/** One kind of notice as a store has it: off, with the built-in text, unless changed. */
export interface NoticeSetting {
  kind: NoticeKind;
  enabled: boolean;
  template: string;
  isDefaultTemplate: boolean;
}

export interface NoticeTemplateChange {
  kind: NoticeKind;
  /** null: back to the built-in text. */
  template?: string | null;
}

const MANAGERS_ONLY = "Notices need the Global Administrator role or Policy.ReadWrite.AuthenticationMethod";

function assertKnownKind(kind: NoticeKind, field = "kind") {
  if (!NOTICE_KINDS.includes(kind)) throw badInput("Unknown notice kind", { field });
}

/**
 * Notices to users when their authentication methods change: each identity store's settings per
 * kind (off by default, templates) and the sending of queued notices. Queuing them is the
 * notice follower's part (notice.follower.ts), in the transaction of each change.
 */
export function createNoticesService(deps: {
  repo: Pick<NoticesRepository, "findNoticeSettingsByStoreIds" | "setNoticeEnabled" | "saveNoticeTemplates">;
  settings: Pick<DirectorySettingsService, "findIdentityStore">;
  gateways: Pick<SmsGatewaysService, "sendSms">;
  destinationPolicy?: Pick<SmsDestinationPolicy, "assertSendAllowed">;
  box: SecretBox;
  logger: Logger;
  /** Changes to a store's notices are recorded in the audit trail, in the change's transaction. */
  audit?: Pick<AuditTrail, "record" | "transaction">;
}) {
  const { repo, settings, gateways, destinationPolicy, box, logger } = deps;
  const recorded = async (scope: RequestScope, activity: string, storeId: string, detail: Record<string, unknown>, change: () => Promise<unknown>) => {
    if (!deps.audit) return void (await change());
    const { audit } = deps;
    await audit.transaction(async (tx) => {
      await change();
      await audit.record(tx, { origin: scope, activity, targetId: storeId, detail });
    });
  };

  const createLoaders = () => ({
    noticeSettingsByStoreId: new DataLoader<string, NoticeSettingRecord[]>(async (ids) => {
      const rows = await repo.findNoticeSettingsByStoreIds(ids);
      return ids.map((id) => rows.filter((r) => r.identityStoreId === id));
    }),
  });
  const loaders = (scope: RequestScope) => scope.loaders.get(createLoaders);

  function requireManager(scope: RequestScope) {
    requireAuthenticated(scope.viewer);
    if (!canManageSettings(scope.viewer)) throw forbidden(MANAGERS_ONLY);
  }

  async function findStore(ref: string): Promise<IdentityStoreRecord> {
    const store = await settings.findIdentityStore(ref.trim());
    if (!store) throw notFound("Identity store");
    return store;
  }

  /** Every kind, in a fixed order, as the store has it. */
  async function noticesOf(scope: RequestScope, identityStoreId: string): Promise<NoticeSetting[]> {
    requireAuthenticated(scope.viewer);
    if (!canReadSettings(scope.viewer)) throw forbidden("Directory settings need the Global Administrator role or Policy.ReadWrite.AuthenticationMethod");
    const rows = await loaders(scope).noticeSettingsByStoreId.load(identityStoreId);
    return NOTICE_KINDS.map((kind) => {
      const row = rows.find((r) => r.kind === kind);
      return { kind, enabled: row?.enabled ?? false, template: row?.template ?? DEFAULT_NOTICE_TEMPLATES[kind], isDefaultTemplate: row?.template == null };
    });
  }

  async function setNoticeEnabled(scope: RequestScope, storeRef: string, kind: NoticeKind, enabled: boolean): Promise<IdentityStoreRecord> {
    requireManager(scope);
    assertKnownKind(kind);
    const store = await findStore(storeRef);
    await recorded(scope, "identityStore.noticeEnabledChanged", store.id, { kind, enabled }, () => repo.setNoticeEnabled(store.id, kind, enabled));
    loaders(scope).noticeSettingsByStoreId.clear(store.id);
    return store;
  }

  /** Checks every template before saving any: one bad template changes nothing. */
  async function updateNoticeTemplates(scope: RequestScope, storeRef: string, changes: readonly NoticeTemplateChange[]): Promise<IdentityStoreRecord> {
    requireManager(scope);
    const store = await findStore(storeRef);
    const templates = changes.map(({ kind, template }, i) => {
      assertKnownKind(kind, `templates.${i}.kind`);
      return { kind, template: template == null ? null : validateNoticeTemplate(kind, template, `templates.${i}.template`) };
    });
    if (new Set(templates.map((t) => t.kind)).size !== templates.length) {
      throw badInput("Each kind may be named once", { field: "templates", reason: "duplicateKind" });
    }
    await recorded(scope, "identityStore.noticeTemplatesUpdated", store.id, { kinds: templates.map((t) => t.kind) }, () => repo.saveNoticeTemplates(store.id, templates));
    loaders(scope).noticeSettingsByStoreId.clear(store.id);
    return store;
  }

  /**
   * The delivery worker's part: texts a queued notice through its identity store's gateway
   * account (and destination rules). Failures are thrown for the worker to record and retry.
   */
  async function deliverNotice(delivery: SmsDeliveryRecord): Promise<DeliveryOutcome> {
    let notice: SealedNotice;
    try {
      notice = JSON.parse(box.open(delivery.sealedMessage ?? "")) as SealedNotice;
    } catch {
      throw new SmsDeliveryFailure("messageUnreadable", false);
    }
    const store = await settings.findIdentityStore(notice.identityStoreId);
    if (!store) return "dropped";
    await destinationPolicy?.assertSendAllowed(store, notice.to);
    await gateways.sendSms(store.smsGatewayAccountId, { to: notice.to, body: notice.body });
    logger.info({ deliveryId: delivery.id, kind: notice.kind, identityStoreId: store.id }, "notice sent");
    return "delivered";
  }

  return { noticesOf, setNoticeEnabled, updateNoticeTemplates, deliverNotice };
}

export type NoticesService = ReturnType<typeof createNoticesService>;
