import { Arg, Ctx, Int, Query, Resolver, Root, Subscription } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.js";
import type { RecordedAuditEvent } from "./audit-trail.js";
import { AuditEvent, AuditEventConnection, AuditEventFilter } from "./audit-event.type.js";
import { encodeAuditCursor, type AuditService } from "./audit.service.js";

@Resolver()
export class AuditResolver {
  private readonly audit: AuditService;

  constructor(services: { auditLog: AuditService }) {
    this.audit = services.auditLog;
  }

  @Query(() => AuditEventConnection, { description: "The audit trail, newest first. Global Administrator or application permission AuditLog.Read.All" })
  async auditEvents(
    // Declared in reverse: the schema lists them filter, first, after (API.md).
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg("filter", () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuditEventConnection> {
    const page = await this.audit.listAuditEvents(ctx, filter ?? {}, first ?? 50, after);
    const edges = page.events.map((e) => ({ cursor: encodeAuditCursor(e), node: AuditEvent.of(e) }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Subscription(() => AuditEvent, {
    description: "Audit events as they are recorded, matching the filter. Global Administrator or application permission AuditLog.Read.All",
    subscribe: ({ args, context }) => (context as GraphQLContext).feeds.followAuditEvents(context as GraphQLContext, (args.filter as AuditEventFilter | null) ?? {}),
  })
  auditEventRecorded(@Arg("filter", () => AuditEventFilter, { nullable: true }) _filter: AuditEventFilter | null, @Root() event: RecordedAuditEvent): AuditEvent {
    return AuditEvent.of(event);
  }
}
