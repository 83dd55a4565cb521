import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishAfterCommit } from "../../src/events/publish-after-commit.js";
import { createLogger } from "../../src/logging/logger.js";
import { createAuditTrail, type AuditFollower } from "../../src/modules/audit/audit-trail.js";
import { createAuditRepository } from "../../src/modules/audit/audit.repository.js";
import { AuditEventRecordedDocument, AuditEventsDocument } from "../generated/graphql.js";
import { codesOf } from "../kit/graphql-client.js";
import { connectWs, subscribe } from "../kit/subscriptions.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

const AVERY = "avery.howard@wingtiptoysonline.com";
const ADMIN = "admin@wingtiptoysonline.com";
const AUTH_ADMIN = "authadmin@wingtiptoysonline.com";
const DAY = 86_400_000;
const enforce = (enforced: boolean) => `mutation { setAuthenticationTypeEnforced(securityRoleId: "Helpdesk", type: password, enforced: ${enforced}) { id } }`;

describe("reading and following the audit trail", () => {
  let server: TestServer;
  let admin: string;
  let reader: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { AUDIT_RETENTION_DAYS: "30" } });
    admin = await server.tokenFor(ADMIN, ["UserAuthenticationMethod.Read"]);
    reader = await server.appToken(["AuditLog.Read.All"]);
  }, 60_000);
  afterAll(() => server?.stop());

  it("pages newest first with Relay cursors, and filters by activity, actor, target and time", async () => {
    const writer = await server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite"]);
    const before = server.clock.now();
    for (let i = 0; i < 5; i++) expect((await server.request(enforce(i % 2 === 0), {}, { token: writer })).errors).toBeUndefined();
    const avery = await server.tokenFor(AVERY);
    expect((await server.request(`mutation { addPhoneMethod(input: { phoneNumber: "+1 2065550123", phoneType: mobile }) { id } }`, {}, { token: avery })).errors).toBeUndefined();

    const filter = { activity: "securityRole.enforcementChanged" };
    const first = await server.execute(AuditEventsDocument, { filter, first: 2 }, { token: admin });
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.auditEvents;
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await server.execute(AuditEventsDocument, { filter, first: 10, after: page1.pageInfo.endCursor }, { token: admin });
    const page2 = second.data!.auditEvents;
    expect(page2.edges).toHaveLength(3);
    expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const all = [...page1.edges, ...page2.edges].map((e) => e.node);
    // Newest first: the last change (enforced: true) leads.
    expect(all.map((e) => JSON.parse(e.detail!).enforced)).toEqual([true, false, true, false, true]);
    expect(new Set(all.map((e) => e.id)).size).toBe(5);

    const adminId = await server.userId(ADMIN);
    const averyId = await server.userId(AVERY);
    const byActor = await server.execute(AuditEventsDocument, { filter: { actorId: averyId } }, { token: admin });
    expect(byActor.data!.auditEvents.edges.map((e) => e.node.activity)).toEqual(["phoneMethod.added"]);
    const byTarget = await server.execute(AuditEventsDocument, { filter: { targetUserId: averyId } }, { token: admin });
    expect(byTarget.data!.auditEvents.edges.map((e) => e.node.actor)).toEqual([{ type: "user", id: averyId, displayName: "Avery Howard" }]);
    const byAdmin = await server.execute(AuditEventsDocument, { filter: { actorId: adminId, since: before.toISOString() } }, { token: admin });
    expect(byAdmin.data!.auditEvents.edges).toHaveLength(5);
    const untilBefore = await server.execute(AuditEventsDocument, { filter: { until: before.toISOString() } }, { token: admin });
    expect(untilBefore.data!.auditEvents.edges).toHaveLength(0);

    expect(codesOf(await server.execute(AuditEventsDocument, { first: 2, after: "bm90LWEtY3Vyc29y" }, { token: admin }))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await server.execute(AuditEventsDocument, { first: 500 }, { token: admin }))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await server.execute(AuditEventsDocument, { filter: { targetUserId: "not-a-user-id" } }, { token: admin }))).toEqual(["BAD_USER_INPUT"]);
  });

  it("is for Global Administrators and apps with AuditLog.Read.All only", async () => {
    const read = (token?: string) => server.execute(AuditEventsDocument, { first: 1 }, { token }).then(codesOf);
    expect(await read(reader)).toEqual([]);
    expect(await read(admin)).toEqual([]);
    expect(await read(await server.tokenFor(AVERY, ["UserAuthenticationMethod.ReadWrite"]))).toEqual(["FORBIDDEN"]);
    expect(await read(await server.tokenFor(AUTH_ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]))).toEqual(["FORBIDDEN"]);
    expect(await read(await server.appToken(["Policy.ReadWrite.AuthenticationMethod", "User.ReadWrite.All"]))).toEqual(["FORBIDDEN"]);
    expect(await read(await server.tokenFor(ADMIN, []))).toEqual(["FORBIDDEN"]);
    expect(await read(undefined)).toEqual(["UNAUTHENTICATED"]);
  });

  it("delivers recorded events over graphql-ws to administrators, filtered per subscriber, and refuses others", async () => {
    const ws = connectWs(server.url, reader);
    const refusedWs = connectWs(server.url, await server.tokenFor(AVERY));
    try {
      const enforcement = subscribe(ws, AuditEventRecordedDocument, { filter: { activity: "securityRole.enforcementChanged" } });
      const everything = subscribe(ws, AuditEventRecordedDocument, {});
      await server.waitForSubscribers("auditEventRecorded", 2);
      const avery = await server.tokenFor(AVERY);
      await server.request(`mutation { disableSmsSignIn(id: "3179e48a-750b-4051-897c-87b9720928f7") { id } }`, {}, { token: avery });
      await server.request(enforce(false), {}, { token: await server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite"]) });
      const hit = await enforcement.waitFor((e) => Boolean(e.data));
      expect(hit.data!.auditEventRecorded).toMatchObject({ activity: "securityRole.enforcementChanged", outcome: "success", actor: { type: "user" } });
      await everything.waitFor((e) => e.data?.auditEventRecorded.activity === "securityRole.enforcementChanged");
      expect(everything.events.map((e) => e.data?.auditEventRecorded.activity)).toEqual(["smsSignIn.disabled", "securityRole.enforcementChanged"]);
      expect(enforcement.events).toHaveLength(1);

      const refused = subscribe(refusedWs, AuditEventRecordedDocument, {});
      await refused.done;
      expect(refused.events[0]!.errors![0]!.extensions!.code).toBe("FORBIDDEN");
      enforcement.close();
      everything.close();
    } finally {
      await ws.dispose();
      await refusedWs.dispose();
    }
  });

  it("leaves no event when the change it records rolls back, and no change when the record fails", async () => {
    const { prisma, transactions } = server.app.database;
    const events = publishAfterCommit(server.app.events, transactions);
    const published = server.app.events.subscribe("auditEventRecorded", (e) => e.activity === "test.rollback");
    const make = (followers: AuditFollower[]) =>
      createAuditTrail({ repo: createAuditRepository(prisma), transactions, events, clock: server.clock, logger: createLogger("silent"), followers });
    const count = () => prisma.auditEvent.count({ where: { activity: "test.rollback" } });
    const template = async () => (await prisma.identityStore.findUniqueOrThrow({ where: { id: "wingtiptoysonline.com" } })).smsMessageTemplate;
    const original = await template();

    // The change is made and recorded, then something refuses: neither stays.
    const audit = make([]);
    await expect(
      audit.transaction(async (tx) => {
        await prisma.identityStore.update({ where: { id: "wingtiptoysonline.com" }, data: { smsMessageTemplate: "Changed [Code]" } });
        await audit.record(tx, { origin: "system", activity: "test.rollback" });
        throw new Error("refused mid-way");
      }),
    ).rejects.toThrow("refused mid-way");
    expect(await count()).toBe(0);
    expect(await template()).toBe(original);

    // A follower (notices) that fails takes the change and the event with it.
    const failing = make([async () => Promise.reject(new Error("follower failed"))]);
    await expect(
      failing.transaction(async (tx) => {
        await prisma.identityStore.update({ where: { id: "wingtiptoysonline.com" }, data: { smsMessageTemplate: "Changed again [Code]" } });
        await failing.record(tx, { origin: "system", activity: "test.rollback" });
      }),
    ).rejects.toThrow("follower failed");
    expect(await count()).toBe(0);
    expect(await template()).toBe(original);

    // Committed: both, and the follower saw the event in the same transaction.
    const seen: string[] = [];
    const following = make([async (tx, event) => void seen.push(`${event.activity}:${await tx.auditEvent.count({ where: { id: event.id } })}`)]);
    await following.recordAlone({ origin: "system", activity: "test.rollback", detail: { phoneNumber: "+12065550123", password: "hunter2hunter2", code: "123456" } });
    expect(seen).toEqual(["test.rollback:1"]);
    const stored = await prisma.auditEvent.findFirstOrThrow({ where: { activity: "test.rollback" } });
    expect(stored.detail).toEqual({ phoneNumber: "+1 206***0123" });
    // The first event subscribers heard is the committed one's: none went out for the rolled-back records.
    const first = await published.next();
    expect(first.value?.id).toBe(stored.id);
    await published.return();
  });

  it("leaves no event for a conflicting change over HTTP (two phones of one type at once)", async () => {
    const writer = await server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
    const created = await server.request(`mutation { createUser(input: { userPrincipalName: "racer@wingtiptoysonline.com" }) { id } }`, {}, { token: writer });
    const userId = created.data.createUser.id as string;
    const add = (n: string) => server.request(`mutation($u: ID!, $n: String!) { addPhoneMethod(userId: $u, input: { phoneNumber: $n, phoneType: office }) { id } }`, { u: userId, n }, { token: writer });
    const outcomes = await Promise.all([add("+1 4255550101"), add("+1 4255550102"), add("+1 4255550103")]);
    expect(outcomes.filter((o) => !o.errors)).toHaveLength(1);
    expect(outcomes.filter((o) => o.errors).map(codesOf)).toEqual([["CONFLICT"], ["CONFLICT"]]);
    expect(await server.app.database.prisma.auditEvent.count({ where: { activity: "phoneMethod.added", targetUserId: userId } })).toBe(1);
  });

  it("removes events older than AUDIT_RETENTION_DAYS in housekeeping", async () => {
    const { prisma } = server.app.database;
    const total = await prisma.auditEvent.count();
    expect(total).toBeGreaterThan(0);
    server.clock.advance(29 * DAY);
    await server.app.housekeeping.runOnce();
    expect(await prisma.auditEvent.count()).toBe(total);
    await server.request(enforce(true), {}, { token: await server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite"]) });
    server.clock.advance(2 * DAY);
    const removed = await server.app.housekeeping.runOnce();
    expect(removed.auditEvents).toBe(total);
    expect(await prisma.auditEvent.count()).toBe(1);
  });
});
