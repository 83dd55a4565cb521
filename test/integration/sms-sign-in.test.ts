import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AddPhoneMethodDocument,
  CompleteSmsSignInDocument,
  CreateSmsGatewayAccountDocument,
  DisableSmsSignInDocument,
  IdentityStoresDocument,
  MeDocument,
  SetAuthenticationTypeEnabledDocument,
  StartSmsSignInDocument,
  UpdateIdentityStoreSmsSettingsDocument,
} from "../generated/graphql.js";
import { codesOf } from "../kit/graphql-client.js";
import { deliveredSms, smsQueueDrained } from "../kit/sms-deliveries.js";
import { codeIn, startSmsGatewayStub, type SmsGatewayStub } from "../kit/sms-gateway-stub.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

const AVERY = "avery.howard@wingtiptoysonline.com";
const ADMIN = "admin@wingtiptoysonline.com";
const STORE = "wingtiptoysonline.com";
const MOBILE_ID = "3179e48a-750b-4051-897c-87b9720928f7";
const MINUTE = 60_000;

describe("signing in with a phone number", () => {
  let server: TestServer;
  let admin: string;

  async function adminToken() {
    return server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
  }

  async function userWithMobile(localPart: string, phoneNumber: string): Promise<string> {
    const upn = `${localPart}@wingtiptoysonline.com`;
    await server.request(`mutation($u: String!) { createUser(input: { userPrincipalName: $u }) { id } }`, { u: upn }, { token: admin });
    const added = await server.execute(AddPhoneMethodDocument, { userId: upn, input: { phoneNumber, phoneType: "mobile" } }, { token: admin });
    expect(added.data!.addPhoneMethod.smsSignInState).toBe("ready");
    return upn;
  }

  beforeAll(async () => {
    server = await startTestServer();
    admin = await adminToken();
    const avery = await server.tokenFor(AVERY);
    const added = await server.execute(AddPhoneMethodDocument, { input: { phoneNumber: "+1 2065550123", phoneType: "mobile" } }, { token: avery });
    expect(added.data!.addPhoneMethod.smsSignInState).toBe("ready");
  });
  afterAll(() => server?.stop());
  beforeEach(async () => {
    // New rate-limit windows for every test: all requests come from 127.0.0.1.
    server.clock.advance(16 * MINUTE);
    admin = await adminToken();
  });

  it("signs Avery in with a texted code, and the access token works for `me`", async () => {
    const started = await server.execute(StartSmsSignInDocument, { phoneNumber: "+1 (206) 555-0123" });
    expect(started.errors).toBeUndefined();
    expect(started.data!.startSmsSignIn.maskedPhoneNumber).toBe("+1 ******0123");
    const sms = (await deliveredSms(server, "+12065550123"))!;
    expect(sms.body).toMatch(/^Your verification code is \d{6}$/);

    const signedIn = await server.execute(CompleteSmsSignInDocument, { challengeId: started.data!.startSmsSignIn.challengeId, code: codeIn(sms.body) });
    expect(signedIn.errors).toBeUndefined();
    const result = signedIn.data!.completeSmsSignIn;
    expect(result).toMatchObject({ isVerified: true, failureReason: null, expiresIn: 3600, requiredActions: [] });

    const me = await server.execute(MeDocument, undefined, { token: result.accessToken! });
    expect(me.errors).toBeUndefined();
    expect(me.data!.me.userPrincipalName).toBe(AVERY);

    const again = await server.execute(CompleteSmsSignInDocument, { challengeId: started.data!.startSmsSignIn.challengeId, code: codeIn(sms.body) });
    expect(again.data!.completeSmsSignIn).toEqual({ isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED", accessToken: null, expiresIn: null, requiredActions: [] });
  });

  it("answers an unknown number exactly like a known one, and texts nothing", async () => {
    const sent = server.app.smsOutbox.list().length;
    const known = await server.execute(StartSmsSignInDocument, { phoneNumber: "+1 2065550123" });
    const unknown = await server.execute(StartSmsSignInDocument, { phoneNumber: "+1 2065550177" });
    expect(unknown.errors).toBeUndefined();
    await smsQueueDrained(server);
    expect(server.app.smsOutbox.list().length).toBe(sent + 1);
    expect(server.app.smsOutbox.last("+12065550177")).toBeUndefined();

    const shape = (c: { challengeId: string; expiresDateTime: string; maskedPhoneNumber: string }) => ({
      keys: Object.keys(c).sort(),
      id: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(c.challengeId),
      validFor: Math.round((new Date(c.expiresDateTime).getTime() - server.clock.now().getTime()) / MINUTE),
      mask: c.maskedPhoneNumber.replace(/\d{4}$/, "NNNN"),
    });
    expect(shape(unknown.data!.startSmsSignIn)).toEqual(shape(known.data!.startSmsSignIn));
    expect(unknown.data!.startSmsSignIn.maskedPhoneNumber).toBe("+1 ******0177");
  });

  it("treats tries on an unknown number's challenge like tries on a real one", async () => {
    const started = await server.execute(StartSmsSignInDocument, { phoneNumber: "+1 2065550178" });
    const { challengeId } = started.data!.startSmsSignIn;
    for (let attempt = 1; attempt <= 5; attempt++) {
      const result = await server.execute(CompleteSmsSignInDocument, { challengeId, code: String(100000 + attempt) });
      expect(result.data!.completeSmsSignIn).toMatchObject({ isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED" });
    }
    const sixth = await server.execute(CompleteSmsSignInDocument, { challengeId, code: "123456" });
    expect(sixth.data!.completeSmsSignIn).toMatchObject({ isVerified: false, failureReason: "MAX_ATTEMPTS_EXCEEDED", accessToken: null });
  });

  it("sends nothing through a webhook gateway for unknown numbers, and one request for a known one", async () => {
    const stub: SmsGatewayStub = await startSmsGatewayStub();
    try {
      const created = await server.execute(
        CreateSmsGatewayAccountDocument,
        { input: { name: "Sign-in webhook", provider: "webhook", endpoint: `${stub.url}/sms`, credentials: "sign-in-webhook-secret" } },
        { token: admin },
      );
      const stores = await server.execute(IdentityStoresDocument, undefined, { token: admin });
      const template = stores.data!.identityStores[0]!.smsMessageTemplate;
      await server.execute(UpdateIdentityStoreSmsSettingsDocument, { identityStoreId: STORE, input: { smsGatewayAccountId: created.data!.createSmsGatewayAccount.id, smsMessageTemplate: template } }, { token: admin });

      // A foreign number too, in a country the demo store allows.
      for (const phoneNumber of ["+1 2065550180", "+1 2065550181", "+44 7400 123456"]) {
        const unknown = await server.execute(StartSmsSignInDocument, { phoneNumber });
        expect(unknown.errors).toBeUndefined();
      }
      await smsQueueDrained(server);
      expect(stub.requests).toHaveLength(0);

      const known = await server.execute(StartSmsSignInDocument, { phoneNumber: "+1 2065550123" });
      expect(known.errors).toBeUndefined();
      await smsQueueDrained(server);
      expect(stub.requests).toHaveLength(1);
      const { to, body } = JSON.parse(stub.requests[0]!.body) as { to: string; body: string };
      expect(to).toBe("+12065550123");
      const signedIn = await server.execute(CompleteSmsSignInDocument, { challengeId: known.data!.startSmsSignIn.challengeId, code: codeIn(body) });
      expect(signedIn.data!.completeSmsSignIn.isVerified).toBe(true);
    } finally {
      const stores = await server.execute(IdentityStoresDocument, undefined, { token: admin });
      const consoleAccount = await server.request(`{ smsGatewayAccounts { id provider } }`, {}, { token: admin });
      const consoleId = (consoleAccount.data.smsGatewayAccounts as { id: string; provider: string }[]).find((a) => a.provider === "console")!.id;
      await server.execute(UpdateIdentityStoreSmsSettingsDocument, { identityStoreId: STORE, input: { smsGatewayAccountId: consoleId, smsMessageTemplate: stores.data!.identityStores[0]!.smsMessageTemplate } }, { token: admin });
      await stub.close();
    }
  });

  it("texts only numbers whose SMS sign-in is ready", async () => {
    const upn = await userWithMobile("not.ready", "+1 2065550140");
    const userToken = await server.tokenFor(upn);
    const disabled = await server.execute(DisableSmsSignInDocument, { id: MOBILE_ID }, { token: userToken });
    expect(disabled.data!.disableSmsSignIn.smsSignInState).toBe("notEnabled");
    await server.execute(AddPhoneMethodDocument, { userId: upn, input: { phoneNumber: "+1 2065550141", phoneType: "office" } }, { token: admin });

    const sent = server.app.smsOutbox.list().length;
    for (const phoneNumber of ["+1 2065550140", "+1 2065550141"]) {
      const started = await server.execute(StartSmsSignInDocument, { phoneNumber });
      expect(started.errors).toBeUndefined();
    }
    await smsQueueDrained(server);
    expect(server.app.smsOutbox.list().length).toBe(sent);
  });

  it("refuses the code when sign-in was disabled after it was sent", async () => {
    const upn = await userWithMobile("changed.mind", "+1 2065550142");
    const started = await server.execute(StartSmsSignInDocument, { phoneNumber: "+1 2065550142" });
    const code = codeIn((await deliveredSms(server, "+12065550142"))?.body);
    await server.execute(DisableSmsSignInDocument, { userId: upn, id: MOBILE_ID }, { token: admin });
    const result = await server.execute(CompleteSmsSignInDocument, { challengeId: started.data!.startSmsSignIn.challengeId, code });
    expect(result.data!.completeSmsSignIn).toMatchObject({ isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED", accessToken: null });
  });

  it("refuses an expired code", async () => {
    const started = await server.execute(StartSmsSignInDocument, { phoneNumber: "+1 2065550123" });
    const code = codeIn((await deliveredSms(server, "+12065550123"))?.body);
    server.clock.advance(11 * MINUTE);
    const result = await server.execute(CompleteSmsSignInDocument, { challengeId: started.data!.startSmsSignIn.challengeId, code });
    expect(result.data!.completeSmsSignIn).toMatchObject({ isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED" });
  });

  it("refuses malformed numbers as bad input", async () => {
    for (const phoneNumber of ["", "2065550123", "+1 555", "x".repeat(100)]) {
      expect(codesOf(await server.execute(StartSmsSignInDocument, { phoneNumber }))).toEqual(["BAD_USER_INPUT"]);
    }
  });

  it("rate-limits sends per number and per client address, known or not", async () => {
    for (let i = 0; i < 5; i++) expect((await server.execute(StartSmsSignInDocument, { phoneNumber: "+1 2065550190" })).errors).toBeUndefined();
    const perNumber = await server.execute(StartSmsSignInDocument, { phoneNumber: "+1 2065550190" });
    expect(codesOf(perNumber)).toEqual(["RATE_LIMITED"]);
    expect(perNumber.errors![0]!.extensions!.retryAfterSeconds).toEqual(expect.any(Number));

    // 5 counted above; the address allows 20 in a window.
    for (let i = 0; i < 14; i++) {
      expect((await server.execute(StartSmsSignInDocument, { phoneNumber: `+1 20655502${String(i).padStart(2, "0")}` })).errors).toBeUndefined();
    }
    const perAddress = await server.execute(StartSmsSignInDocument, { phoneNumber: "+1 2065550123" });
    expect(codesOf(perAddress)).toEqual(["RATE_LIMITED"]);
    const retryAfter = perAddress.errors![0]!.extensions!.retryAfterSeconds as number;
    expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 900).toBe(true);

    server.clock.advance(retryAfter * 1000);
    expect((await server.execute(StartSmsSignInDocument, { phoneNumber: "+1 2065550123" })).errors).toBeUndefined();
  });

  it("counts concurrent sends exactly", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => server.execute(StartSmsSignInDocument, { phoneNumber: "+1 2065550191" })));
    expect(results.filter((r) => !r.errors).length).toBe(5);
    expect(results.filter((r) => codesOf(r)[0] === "RATE_LIMITED").length).toBe(3);
  });

  it("rate-limits code checks per client address", async () => {
    const started = await server.execute(StartSmsSignInDocument, { phoneNumber: "+1 2065550123" });
    let tries = 0;
    // Fresh challenges keep the per-challenge cap out of the way.
    let challengeId = started.data!.startSmsSignIn.challengeId;
    while (tries < 30) {
      if (tries % 5 === 0 && tries > 0) challengeId = (await server.execute(StartSmsSignInDocument, { phoneNumber: `+1 20655503${String(tries).padStart(2, "0")}` })).data!.startSmsSignIn.challengeId;
      expect((await server.execute(CompleteSmsSignInDocument, { challengeId, code: "000000" })).errors).toBeUndefined();
      tries++;
    }
    const limited = await server.execute(CompleteSmsSignInDocument, { challengeId, code: "000000" });
    expect(codesOf(limited)).toEqual(["RATE_LIMITED"]);
    expect(limited.errors![0]!.extensions).toMatchObject({ reason: "tooManyVerifications", retryAfterSeconds: expect.any(Number) });
  });

  it("refuses every SMS flow while SMS is disabled on the identity store", async () => {
    const off = await server.execute(SetAuthenticationTypeEnabledDocument, { identityStoreId: STORE, type: "sms", enabled: false }, { token: admin });
    expect(off.data!.setAuthenticationTypeEnabled.enabledAuthenticationTypes).toEqual(["password"]);
    try {
      const sent = server.app.smsOutbox.list().length;
      const avery = await server.tokenFor(AVERY);
      const signIn = await server.execute(StartSmsSignInDocument, { phoneNumber: "+1 2065550123" });
      expect(codesOf(signIn)).toEqual(["PRECONDITION_FAILED"]);
      expect(signIn.errors![0]!.extensions!.reason).toBe("smsDisabled");
      const unknown = await server.execute(StartSmsSignInDocument, { phoneNumber: "+1 2065550199" });
      expect(unknown.errors![0]!.extensions).toMatchObject({ code: "PRECONDITION_FAILED", reason: "smsDisabled" });
      const stepUp = await server.request(`mutation { startSmsChallenge(id: "${MOBILE_ID}") { challengeId } }`, {}, { token: avery });
      expect(stepUp.errors![0]!.extensions).toMatchObject({ code: "PRECONDITION_FAILED", reason: "smsDisabled" });
      const enrol = await server.request(`mutation { startPhoneVerification(input: { phoneNumber: "+1 2065550198", phoneType: office }) { challengeId } }`, {}, { token: avery });
      expect(enrol.errors![0]!.extensions).toMatchObject({ code: "PRECONDITION_FAILED", reason: "smsDisabled" });
      expect(server.app.smsOutbox.list().length).toBe(sent);
    } finally {
      await server.execute(SetAuthenticationTypeEnabledDocument, { identityStoreId: STORE, type: "sms", enabled: true }, { token: await adminToken() });
    }
  });
});
