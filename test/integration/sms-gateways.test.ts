import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CreateSmsGatewayAccountDocument,
  DeleteSmsGatewayAccountDocument,
  IdentityStoresDocument,
  SmsGatewayAccountsDocument,
  StartPhoneVerificationDocument,
  UpdateIdentityStoreSmsSettingsDocument,
  UpdateSmsGatewayAccountDocument,
  VerifyPhoneDocument,
  type SmsGatewayAccountInput,
} from "../generated/graphql.js";
import { createLogger } from "../../src/logging/logger.js";
import { codesOf } from "../kit/graphql-client.js";
import { codeIn, replyJson, startSmsGatewayStub, type SmsGatewayStub } from "../kit/sms-gateway-stub.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

const ADMIN = "admin@wingtiptoysonline.com";
const AVERY = "avery.howard@wingtiptoysonline.com";
const STORE = "wingtiptoysonline.com";
const TEMPLATE = "Your verification code is [Code]";
const WEBHOOK_SECRET = "whsec-do-not-leak-7f3a9c";
const TWILIO_SID = "AC0123456789abcdef0123456789abcdef";
const TWILIO_TOKEN = "twilio-auth-token-do-not-leak-42";
const MINUTE = 60_000;

describe("SMS gateway accounts", () => {
  let server: TestServer;
  let admin: string;
  const logLines: string[] = [];
  const sentCodes: string[] = [];
  let userNumber = 0;

  const create = (input: SmsGatewayAccountInput, token = admin) => server.execute(CreateSmsGatewayAccountDocument, { input }, { token });
  const useForStore = (smsGatewayAccountId: string) =>
    server.execute(UpdateIdentityStoreSmsSettingsDocument, { identityStoreId: STORE, input: { smsGatewayAccountId, smsMessageTemplate: TEMPLATE } }, { token: admin });

  /** A new user asks for a code to enrol `phoneNumber`. */
  async function startEnrolment(phoneNumber: string) {
    const upn = `gateway.user${++userNumber}@wingtiptoysonline.com`;
    await server.request(`mutation($u: String!) { createUser(input: { userPrincipalName: $u }) { id } }`, { u: upn }, { token: admin });
    const token = await server.tokenFor(upn);
    return { token, result: await server.execute(StartPhoneVerificationDocument, { input: { phoneNumber, phoneType: "mobile" } }, { token }) };
  }

  beforeAll(async () => {
    server = await startTestServer({ logger: createLogger("debug", (line) => logLines.push(line)) });
  });
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(async () => {
    server.clock.advance(16 * MINUTE);
    admin = await server.tokenFor(ADMIN);
  });

  it("starts with the seed's console account as the default, without credentials", async () => {
    const listed = await server.execute(SmsGatewayAccountsDocument, undefined, { token: admin });
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.smsGatewayAccounts).toEqual([
      expect.objectContaining({ provider: "console", isDefault: true, hasCredentials: false, endpoint: null }),
    ]);
  });

  it("is for settings administrators only", async () => {
    const avery = await server.tokenFor(AVERY, ["UserAuthenticationMethod.ReadWrite"]);
    const someId = "00000000-0000-4000-8000-000000000000";
    const input = { name: "Nope", provider: "console" as const };
    expect(codesOf(await server.execute(SmsGatewayAccountsDocument, undefined, { token: avery }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await create(input, avery))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await server.execute(UpdateSmsGatewayAccountDocument, { id: someId, input }, { token: avery }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await server.execute(DeleteSmsGatewayAccountDocument, { id: someId }, { token: avery }))).toEqual(["FORBIDDEN"]);
    const authAdmin = await server.tokenFor("authadmin@wingtiptoysonline.com", ["UserAuthenticationMethod.ReadWrite.All"]);
    expect(codesOf(await create(input, authAdmin))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await server.execute(SmsGatewayAccountsDocument))).toEqual(["UNAUTHENTICATED"]);
    const wrongApp = await server.appToken(["UserAuthenticationMethod.ReadWrite.All"]);
    expect(codesOf(await server.execute(SmsGatewayAccountsDocument, undefined, { token: wrongApp }))).toEqual(["FORBIDDEN"]);

    const policyApp = await server.appToken(["Policy.ReadWrite.AuthenticationMethod"]);
    const created = await create({ name: "Created by an app", provider: "console" }, policyApp);
    expect(created.errors).toBeUndefined();
    expect((await server.execute(DeleteSmsGatewayAccountDocument, { id: created.data!.createSmsGatewayAccount.id }, { token: policyApp })).errors).toBeUndefined();
  });

  it("validates names, endpoints and what each provider needs", async () => {
    const cases: [SmsGatewayAccountInput, string][] = [
      [{ name: "  ", provider: "console" }, "name"],
      [{ name: "x".repeat(101), provider: "console" }, "name"],
      [{ name: "Hook without endpoint", provider: "webhook" }, "endpoint"],
      [{ name: "Hook on ftp", provider: "webhook", endpoint: "ftp://example.com/sms" }, "endpoint"],
      [{ name: "Hook not a URL", provider: "webhook", endpoint: "not a url" }, "endpoint"],
      [{ name: "Hook with userinfo", provider: "webhook", endpoint: "https://user:pw@example.com/sms" }, "endpoint"],
      [{ name: "Twilio without credentials", provider: "twilio", senderId: "+12065550100" }, "credentials"],
      [{ name: "Twilio with bad credentials", provider: "twilio", senderId: "+12065550100", credentials: "just-a-token" }, "credentials"],
      [{ name: "Twilio without sender", provider: "twilio", credentials: `${TWILIO_SID}:${TWILIO_TOKEN}` }, "senderId"],
    ];
    for (const [input, field] of cases) {
      const result = await create(input);
      expect(codesOf(result), input.name).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors![0]!.extensions!.field, input.name).toBe(field);
    }
    const listed = await server.execute(SmsGatewayAccountsDocument, undefined, { token: admin });
    expect(listed.data!.smsGatewayAccounts).toHaveLength(1);

    const first = await create({ name: "Unique name", provider: "console" });
    expect(first.errors).toBeUndefined();
    expect(codesOf(await create({ name: "Unique name", provider: "console" }))).toEqual(["CONFLICT"]);
    await server.execute(DeleteSmsGatewayAccountDocument, { id: first.data!.createSmsGatewayAccount.id }, { token: admin });
  });

  it("stores credentials sealed and never returns them", async () => {
    const created = await create({ name: "Sealed webhook", provider: "webhook", endpoint: "https://sms.example.com/send", credentials: WEBHOOK_SECRET, senderId: "Wingtip" });
    expect(created.errors).toBeUndefined();
    const account = created.data!.createSmsGatewayAccount;
    expect(account).toMatchObject({ provider: "webhook", hasCredentials: true, isDefault: false, endpoint: "https://sms.example.com/send", senderId: "Wingtip" });
    const listed = await server.request(`{ smsGatewayAccounts { id name provider isDefault endpoint senderId hasCredentials createdDateTime } }`, {}, { token: admin });
    expect(JSON.stringify(listed)).not.toContain(WEBHOOK_SECRET);
    expect(JSON.stringify(created)).not.toContain(WEBHOOK_SECRET);
    const introspected = await server.request(`{ __type(name: "SmsGatewayAccount") { fields { name } } }`, {}, { token: admin });
    expect(introspected.data.__type.fields.map((f: { name: string }) => f.name)).not.toContain("credentials");

    const row = await server.app.database.prisma.smsGatewayAccount.findUnique({ where: { id: account.id } });
    expect(row!.sealedCredentials).toMatch(/^v1\./);
    expect(row!.sealedCredentials).not.toContain(WEBHOOK_SECRET);

    // Omitted credentials are kept; "" removes them.
    const renamed = await server.execute(UpdateSmsGatewayAccountDocument, { id: account.id, input: { name: "Sealed webhook 2", provider: "webhook", endpoint: "https://sms.example.com/send" } }, { token: admin });
    expect(renamed.data!.updateSmsGatewayAccount).toMatchObject({ name: "Sealed webhook 2", hasCredentials: true, senderId: null });
    const cleared = await server.execute(UpdateSmsGatewayAccountDocument, { id: account.id, input: { name: "Sealed webhook 2", provider: "webhook", endpoint: "https://sms.example.com/send", credentials: "" } }, { token: admin });
    expect(cleared.data!.updateSmsGatewayAccount.hasCredentials).toBe(false);
    await server.execute(DeleteSmsGatewayAccountDocument, { id: account.id }, { token: admin });
  });

  it("moves the default with isDefault: true, keeping exactly one", async () => {
    const second = await create({ name: "Second console", provider: "console", isDefault: true });
    expect(second.data!.createSmsGatewayAccount.isDefault).toBe(true);
    let listed = (await server.execute(SmsGatewayAccountsDocument, undefined, { token: admin })).data!.smsGatewayAccounts;
    expect(listed.filter((a) => a.isDefault).map((a) => a.name)).toEqual(["Second console"]);

    const original = listed.find((a) => a.name !== "Second console")!;
    await server.execute(UpdateSmsGatewayAccountDocument, { id: original.id, input: { name: original.name, provider: "console", isDefault: true } }, { token: admin });
    listed = (await server.execute(SmsGatewayAccountsDocument, undefined, { token: admin })).data!.smsGatewayAccounts;
    expect(listed.filter((a) => a.isDefault).map((a) => a.id)).toEqual([original.id]);
    expect((await server.execute(DeleteSmsGatewayAccountDocument, { id: second.data!.createSmsGatewayAccount.id }, { token: admin })).errors).toBeUndefined();
  });

  it("refuses to delete an account an identity store uses", async () => {
    const listed = (await server.execute(SmsGatewayAccountsDocument, undefined, { token: admin })).data!.smsGatewayAccounts;
    const inUse = (await server.execute(IdentityStoresDocument, undefined, { token: admin })).data!.identityStores[0]!.smsGatewayAccount!;
    expect(listed.map((a) => a.id)).toContain(inUse.id);
    const refused = await server.execute(DeleteSmsGatewayAccountDocument, { id: inUse.id }, { token: admin });
    expect(codesOf(refused)).toEqual(["PRECONDITION_FAILED"]);
    expect(refused.errors![0]!.extensions!.reason).toBe("gatewayAccountInUse");

    const spare = await create({ name: "Spare console", provider: "console" });
    await useForStore(spare.data!.createSmsGatewayAccount.id);
    expect(codesOf(await server.execute(DeleteSmsGatewayAccountDocument, { id: spare.data!.createSmsGatewayAccount.id }, { token: admin }))).toEqual(["PRECONDITION_FAILED"]);
    await useForStore(inUse.id);
    const deleted = await server.execute(DeleteSmsGatewayAccountDocument, { id: spare.data!.createSmsGatewayAccount.id }, { token: admin });
    expect(deleted.data!.deleteSmsGatewayAccount).toBe(spare.data!.createSmsGatewayAccount.id);
    expect(codesOf(await server.execute(DeleteSmsGatewayAccountDocument, { id: spare.data!.createSmsGatewayAccount.id }, { token: admin }))).toEqual(["NOT_FOUND"]);
  });

  it("console: writes the message to the outbox, with the code masked in the log", async () => {
    const { result, token } = await startEnrolment("+1 2065550160");
    expect(result.errors).toBeUndefined();
    const sms = server.app.smsOutbox.last("+12065550160")!;
    expect(sms.body).toMatch(/^Your verification code is \d{6}$/);
    sentCodes.push(codeIn(sms.body));
    const logged = logLines.filter((l) => l.includes("SMS written to console outbox"));
    expect(logged.at(-1)).toContain("******");
    const verified = await server.execute(VerifyPhoneDocument, { challengeId: result.data!.startPhoneVerification.challengeId, code: codeIn(sms.body) }, { token });
    expect(verified.data!.verifyPhone.isVerified).toBe(true);
  });

  describe("webhook", () => {
    let stub: SmsGatewayStub;
    let accountId: string;
    let consoleId: string;
    beforeAll(async () => {
      stub = await startSmsGatewayStub();
      consoleId = (await server.execute(IdentityStoresDocument, undefined, { token: await server.tokenFor(ADMIN) })).data!.identityStores[0]!.smsGatewayAccount!.id;
    });
    afterAll(async () => {
      await useForStore(consoleId);
      await stub.close();
    });

    it("POSTs {to, body, senderId} signed with an HMAC-SHA256 of the body", async () => {
      const created = await create({ name: "Webhook", provider: "webhook", endpoint: `${stub.url}/sms/send`, senderId: "Wingtip", credentials: WEBHOOK_SECRET });
      accountId = created.data!.createSmsGatewayAccount.id;
      await useForStore(accountId);
      const store = (await server.execute(IdentityStoresDocument, undefined, { token: admin })).data!.identityStores[0]!;
      expect(store.smsGatewayAccount).toMatchObject({ id: accountId, provider: "webhook" });

      const { result, token } = await startEnrolment("+1 2065550161");
      expect(result.errors).toBeUndefined();
      expect(stub.requests).toHaveLength(1);
      const request = stub.requests[0]!;
      expect(request.method).toBe("POST");
      expect(request.path).toBe("/sms/send");
      expect(request.headers["content-type"]).toContain("application/json");
      const payload = JSON.parse(request.body) as { to: string; body: string; senderId: string };
      expect(payload).toEqual({ to: "+12065550161", body: expect.stringMatching(/^Your verification code is \d{6}$/), senderId: "Wingtip" });

      const timestamp = String(request.headers["x-authgate-timestamp"]);
      const expected = Buffer.from(`sha256=${createHmac("sha256", WEBHOOK_SECRET).update(`${timestamp}.${request.body}`).digest("hex")}`);
      const signature = Buffer.from(String(request.headers["x-authgate-signature"]));
      expect(signature.length === expected.length && timingSafeEqual(signature, expected)).toBe(true);
      expect(JSON.stringify(request.headers)).not.toContain(WEBHOOK_SECRET);

      sentCodes.push(codeIn(payload.body));
      const verified = await server.execute(VerifyPhoneDocument, { challengeId: result.data!.startPhoneVerification.challengeId, code: codeIn(payload.body) }, { token });
      expect(verified.data!.verifyPhone.isVerified).toBe(true);
    });

    it("reports a failed send as an error and leaves no challenge behind", async () => {
      stub.respondWith((_request, response) => replyJson(response, 503, { error: "down" }));
      const challengesBefore = await server.app.database.prisma.verificationChallenge.count();
      const requestsBefore = stub.requests.length;
      const { result } = await startEnrolment("+1 2065550162");
      expect(codesOf(result)).toEqual(["PRECONDITION_FAILED"]);
      expect(result.errors![0]!.extensions).toMatchObject({ reason: "smsDeliveryFailed", deliveryFailure: "gatewayUnavailable", retryable: true });
      expect(stub.requests.length - requestsBefore).toBe(3); // first try + 2 retries with backoff
      expect(await server.app.database.prisma.verificationChallenge.count()).toBe(challengesBefore);

      stub.respondWith((_request, response) => replyJson(response, 401, {}));
      const { result: refused } = await startEnrolment("+1 2065550163");
      expect(refused.errors![0]!.extensions).toMatchObject({ code: "PRECONDITION_FAILED", reason: "smsDeliveryFailed", deliveryFailure: "gatewayAuthFailed" });
      expect(await server.app.database.prisma.verificationChallenge.count()).toBe(challengesBefore);
      stub.respondWith((_request, response) => replyJson(response, 200, { messageId: "ok" }));
    });

    it("keeps the older code valid when a resend fails", async () => {
      const { result, token } = await startEnrolment("+1 2065550164");
      const firstCode = codeIn((JSON.parse(stub.requests.at(-1)!.body) as { body: string }).body);
      stub.respondWith((_request, response) => replyJson(response, 400, {}));
      const resend = await server.execute(StartPhoneVerificationDocument, { input: { phoneNumber: "+1 2065550164", phoneType: "mobile" } }, { token });
      expect(resend.errors![0]!.extensions).toMatchObject({ code: "PRECONDITION_FAILED", reason: "smsDeliveryFailed", deliveryFailure: "gatewayRejected" });
      stub.respondWith((_request, response) => replyJson(response, 200, {}));
      const verified = await server.execute(VerifyPhoneDocument, { challengeId: result.data!.startPhoneVerification.challengeId, code: firstCode }, { token });
      expect(verified.data!.verifyPhone.isVerified).toBe(true);
    });
  });

  describe("twilio", () => {
    let stub: SmsGatewayStub;
    let consoleId: string;
    beforeAll(async () => {
      stub = await startSmsGatewayStub();
      stub.respondWith((_request, response) => replyJson(response, 201, { sid: "SM0123456789abcdef0123456789abcdef", status: "queued" }));
      consoleId = (await server.execute(IdentityStoresDocument, undefined, { token: await server.tokenFor(ADMIN) })).data!.identityStores[0]!.smsGatewayAccount!.id;
    });
    afterAll(async () => {
      await useForStore(consoleId);
      await stub.close();
    });

    it("sends Twilio's form-encoded Messages request with basic auth SID:TOKEN", async () => {
      const created = await create({
        name: "Twilio",
        provider: "twilio",
        endpoint: `${stub.url}/2010-04-01/Accounts/{SID}/Messages.json`,
        senderId: "+12065550100",
        credentials: `${TWILIO_SID}:${TWILIO_TOKEN}`,
      });
      expect(created.errors).toBeUndefined();
      expect(created.data!.createSmsGatewayAccount).toMatchObject({ hasCredentials: true, senderId: "+12065550100" });
      expect(JSON.stringify(created)).not.toContain(TWILIO_TOKEN);
      await useForStore(created.data!.createSmsGatewayAccount.id);

      const { result, token } = await startEnrolment("+1 2065550170");
      expect(result.errors).toBeUndefined();
      const request = stub.requests.at(-1)!;
      expect(request.method).toBe("POST");
      expect(request.path).toBe(`/2010-04-01/Accounts/${TWILIO_SID}/Messages.json`);
      expect(request.headers["content-type"]).toContain("application/x-www-form-urlencoded");
      expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString("base64")}`);
      const form = new URLSearchParams(request.body);
      expect(form.get("To")).toBe("+12065550170");
      expect(form.get("From")).toBe("+12065550100");
      expect(form.get("Body")).toMatch(/^Your verification code is \d{6}$/);

      sentCodes.push(codeIn(form.get("Body")!));
      const verified = await server.execute(VerifyPhoneDocument, { challengeId: result.data!.startPhoneVerification.challengeId, code: codeIn(form.get("Body")!) }, { token });
      expect(verified.data!.verifyPhone.isVerified).toBe(true);
    });

    it("maps Twilio's error replies to clear errors", async () => {
      stub.respondWith((_request, response) => replyJson(response, 400, { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 }));
      const { result: invalid } = await startEnrolment("+1 2065550171");
      expect(invalid.errors![0]!.extensions).toMatchObject({ code: "PRECONDITION_FAILED", reason: "smsDeliveryFailed", deliveryFailure: "invalidRecipient", retryable: false });

      stub.respondWith((_request, response) => replyJson(response, 401, { code: 20003, message: `Authenticate ${TWILIO_SID}`, status: 401 }));
      const { result: auth } = await startEnrolment("+1 2065550172");
      expect(auth.errors![0]!.extensions).toMatchObject({ code: "PRECONDITION_FAILED", deliveryFailure: "gatewayAuthFailed" });
      expect(JSON.stringify(auth)).not.toContain(TWILIO_SID);
      stub.respondWith((_request, response) => replyJson(response, 201, { sid: "SM1" }));
    });
  });

  it("never writes credentials or codes to the log", () => {
    expect(logLines.length).toBeGreaterThan(0);
    const log = logLines.join("\n");
    expect(log).toContain("SMS delivery failed");
    for (const secret of [WEBHOOK_SECRET, TWILIO_TOKEN, TWILIO_SID, ...sentCodes]) {
      expect(log).not.toContain(secret);
    }
    expect(sentCodes.length).toBeGreaterThanOrEqual(3);
  });
});

describe("the first SMS gateway account of a directory", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { SEED_DEMO: "false" }, seed: false });
  });
  afterAll(() => server?.stop());

  it("becomes the default even when not asked to, and later ones don't", async () => {
    const app = await server.appToken(["Policy.ReadWrite.AuthenticationMethod"]);
    expect((await server.execute(SmsGatewayAccountsDocument, undefined, { token: app })).data!.smsGatewayAccounts).toEqual([]);
    const first = await server.execute(CreateSmsGatewayAccountDocument, { input: { name: "First", provider: "console", isDefault: false } }, { token: app });
    expect(first.data!.createSmsGatewayAccount.isDefault).toBe(true);
    const second = await server.execute(CreateSmsGatewayAccountDocument, { input: { name: "Second", provider: "console" } }, { token: app });
    expect(second.data!.createSmsGatewayAccount.isDefault).toBe(false);

    // Deleting the default hands the role to the oldest remaining account.
    await server.execute(DeleteSmsGatewayAccountDocument, { id: first.data!.createSmsGatewayAccount.id }, { token: app });
    const listed = (await server.execute(SmsGatewayAccountsDocument, undefined, { token: app })).data!.smsGatewayAccounts;
    expect(listed).toEqual([expect.objectContaining({ name: "Second", isDefault: true })]);
  });
});
