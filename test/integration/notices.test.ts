import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AddPhoneMethodDocument,
  ChangeMyPasswordDocument,
  CreateSmsGatewayAccountDocument,
  DeletePhoneMethodDocument,
  DisableSmsSignInDocument,
  EnableSmsSignInDocument,
  IdentityStoreNoticesDocument,
  ResetPasswordDocument,
  SetNoticeEnabledDocument,
  UpdatePhoneMethodDocument,
  UpdateIdentityStoreNoticeTemplatesDocument,
  UpdateIdentityStoreSmsSettingsDocument,
  type NoticeKind,
} from "../generated/graphql.js";
import { createLogger } from "../../src/logging/logger.js";
import { noticeBoxFor, NOTICE_TTL_MS } from "../../src/modules/notices/notice-box.js";
import { createNoticeFollower, type FollowedAuditEvent } from "../../src/modules/notices/notice.follower.js";
import { createNoticesRepository } from "../../src/modules/notices/notices.repository.js";
import { PASSWORD_METHOD_ID, PHONE_METHOD_IDS } from "../../src/modules/phone-methods/method-ids.js";
import { codesOf } from "../kit/graphql-client.js";
import { smsQueueDrained } from "../kit/sms-deliveries.js";
import { startSmsGatewayStub, type SmsGatewayStub } from "../kit/sms-gateway-stub.js";
import { createTestDatabase, startTestServer, storageMode, type TestServer } from "../kit/test-server.js";

const ADMIN = "admin@wingtiptoysonline.com";
const AVERY = "avery.howard@wingtiptoysonline.com";
const STORE = "wingtiptoysonline.com";
const CODE_TEMPLATE = "Your verification code is [Code]";
const ALL = ["UserAuthenticationMethod.ReadWrite.All"];
const PHONE_ADDED = "A phone ending in [Last4] was added to your account. If this wasn't you, contact your administrator.";

/** What the webhook stub was asked to text to `e164` (only the texts containing `containing`, when given). */
const textsTo = (stub: SmsGatewayStub, e164: string, containing = "") =>
  stub.requests
    .map((r) => JSON.parse(r.body) as { to: string; body: string })
    .filter((m) => m.to === e164 && m.body.includes(containing))
    .map((m) => m.body);

async function waitForTexts(stub: SmsGatewayStub, e164: string, count: number, containing = "", timeoutMs = 15_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  while (textsTo(stub, e164, containing).length < count) {
    if (Date.now() > deadline) throw new Error(`${textsTo(stub, e164, containing).length} of ${count} texts to ${e164}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return textsTo(stub, e164, containing);
}

/** Points the demo store at a webhook account on the stub: everything the store texts lands there. */
async function useStubGateway(server: TestServer, stub: SmsGatewayStub, admin: string) {
  const created = await server.execute(CreateSmsGatewayAccountDocument, { input: { name: `Stub ${randomUUID()}`, provider: "webhook", endpoint: `${stub.url}/sms` } }, { token: admin });
  expect(created.errors).toBeUndefined();
  const smsGatewayAccountId = created.data!.createSmsGatewayAccount.id;
  const updated = await server.execute(UpdateIdentityStoreSmsSettingsDocument, { identityStoreId: STORE, input: { smsGatewayAccountId, smsMessageTemplate: CODE_TEMPLATE } }, { token: admin });
  expect(updated.errors).toBeUndefined();
}

const switchOn = async (server: TestServer, admin: string, kind: NoticeKind, enabled = true) => {
  const result = await server.execute(SetNoticeEnabledDocument, { identityStoreId: STORE, kind, enabled }, { token: admin });
  expect(result.errors).toBeUndefined();
  return result;
};

let userCount = 0;
/** A new user of the demo store with the phones given (`{ mobile: "+1 2065550401" }`). */
async function userWithPhones(server: TestServer, admin: string, phones: Partial<Record<"mobile" | "alternateMobile" | "office", string>>) {
  const upn = `notice.user${++userCount}.${randomUUID().slice(0, 8)}@wingtiptoysonline.com`;
  const created = await server.request(`mutation($u: String!) { createUser(input: { userPrincipalName: $u }) { id } }`, { u: upn }, { token: admin });
  expect(created.errors).toBeUndefined();
  for (const [phoneType, phoneNumber] of Object.entries(phones) as ["mobile" | "alternateMobile" | "office", string][]) {
    const added = await server.execute(AddPhoneMethodDocument, { userId: upn, input: { phoneNumber, phoneType } }, { token: admin });
    expect(added.errors).toBeUndefined();
  }
  return { upn, id: created.data.createUser.id as string };
}

describe("notices when a user's methods change (ASVS 5.0 6.3.7)", () => {
  let server: TestServer;
  let stub: SmsGatewayStub;
  let admin: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    stub = await startSmsGatewayStub();
    server = await startTestServer({ logger: createLogger("debug", (line) => logLines.push(line)) });
    admin = await server.tokenFor(ADMIN, ALL);
    await useStubGateway(server, stub, admin);
  });
  afterAll(async () => {
    await server?.stop();
    await stub?.close();
  });

  it("are off by default: adding a phone texts nothing", async () => {
    const listed = await server.execute(IdentityStoreNoticesDocument, undefined, { token: admin });
    expect(listed.errors).toBeUndefined();
    const notices = listed.data!.identityStores.find((s) => s.id === STORE)!.notices;
    expect(notices.map((n) => n.kind)).toEqual(["phoneAdded", "phoneRemoved", "phoneChanged", "smsSignInEnabled", "passwordReset", "passwordChanged"]);
    expect(notices.every((n) => !n.enabled && n.isDefaultTemplate)).toBe(true);
    expect(notices[0]!.template).toBe(PHONE_ADDED);

    await userWithPhones(server, admin, { mobile: "+1 2065550401", office: "+1 2065550402" });
    await smsQueueDrained(server);
    expect(textsTo(stub, "+12065550401")).toEqual([]);
    expect(await server.app.database.prisma.smsDelivery.count({ where: { purpose: "notice" } })).toBe(0);
  });

  it("switched on: a phone added texts one notice to the user's mobile, with the template's text", async () => {
    await switchOn(server, admin, "phoneAdded");
    const user = await userWithPhones(server, admin, { mobile: "+1 2065550411" });
    expect(await waitForTexts(stub, "+12065550411", 1)).toEqual([PHONE_ADDED.replace("[Last4]", "0411")]);

    // A second phone: the notice goes to the mobile, about the new phone.
    const office = await server.execute(AddPhoneMethodDocument, { userId: user.upn, input: { phoneNumber: "+1 2065550412", phoneType: "office" } }, { token: admin });
    expect(office.errors).toBeUndefined();
    expect(await waitForTexts(stub, "+12065550411", 2)).toEqual([PHONE_ADDED.replace("[Last4]", "0411"), PHONE_ADDED.replace("[Last4]", "0412")]);
    expect(textsTo(stub, "+12065550412")).toEqual([]);
    await smsQueueDrained(server);
    const queued = await server.app.database.prisma.smsDelivery.findMany({ where: { purpose: "notice", maskedPhoneNumber: { endsWith: "0411" } } });
    expect(queued).toHaveLength(2);
    expect(queued.every((d) => d.status === "delivered" && d.challengeId === null && d.sealedMessage === null)).toBe(true);
  });

  it("texts a notice when SMS sign-in is turned on", async () => {
    await switchOn(server, admin, "smsSignInEnabled");
    await switchOn(server, admin, "phoneAdded", false);
    const user = await userWithPhones(server, admin, { mobile: "+1 2065550421" });
    const off = await server.execute(DisableSmsSignInDocument, { userId: user.upn, id: PHONE_METHOD_IDS.mobile }, { token: admin });
    expect(off.errors).toBeUndefined();
    await smsQueueDrained(server);
    const before = textsTo(stub, "+12065550421", "turned on").length;
    const on = await server.execute(EnableSmsSignInDocument, { userId: user.upn, id: PHONE_METHOD_IDS.mobile }, { token: admin });
    expect(on.errors).toBeUndefined();
    const texts = await waitForTexts(stub, "+12065550421", before + 1, "turned on");
    expect(texts.at(-1)).toBe("Sign-in with your phone number (ending in 0421) was turned on for your account. If this wasn't you, contact your administrator.");
    await switchOn(server, admin, "smsSignInEnabled", false);
  });

  it("texts a removed phone's notice to the mobile that remains, and a removed mobile's to the removed number", async () => {
    await switchOn(server, admin, "phoneRemoved");
    const user = await userWithPhones(server, admin, { mobile: "+1 2065550431", office: "+1 2065550432" });
    await smsQueueDrained(server);
    const removedOffice = await server.execute(DeletePhoneMethodDocument, { userId: user.upn, id: PHONE_METHOD_IDS.office }, { token: admin });
    expect(removedOffice.errors).toBeUndefined();
    const texts = await waitForTexts(stub, "+12065550431", 1, "removed");
    expect(texts).toEqual(["A phone ending in 0432 was removed from your account. If this wasn't you, contact your administrator."]);

    // The mobile itself: SMS sign-in off first (the default sign-in method can't be deleted).
    await server.execute(DisableSmsSignInDocument, { userId: user.upn, id: PHONE_METHOD_IDS.mobile }, { token: admin });
    const removedMobile = await server.execute(DeletePhoneMethodDocument, { userId: user.upn, id: PHONE_METHOD_IDS.mobile }, { token: admin });
    expect(removedMobile.errors).toBeUndefined();
    const toRemoved = await waitForTexts(stub, "+12065550431", 2, "removed");
    expect(toRemoved.at(-1)).toBe("A phone ending in 0431 was removed from your account. If this wasn't you, contact your administrator.");
  });

  it("texts a replaced mobile number's notice to the number that was replaced", async () => {
    await switchOn(server, admin, "phoneChanged");
    const user = await userWithPhones(server, admin, { mobile: "+1 2065550521", office: "+1 2065550523" });
    const updated = await server.execute(UpdatePhoneMethodDocument, { userId: user.upn, id: PHONE_METHOD_IDS.mobile, input: { phoneNumber: "+1 2065550522", phoneType: "mobile" } }, { token: admin });
    expect(updated.errors).toBeUndefined();
    expect(await waitForTexts(stub, "+12065550521", 1, "replaced")).toEqual(["The phone number ending in 0521 was replaced on your account. If this wasn't you, contact your administrator."]);
    // Another phone's number: the notice goes to the mobile (its new number).
    await server.execute(UpdatePhoneMethodDocument, { userId: user.upn, id: PHONE_METHOD_IDS.office, input: { phoneNumber: "+1 2065550524", phoneType: "office" } }, { token: admin });
    expect(await waitForTexts(stub, "+12065550522", 1, "replaced")).toEqual(["The phone number ending in 0523 was replaced on your account. If this wasn't you, contact your administrator."]);
    await smsQueueDrained(server);
    expect(textsTo(stub, "+12065550524")).toEqual([]);
    await switchOn(server, admin, "phoneChanged", false);
  });

  it("texts a notice once an administrator's password reset has succeeded, and none for a reset that failed", async () => {
    await switchOn(server, admin, "passwordReset");
    const user = await userWithPhones(server, admin, { mobile: "+1 2065550441" });
    await smsQueueDrained(server);
    const before = textsTo(stub, "+12065550441", "reset").length;

    const refused = await server.execute(ResetPasswordDocument, { userId: user.upn, id: PASSWORD_METHOD_ID, newPassword: "short" }, { token: admin });
    const failedOp = refused.data?.resetPassword.operation.id;
    if (failedOp) await waitForOperation(server, failedOp, "failed");
    await smsQueueDrained(server);
    expect(textsTo(stub, "+12065550441", "reset")).toHaveLength(before);

    const reset = await server.execute(ResetPasswordDocument, { userId: user.upn, id: PASSWORD_METHOD_ID }, { token: admin });
    expect(reset.errors).toBeUndefined();
    await waitForOperation(server, reset.data!.resetPassword.operation.id, "succeeded");
    const texts = await waitForTexts(stub, "+12065550441", before + 1, "reset");
    expect(texts.at(-1)).toBe("The password of your account was reset. If this wasn't you, contact your administrator.");
    // The generated password is in no notice.
    expect(texts.join("\n")).not.toContain(reset.data!.resetPassword.newPassword!);
  });

  it("texts nothing for a change that failed", async () => {
    await switchOn(server, admin, "phoneAdded");
    const user = await userWithPhones(server, admin, { mobile: "+1 2065550451" });
    await waitForTexts(stub, "+12065550451", 1, "added");
    const duplicate = await server.execute(AddPhoneMethodDocument, { userId: user.upn, input: { phoneNumber: "+1 2065550452", phoneType: "mobile" } }, { token: admin });
    expect(codesOf(duplicate)).toEqual(["CONFLICT"]);
    await smsQueueDrained(server);
    expect(textsTo(stub, "+12065550451", "added")).toHaveLength(1);
  });

  it("never carries a code or a full phone number, and its queued text is sealed", async () => {
    const bodies = stub.requests.map((r) => JSON.parse(r.body) as { to: string; body: string });
    const notices = bodies.filter((m) => /account/.test(m.body));
    expect(notices.length).toBeGreaterThan(3);
    for (const { to, body } of notices) {
      expect(body).not.toMatch(/\d{5,}/);
      expect(body).not.toContain(to.slice(-7));
    }
    const rows = await server.app.database.prisma.smsDelivery.findMany({ where: { purpose: "notice" } });
    expect(rows.every((r) => /^\+\d+ \**\d{4}$/.test(r.maskedPhoneNumber))).toBe(true);
    const logged = logLines.join("\n");
    expect(logged).not.toContain("2065550411");
    expect(logged).toContain('"notice queued"');
  });

  describe("settings", () => {
    it("are for settings administrators only", async () => {
      const avery = await server.tokenFor(AVERY, ["UserAuthenticationMethod.ReadWrite"]);
      expect(codesOf(await server.execute(SetNoticeEnabledDocument, { identityStoreId: STORE, kind: "phoneAdded", enabled: true }, { token: avery }))).toEqual(["FORBIDDEN"]);
      expect(codesOf(await server.execute(UpdateIdentityStoreNoticeTemplatesDocument, { identityStoreId: STORE, templates: [{ kind: "phoneAdded", template: "Hi" }] }, { token: avery }))).toEqual(["FORBIDDEN"]);
      const authAdmin = await server.tokenFor("authadmin@wingtiptoysonline.com", ALL);
      expect(codesOf(await server.execute(SetNoticeEnabledDocument, { identityStoreId: STORE, kind: "phoneAdded", enabled: true }, { token: authAdmin }))).toEqual(["FORBIDDEN"]);
      expect(codesOf(await server.execute(SetNoticeEnabledDocument, { identityStoreId: STORE, kind: "phoneAdded", enabled: true }))).toEqual(["UNAUTHENTICATED"]);

      const app = await server.appToken(["Policy.ReadWrite.AuthenticationMethod"]);
      const byApp = await server.execute(SetNoticeEnabledDocument, { identityStoreId: STORE, kind: "passwordChanged", enabled: true }, { token: app });
      expect(byApp.errors).toBeUndefined();
      expect(byApp.data!.setNoticeEnabled.notices.find((n) => n.kind === "passwordChanged")!.enabled).toBe(true);
      expect(codesOf(await server.execute(SetNoticeEnabledDocument, { identityStoreId: "no-such-store", kind: "phoneAdded", enabled: true }, { token: admin }))).toEqual(["NOT_FOUND"]);
    });

    it("edits templates, and null goes back to the built-in text", async () => {
      const edited = await server.execute(
        UpdateIdentityStoreNoticeTemplatesDocument,
        { identityStoreId: STORE, templates: [{ kind: "phoneAdded", template: "  Wingtip: phone ...[Last4] added. Not you? Call the help desk.  " }, { kind: "passwordReset", template: "Wingtip: your password was reset." }] },
        { token: admin },
      );
      expect(edited.errors).toBeUndefined();
      const notices = edited.data!.updateIdentityStoreNoticeTemplates.notices;
      expect(notices.find((n) => n.kind === "phoneAdded")).toMatchObject({ template: "Wingtip: phone ...[Last4] added. Not you? Call the help desk.", isDefaultTemplate: false, enabled: true });

      const user = await userWithPhones(server, admin, { mobile: "+1 2065550461" });
      expect(await waitForTexts(stub, "+12065550461", 1, "Wingtip")).toEqual(["Wingtip: phone ...0461 added. Not you? Call the help desk."]);

      const back = await server.execute(UpdateIdentityStoreNoticeTemplatesDocument, { identityStoreId: STORE, templates: [{ kind: "phoneAdded", template: null }] }, { token: admin });
      expect(back.data!.updateIdentityStoreNoticeTemplates.notices.find((n) => n.kind === "phoneAdded")).toMatchObject({ template: PHONE_ADDED, isDefaultTemplate: true });
      expect(back.data!.updateIdentityStoreNoticeTemplates.notices.find((n) => n.kind === "passwordReset")).toMatchObject({ isDefaultTemplate: false });
      expect(user.upn).toBeTruthy();
    });

    it("refuses templates with a code, a placeholder they can't have, or more than one SMS (BAD_USER_INPUT), changing nothing", async () => {
      const refuse = async (templates: { kind: NoticeKind; template: string | null }[], reason: string, field: string) => {
        const result = await server.execute(UpdateIdentityStoreNoticeTemplatesDocument, { identityStoreId: STORE, templates }, { token: admin });
        expect(codesOf(result), JSON.stringify(templates)).toEqual(["BAD_USER_INPUT"]);
        expect(result.errors![0]!.extensions).toMatchObject({ reason, field });
      };
      await refuse([{ kind: "phoneAdded", template: "Your code is [Code]" }], "invalidTemplate", "templates.0.template");
      await refuse([{ kind: "passwordReset", template: "Password reset for the phone ending [Last4]" }], "invalidTemplate", "templates.0.template");
      await refuse([{ kind: "phoneAdded", template: "Phone [PhoneNumber] added" }], "invalidTemplate", "templates.0.template");
      await refuse([{ kind: "phoneRemoved", template: "   " }], "invalidTemplate", "templates.0.template");
      // 161 GSM-7 characters; and 71 UCS-2 ones (one emoji makes the whole text UCS-2).
      await refuse([{ kind: "phoneRemoved", template: "x".repeat(161) }], "templateTooLong", "templates.0.template");
      await refuse([{ kind: "phoneRemoved", template: `🔐${"x".repeat(69)}` }], "templateTooLong", "templates.0.template");
      // One bad template among good ones: none is saved.
      await refuse([{ kind: "passwordChanged", template: "Changed." }, { kind: "phoneAdded", template: "[Code]" }], "invalidTemplate", "templates.1.template");
      await refuse([{ kind: "passwordChanged", template: "A" }, { kind: "passwordChanged", template: "B" }], "duplicateKind", "templates");
      const control = await server.execute(UpdateIdentityStoreNoticeTemplatesDocument, { identityStoreId: STORE, templates: [{ kind: "passwordChanged", template: "bell\u0007" }] }, { token: admin });
      expect(codesOf(control)).toEqual(["BAD_USER_INPUT"]);

      const listed = await server.execute(IdentityStoreNoticesDocument, undefined, { token: admin });
      expect(listed.data!.identityStores.find((s) => s.id === STORE)!.notices.find((n) => n.kind === "passwordChanged")).toMatchObject({ isDefaultTemplate: true });
      // Exactly 160 fits.
      const fits = await server.execute(UpdateIdentityStoreNoticeTemplatesDocument, { identityStoreId: STORE, templates: [{ kind: "passwordChanged", template: "y".repeat(160) }] }, { token: admin });
      expect(fits.errors).toBeUndefined();
      await server.execute(UpdateIdentityStoreNoticeTemplatesDocument, { identityStoreId: STORE, templates: [{ kind: "passwordChanged", template: null }] }, { token: admin });
    });
  });

  describe("the follower, in a real transaction", () => {
    const followerFor = (s: TestServer) =>
      createNoticeFollower({
        repo: createNoticesRepository(s.app.database.prisma, s.app.database.sql),
        settings: { identityStoreFor: async () => s.app.database.prisma.identityStore.findUnique({ where: { id: STORE } }) },
        box: noticeBoxFor(s.app.config.encryptionKey!),
        clock: s.clock,
        logger: createLogger("silent"),
        ttlMs: NOTICE_TTL_MS,
        onQueued: () => {},
      });
    const addedEvent = (userId: string): FollowedAuditEvent => ({ id: randomUUID(), activity: "phoneMethod.added", outcome: "success", targetUserId: userId, targetId: PHONE_METHOD_IDS.office });

    it("queues the notice with the change: both commit, and the worker texts it", async () => {
      await switchOn(server, admin, "phoneAdded");
      const user = await userWithPhones(server, admin, { mobile: "+1 2065550471" });
      await waitForTexts(stub, "+12065550471", 1, "added");
      const prisma = server.app.database.prisma;
      await prisma.$transaction(async (tx) => {
        await tx.phoneMethod.create({ data: { userId: user.id, phoneType: "office", phoneNumber: "+12065550472" } });
        await followerFor(server)(tx, addedEvent(user.id));
      });
      expect(await waitForTexts(stub, "+12065550471", 2, "added")).toContain(PHONE_ADDED.replace("[Last4]", "0472"));
    });

    it("leaves nothing queued when the change rolls back", async () => {
      const user = await userWithPhones(server, admin, { mobile: "+1 2065550481" });
      await waitForTexts(stub, "+12065550481", 1, "added");
      const prisma = server.app.database.prisma;
      const countNotices = () => prisma.smsDelivery.count({ where: { purpose: "notice", maskedPhoneNumber: { endsWith: "0481" } } });
      const before = await countNotices();
      await expect(
        prisma.$transaction(async (tx) => {
          await tx.phoneMethod.create({ data: { userId: user.id, phoneType: "office", phoneNumber: "+12065550482" } });
          await followerFor(server)(tx, addedEvent(user.id));
          expect(await tx.smsDelivery.count({ where: { purpose: "notice", maskedPhoneNumber: { endsWith: "0481" } } })).toBe(before + 1);
          throw new Error("the change fails after its audit event");
        }),
      ).rejects.toThrow("the change fails");
      expect(await countNotices()).toBe(before);
      expect(await prisma.phoneMethod.count({ where: { userId: user.id, phoneType: "office" } })).toBe(0);
      await smsQueueDrained(server);
      expect(textsTo(stub, "+12065550481", "added")).toHaveLength(1);
    });

    it("ignores failures, other activities and users without a mobile", async () => {
      const user = await userWithPhones(server, admin, { office: "+1 2065550491" });
      const prisma = server.app.database.prisma;
      const count = () => prisma.smsDelivery.count({ where: { purpose: "notice" } });
      const before = await count();
      await prisma.$transaction(async (tx) => {
        const follow = followerFor(server);
        await follow(tx, addedEvent(user.id));
        await follow(tx, { ...addedEvent(user.id), outcome: "failure" });
        await follow(tx, { ...addedEvent(user.id), activity: "signIn.password" });
        await follow(tx, { ...addedEvent(user.id), targetUserId: null });
      });
      expect(await count()).toBe(before);
    });
  });

  it("texts a notice when users change their own password, and none when the current password was wrong", async () => {
    await switchOn(server, admin, "passwordChanged");
    const added = await server.execute(AddPhoneMethodDocument, { userId: AVERY, input: { phoneNumber: "+1 2065550511", phoneType: "mobile" } }, { token: admin });
    expect(added.errors).toBeUndefined();
    const avery = await server.tokenFor(AVERY, ["UserAuthenticationMethod.ReadWrite"]);
    const wrong = await server.execute(ChangeMyPasswordDocument, { currentPassword: "not-the-password-1A!", newPassword: "A-new-passphrase-for-notices-42" }, { token: avery });
    expect(codesOf(wrong)).toEqual(["BAD_USER_INPUT"]);
    await smsQueueDrained(server);
    expect(textsTo(stub, "+12065550511", "changed")).toEqual([]);

    const changed = await server.execute(ChangeMyPasswordDocument, { currentPassword: server.passwords[AVERY]!, newPassword: "A-new-passphrase-for-notices-42" }, { token: avery });
    expect(changed.errors).toBeUndefined();
    expect(await waitForTexts(stub, "+12065550511", 1, "changed")).toEqual(["The password of your account was changed. If this wasn't you, contact your administrator."]);
  });
});

async function waitForOperation(server: TestServer, operationId: string, status: "succeeded" | "failed") {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const op = await server.app.database.prisma.operation.findUnique({ where: { id: operationId } });
    if (op?.status === status) return;
    if (op && op.status !== "running" && op.status !== "notStarted") throw new Error(`operation ${op.status}, not ${status}`);
    if (Date.now() > deadline) throw new Error(`operation not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe(`a queued notice survives a restart (${storageMode})`, () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  });

  it("is texted by the next server on the same database when the one that queued it stopped first", async () => {
    const stub = await startSmsGatewayStub();
    cleanups.push(() => stub.close());
    const dataDir = await mkdtemp(path.join(tmpdir(), "authgate-notice-restart-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const database = process.env.TEST_DATABASE_URL ? await createTestDatabase(process.env.TEST_DATABASE_URL) : undefined;
    if (database) cleanups.push(() => database.drop());
    const shared = { env: { DATA_DIR: dataDir }, databaseUrl: database?.url };

    const first = await startTestServer({ ...shared, smsDeliveryOptions: { enabled: false } });
    cleanups.push(() => first.stop());
    const admin = await first.tokenFor(ADMIN, ALL);
    await useStubGateway(first, stub, admin);
    await switchOn(first, admin, "phoneAdded");
    await userWithPhones(first, admin, { mobile: "+1 2065550501" });
    const queued = await first.app.database.prisma.smsDelivery.findMany({ where: { purpose: "notice" } });
    expect(queued).toEqual([expect.objectContaining({ status: "queued", attempts: 0, maskedPhoneNumber: "+1 ******0501", challengeId: null })]);
    expect(queued[0]!.sealedMessage).toMatch(/^v1\./);
    expect(queued[0]!.sealedMessage).not.toContain("2065550501");
    expect(queued[0]!.expiresAt.getTime() - queued[0]!.createdAt.getTime()).toBeGreaterThan(60 * 60_000);
    await first.stop();
    expect(stub.requests).toEqual([]);

    const second = await startTestServer({ ...shared, seed: false });
    cleanups.push(() => second.stop());
    expect(await waitForTexts(stub, "+12065550501", 1)).toEqual([PHONE_ADDED.replace("[Last4]", "0501")]);
    await smsQueueDrained(second);
    expect(await second.app.database.prisma.smsDelivery.findFirstOrThrow({ where: { purpose: "notice" } })).toMatchObject({ status: "delivered", sealedMessage: null });
  });
});
