import { canReadAuditLog, requireAuthenticated } from "../../auth/permissions.js";
import { badInput, forbidden } from "../../errors/domain-error.js";
import type { EventBus, EventTopics } from "../../events/event-bus.js";
import type { Clock } from "../../lib/clock.js";
import type { RequestScope } from "../request-scope.js";
import { toRecorded, type RecordedAuditEvent } from "./audit-trail.js";
import type { AuditEventFilterValues, AuditRepository } from "./audit.repository.js";

const MAX_PAGE = 200;

export interface AuditEventPage {
  events: RecordedAuditEvent[];
  hasNextPage: boolean;
}

export const encodeAuditCursor = (event: Pick<RecordedAuditEvent, "sequence">) => Buffer.from(`audit:${event.sequence}`).toString("base64url");

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^audit:\d{1,19}$/.test(decoded)) throw badInput("Invalid cursor", { field: "after" });
  return decoded.slice(6);
}

type Announcement = EventTopics["auditEventRecorded"];

const matches = (filter: AuditEventFilterValues, e: Announcement) => {
  const at = new Date(e.occurredAt);
  return (
    (!filter.activity || e.activity === filter.activity) &&
    (!filter.actorId || e.actorId === filter.actorId) &&
    (!filter.targetUserId || e.targetUserId === filter.targetUserId.toLowerCase()) &&
    (!filter.since || at >= filter.since) &&
    (!filter.until || at < filter.until)
  );
};

/** Reading the audit trail (Global Administrators, apps with AuditLog.Read.All): pages and a live feed. */
export function createAuditService(deps: { repo: AuditRepository; events: EventBus; clock: Clock; retentionDays: number }) {
  const { repo, events, clock } = deps;

  function requireReader(scope: RequestScope) {
    requireAuthenticated(scope.viewer);
    if (!canReadAuditLog(scope.viewer)) throw forbidden("The audit trail needs the Global Administrator role or AuditLog.Read.All");
  }

  async function listAuditEvents(scope: RequestScope, filter: AuditEventFilterValues, first: number, after?: string | null): Promise<AuditEventPage> {
    requireReader(scope);
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) throw badInput(`first must be between 0 and ${MAX_PAGE}`, { field: "first" });
    const rows = await repo.findAuditEventsBefore(filter, after ? decodeCursor(after) : null, first + 1);
    return { events: rows.slice(0, first).map(toRecorded), hasNextPage: rows.length > first };
  }

  /** Events committed from now on that match `filter`, read by id as each is announced (on any instance). */
  async function followAuditEvents(scope: RequestScope, filter: AuditEventFilterValues): Promise<AsyncGenerator<RecordedAuditEvent>> {
    requireReader(scope);
    const announcements = events.subscribe("auditEventRecorded", (e) => matches(filter, e));
    return (async function* () {
      try {
        for await (const announced of announcements) {
          const row = await repo.findAuditEventById(announced.id);
          if (row) yield toRecorded(row);
        }
      } finally {
        await announcements.return();
      }
    })();
  }

  return {
    listAuditEvents,
    followAuditEvents,
    /** Housekeeping: events older than the retention period go. */
    retentionSweep: { name: "auditEvents", run: async () => repo.deleteAuditEventsBefore(new Date(clock.now().getTime() - deps.retentionDays * 86_400_000)) },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
