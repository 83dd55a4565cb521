import type { AuditTrail } from "../audit/audit-trail.js";
import type { Prisma } from "../../db/database.js";
import type { Sql } from "../../db/sql.js";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../logging/logger.js";
import type { DirectorySettingsService } from "../directory-settings/directory-settings.service.js";
import type { SmsDestinationPolicy } from "../directory-settings/sms-destination-policy.js";
import type { SmsGatewaysService } from "../sms-gateways/sms-gateways.service.js";
import { NOTICE_TTL_MS, noticeBoxFor } from "./notice-box.js";
import { createNoticeFollower } from "./notice.follower.js";
import { noticesArgs } from "./notices.args.js";
import { createNoticesRepository } from "./notices.repository.js";
import { NoticesResolver } from "./notices.resolver.js";
import { createNoticesService } from "./notices.service.js";

/**
 * Notices (SMS) to users when their authentication methods change: per-store settings, the audit
 * trail follower that queues them in each change's transaction, and their sending by the SMS queue.
 */
export const noticesFeature = {
  resolvers: [NoticesResolver],
  argumentSchemas: noticesArgs,
  create(deps: {
    prisma: Prisma;
    sql: Sql;
    encryptionKey: string;
    settings: DirectorySettingsService;
    gateways: SmsGatewaysService;
    destinationPolicy: SmsDestinationPolicy;
    clock: Clock;
    logger: Logger;
    /** Wakes the SMS delivery worker (best once the change's transaction has committed). */
    onQueued: () => void;
    audit?: AuditTrail;
  }) {
    const repo = createNoticesRepository(deps.prisma, deps.sql);
    const box = noticeBoxFor(deps.encryptionKey);
    const { settings, clock, logger } = deps;
    const notices = createNoticesService({ audit: deps.audit, repo, settings, gateways: deps.gateways, destinationPolicy: deps.destinationPolicy, box, logger });
    const noticeFollower = createNoticeFollower({ repo, settings, box, clock, logger, ttlMs: NOTICE_TTL_MS, onQueued: deps.onQueued });
    return { notices, noticeFollower, deliverNotice: notices.deliverNotice };
  },
};
