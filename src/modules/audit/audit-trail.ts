import { randomUUID } from "node:crypto";
import type { TransactionClient, Transactions } from "../../db/transactions.js";
import type { EventBus } from "../../events/event-bus.js";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../logging/logger.js";
import type { RequestScope } from "../request-scope.js";
import { redactDetail } from "./audit-detail.js";
import type { AuditEventRow, AuditRepository } from "./audit.repository.js";

/** The activities the trail records (`<subject>.<what happened>`); features may add their own in the same style. */
export type AuditActivity =
  | "phoneMethod.added" | "phoneMethod.updated" | "phoneMethod.deleted"
  | "smsSignIn.enabled" | "smsSignIn.disabled" | "smsSignIn.codeRequested"
  | "password.resetRequested" | "password.reset" | "password.changed"
  | "signIn.password" | "signIn.sms" | "signIn.lockout"
  | "code.sent" | "code.verified" | "challengeToken.redeemed"
  | "user.created" | "user.deleted" | "directoryRole.assigned" | "directoryRole.removed"
  | "policy.smsUpdated"
  | "smsGatewayAccount.created" | "smsGatewayAccount.updated" | "smsGatewayAccount.deleted"
  | "identityStore.smsSettingsUpdated" | "identityStore.authenticationTypeChanged"
  | "securityRole.enforcementChanged" | "securityRole.memberAdded" | "securityRole.memberRemoved"
  | "session.signedOut" | "session.refreshed" | "session.refreshReuseDetected"
  | (string & {});

export type AuditOutcome = "success" | "failure";

/** Who did it: a user, an application (the gateway's own background work is app `system`), or nobody signed in. */
export interface AuditActor {
  type: "user" | "app" | "anonymous";
  id: string | null;
  displayName: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { type: "app", id: "system", displayName: "authgate" };

/** Where a change came from: a request's scope (its caller, request id, client address), or the system. */
export type AuditOrigin = Pick<RequestScope, "viewer" | "requestId" | "clientAddress"> | "system";

export interface AuditEventInput {
  origin: AuditOrigin;
  activity: AuditActivity;
  outcome?: AuditOutcome;
  /** Overrides the origin's caller, e.g. the user a sign-in signed in. */
  actor?: AuditActor;
  targetUserId?: string | null;
  targetId?: string | null;
  /** Redacted before it is stored: secrets dropped, phone numbers masked. */
  detail?: Record<string, unknown> | null;
}

/** An event as written, handed to followers inside the transaction that wrote it. */
export interface RecordedAuditEvent {
  id: string;
  sequence: string;
  activity: string;
  outcome: AuditOutcome;
  actor: AuditActor;
  targetUserId: string | null;
  targetId: string | null;
  clientAddress: string | null;
  requestId: string | null;
  occurredAt: Date;
  detail: Record<string, unknown> | null;
}

/** Runs in the recording transaction, after the insert: its writes commit or roll back with the event. */
export type AuditFollower = (tx: TransactionClient, event: RecordedAuditEvent) => Promise<void>;

export function actorOf(origin: AuditOrigin): AuditActor {
  if (origin === "system") return SYSTEM_ACTOR;
  const { viewer } = origin;
  if (viewer.kind === "user") return { type: "user", id: viewer.userId, displayName: null };
  if (viewer.kind === "app") return { type: "app", id: viewer.appId, displayName: null };
  return { type: "anonymous", id: null, displayName: null };
}

export const toRecorded = (row: AuditEventRow): RecordedAuditEvent => ({
  id: row.id,
  sequence: row.sequence,
  activity: row.activity,
  outcome: row.outcome as AuditOutcome,
  actor: { type: row.actorType as AuditActor["type"], id: row.actorId, displayName: row.actorDisplayName },
  targetUserId: row.targetUserId,
  targetId: row.targetId,
  clientAddress: row.clientAddress,
  requestId: row.requestId,
  occurredAt: row.occurredAt,
  detail: (row.detail as Record<string, unknown> | null) ?? null,
});

/**
 * The audit trail's writing side: `record(tx, event)` inserts an event in the transaction of the
 * change it records (so a rolled-back change leaves none), runs the followers there, publishes it
 * to `auditEventRecorded` subscribers on every instance with the commit, and logs it after.
 */
export function createAuditTrail(deps: {
  repo: Pick<AuditRepository, "insertAuditEvent">;
  transactions: Pick<Transactions, "run" | "afterCommit" | "savepoint">;
  events: Pick<EventBus, "publish">;
  clock: Clock;
  logger: Logger;
  followers?: AuditFollower[];
}) {
  const { repo, transactions, events, clock, logger } = deps;
  const followers = [...(deps.followers ?? [])];

  async function record(tx: TransactionClient, input: AuditEventInput): Promise<RecordedAuditEvent> {
    const actor = input.actor ?? actorOf(input.origin);
    const origin = input.origin === "system" ? undefined : input.origin;
    const row = await repo.insertAuditEvent(tx, {
      id: randomUUID(),
      occurredAt: clock.now(),
      activity: input.activity,
      outcome: input.outcome ?? "success",
      actorType: actor.type,
      actorId: actor.id,
      actorDisplayName: actor.displayName,
      actorUserId: actor.type === "user" && !actor.displayName ? actor.id : null,
      targetUserId: input.targetUserId ?? null,
      targetId: input.targetId ?? null,
      // Both come from the client (a proxy's header, X-Request-Id): bounded.
      clientAddress: origin?.clientAddress?.slice(0, 64) ?? null,
      requestId: origin?.requestId?.slice(0, 128) ?? null,
      detail: input.detail ? redactDetail(input.detail) : null,
    });
    const event = toRecorded(row);
    for (const follow of followers) await follow(tx, event);
    // Sent with the transaction's commit (the bus the features share: see publish-after-commit.ts).
    await events
      .publish("auditEventRecorded", {
        id: event.id,
        sequence: event.sequence,
        activity: event.activity,
        actorId: event.actor.id,
        targetUserId: event.targetUserId,
        occurredAt: event.occurredAt.toISOString(),
      })
      .catch((error) => logger.warn({ err: error, auditEventId: event.id }, "audit event not published"));
    await transactions.afterCommit(() => logger.info({ audit: { ...event, occurredAt: event.occurredAt.toISOString() } }, "audit"));
    return event;
  }

  return {
    record,
    /** Runs `work` in one transaction (joining the one in progress), for a change and its record. */
    transaction: transactions.run,
    /** Records an event on its own: failures that change nothing (a refused sign-in, a wrong code). */
    recordAlone: (input: AuditEventInput) => transactions.run((tx) => record(tx, input)),
    /** For a statement whose failure the caller handles (a unique violation) inside a recorded change. */
    savepoint: transactions.savepoint,
    /** Adds a follower (e.g. notices) after construction. */
    follow: (follower: AuditFollower) => void followers.push(follower),
  };
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;
