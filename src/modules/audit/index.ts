import type { Prisma } from "../../db/database.js";
import type { Transactions } from "../../db/transactions.js";
import type { EventBus } from "../../events/event-bus.js";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../logging/logger.js";
import { createAuditTrail, type AuditFollower } from "./audit-trail.js";
import { auditArgs } from "./audit.args.js";
import { createAuditRepository } from "./audit.repository.js";
import { AuditResolver } from "./audit.resolver.js";
import { createAuditService } from "./audit.service.js";

export type { AuditActivity, AuditActor, AuditEventInput, AuditFollower, AuditOrigin, AuditTrail, RecordedAuditEvent } from "./audit-trail.js";
export { SYSTEM_ACTOR } from "./audit-trail.js";
export { redactDetail, redactUnknownName } from "./audit-detail.js";
export type { AuditService } from "./audit.service.js";

/** The audit trail: events recorded with the changes they describe, read and followed by administrators. */
export const auditFeature = {
  resolvers: [AuditResolver],
  argumentSchemas: auditArgs,
  create(deps: {
    prisma: Prisma;
    transactions: Transactions;
    events: EventBus;
    clock: Clock;
    logger: Logger;
    retentionDays: number;
    followers?: AuditFollower[];
  }) {
    const repo = createAuditRepository(deps.prisma);
    const audit = createAuditTrail({ repo, transactions: deps.transactions, events: deps.events, clock: deps.clock, logger: deps.logger, followers: deps.followers });
    const auditLog = createAuditService({ repo, events: deps.events, clock: deps.clock, retentionDays: deps.retentionDays });
    return { audit, auditLog };
  },
};
