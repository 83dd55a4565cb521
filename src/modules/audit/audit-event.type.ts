import { Field, ID, InputType, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../../graphql/scalars.js";
import { PageInfo } from "../users/user.type.js";
import type { RecordedAuditEvent } from "./audit-trail.js";

@ObjectType("AuditActor", { description: "Who acted: type user, app or anonymous" })
export class AuditActor {
  @Field(() => String)
  type!: string;

  @Field(() => ID, { nullable: true })
  id!: string | null;

  @Field(() => String, { nullable: true })
  displayName!: string | null;
}

@ObjectType("AuditEvent", { description: "One entry of the audit trail (Graph's directoryAudit)" })
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeScalar)
  occurredDateTime!: Date;

  @Field(() => String, { description: 'e.g. "phoneMethod.added", "signIn.password"' })
  activity!: string;

  @Field(() => String, { description: "success or failure (the reason is in detail)" })
  outcome!: string;

  @Field(() => AuditActor)
  actor!: AuditActor;

  @Field(() => ID, { nullable: true })
  targetUserId!: string | null;

  @Field(() => ID, { nullable: true })
  targetId!: string | null;

  @Field(() => String, { nullable: true })
  clientAddress!: string | null;

  @Field(() => String, { nullable: true })
  requestId!: string | null;

  @Field(() => String, { nullable: true, description: "JSON, redacted: never a secret or a full phone number" })
  detail!: string | null;

  static of(event: RecordedAuditEvent): AuditEvent {
    return Object.assign(new AuditEvent(), {
      id: event.id,
      occurredDateTime: event.occurredAt,
      activity: event.activity,
      outcome: event.outcome,
      actor: Object.assign(new AuditActor(), event.actor),
      targetUserId: event.targetUserId,
      targetId: event.targetId,
      clientAddress: event.clientAddress,
      requestId: event.requestId,
      detail: event.detail === null ? null : JSON.stringify(event.detail),
    });
  }
}

@ObjectType("AuditEventEdge")
export class AuditEventEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => AuditEvent)
  node!: AuditEvent;
}

@ObjectType("AuditEventConnection")
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges!: AuditEventEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType("AuditEventFilter")
export class AuditEventFilter {
  @Field(() => String, { nullable: true })
  activity?: string | null;

  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => ID, { nullable: true })
  targetUserId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  since?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  until?: Date | null;
}
