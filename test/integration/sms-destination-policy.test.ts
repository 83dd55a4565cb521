import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AddPhoneMethodDocument,
  CompleteSmsSignInDocument,
  StartPhoneVerificationDocument,
  StartSmsChallengeDocument,
  StartSmsSignInDocument,
  VerifyPhoneDocument,
} from "../generated/graphql.js";
import { createLogger } from "../../src/logging/logger.js";
import { codesOf, type GraphQLResponse } from "../kit/graphql-client.js";
import { codeIn } from "../kit/sms-gateway-stub.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

const ADMIN = "admin@wingtiptoysonline.com";
const AVERY = "avery.howard@wingtiptoysonline.com";
const STORE = "wingtiptoysonline.com";
const TEMPLATE = "Your verification code is [Code]";
const MOBILE_ID = "3179e48a-750b-4051-897c-87b9720928f7";
const HOUR = 60 * 60_000;
const PARALLEL = 50;

const STORE_FIELDS = "id smsMessageTemplate smsAllowedCountryCallingCodes smsDailyLimitPerCountry smsDailyLimitPerPrefix";
const DEMO_POLICY = { smsAllowedCountryCallingCodes: ["1", "44"], smsDailyLimitPerCountry: 1000, smsDailyLimitPerPrefix: 50 };

const FRANCE = { typed: "+33 6 12 34 56 78", e164: "+33612345678" };
const GERMANY = { typed: "+49 151 23456789", e164: "+4915123456789" };

describe("SMS destination policy: allowed countries and daily caps per country and prefix", () => {
  let server: TestServer;
  let admin: string;
  let userNumber = 0;
  const logLines: string[] = [];

  /** A fresh directory user: each has its own per-user send budget, so only the destination caps bind. */
  async function newUser(): Promise<{ upn: string; token: string }> {
    const upn = `destinations.user${++userNumber}@wingtiptoysonline.com`;
    const created = await server.request(`mutation($u: String!) { createUser(input: { userPrincipalName: $u }) { id } }`, { u: upn }, { token: admin });
    expect(created.errors).toBeUndefined();
    return { upn, token: await server.tokenFor(upn) };
  }

  const readStore = async () => {
    const result = await server.request(`{ identityStores { ${STORE_FIELDS} } }`, {}, { token: admin });
    expect(result.errors).toBeUndefined();
    return result.data.identityStores.find((s: { id: string }) => s.id === STORE);
  };

  /** `token` undefined: an anonymous caller. */
  const updateSettingsAs = (token: string | undefined, input: Record<string, unknown>) =>
    server.request(
      `mutation($id: ID!, $input: IdentityStoreSmsSettingsInput!) { updateIdentityStoreSmsSettings(identityStoreId: $id, input: $input) { ${STORE_FIELDS} } }`,
      { id: STORE, input: { smsMessageTemplate: TEMPLATE, ...input } },
      { token },
    );
  const updateSettings = (input: Record<string, unknown>) => updateSettingsAs(admin, input);

  const startVerification = (token: string, phoneNumber: string) => server.execute(StartPhoneVerificationDocument, { input: { phoneNumber, phoneType: "mobile" } }, { token });

  const challengesTo = (e164: string) => server.app.database.prisma.verificationChallenge.count({ where: { phoneNumber: e164 } });

  /** The message to `e164`, waiting a little in case sending is queued rather than on the request path. */
  async function smsTo(e164: string, timeoutMs = 5_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const sms = server.app.smsOutbox.last(e164);
      if (sms || Date.now() > deadline) return sms;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const expectDestinationNotAllowed = (result: GraphQLResponse<unknown>) => {
    expect(codesOf(result)).toEqual(["PRECONDITION_FAILED"]);
    expect(result.errors![0]!.extensions!.reason).toBe("destinationNotAllowed");
  };

  beforeAll(async () => {
    server = await startTestServer({ logger: createLogger("debug", (line) => logLines.push(line)) });
  });
  afterAll(() => server?.stop());
  beforeEach(async () => {
    // A new day: fresh daily windows for the destination caps (and every 15-minute send limit).
    server.clock.advance(25 * HOUR);
    admin = await server.tokenFor(ADMIN);
    const reset = await updateSettings(DEMO_POLICY);
    expect(reset.errors).toBeUndefined();
  });

  it("shows the demo store's policy (+1 and +44, 1000 a day per country, 50 per prefix); a new store allows every country", async () => {
    expect(await readStore()).toEqual({ id: STORE, smsMessageTemplate: TEMPLATE, ...DEMO_POLICY });

    // No mutation creates identity stores: a store made as the seed makes them gets the column defaults.
    await server.app.database.prisma.identityStore.create({ data: { id: "zz-fresh.example", name: "zz-fresh.example" } });
    try {
      const stores = await server.request(`{ identityStores { ${STORE_FIELDS} } }`, {}, { token: admin });
      expect(stores.data.identityStores.find((s: { id: string }) => s.id === "zz-fresh.example")).toMatchObject({
        smsAllowedCountryCallingCodes: null,
        smsDailyLimitPerCountry: 1000,
        smsDailyLimitPerPrefix: 50,
      });
    } finally {
      await server.app.database.prisma.identityStore.delete({ where: { id: "zz-fresh.example" } });
    }
  });

  it("refuses to text an enrolment code to +33 or +49, sending and storing nothing, and logs it without the number", async () => {
    const user = await newUser();
    const sent = server.app.smsOutbox.list().length;
    for (const number of [FRANCE, GERMANY]) {
      expectDestinationNotAllowed(await startVerification(user.token, number.typed));
      expect(await challengesTo(number.e164)).toBe(0);
    }
    expect(server.app.smsOutbox.list().length).toBe(sent);
    const methods = await server.app.database.prisma.phoneMethod.count({ where: { userId: await server.userId(user.upn) } });
    expect(methods).toBe(0);

    const refusals = logLines.filter((line) => line.includes("refused by the destination policy")).map((line) => JSON.parse(line));
    expect(refusals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: "warn", identityStoreId: STORE, destination: "+33 *****5678", destinationCountry: "+33", reason: "destinationNotAllowed" }),
        expect.objectContaining({ destination: "+49 *******6789", destinationCountry: "+49", reason: "destinationNotAllowed" }),
      ]),
    );
    // Neither the number nor its prefix: next to the masked number's last 4 digits, a prefix is the whole number.
    for (const number of [FRANCE, GERMANY]) {
      expect(logLines.filter((line) => line.includes(number.e164.slice(1)) || line.includes(number.e164.slice(0, -4)))).toEqual([]);
    }
  });

  it("texts +1 and +44 numbers", async () => {
    for (const [typed, e164] of [
      ["+1 206 555 0188", "+12065550188"],
      ["+44 7400 123456", "+447400123456"],
    ]) {
      const user = await newUser();
      const started = await startVerification(user.token, typed!);
      expect(started.errors).toBeUndefined();
      const verified = await server.execute(VerifyPhoneDocument, { challengeId: started.data!.startPhoneVerification.challengeId, code: codeIn((await smsTo(e164!))?.body) }, { token: user.token });
      expect(verified.data!.verifyPhone.isVerified).toBe(true);
    }
  });

  it("refuses a step-up code to a registered mobile in a country that is not allowed", async () => {
    const user = await newUser();
    const added = await server.execute(AddPhoneMethodDocument, { userId: user.upn, input: { phoneNumber: FRANCE.typed, phoneType: "mobile" } }, { token: await server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]) });
    expect(added.errors).toBeUndefined();
    expectDestinationNotAllowed(await server.execute(StartSmsChallengeDocument, { id: MOBILE_ID }, { token: user.token }));
    expect(server.app.smsOutbox.last(FRANCE.e164)).toBeUndefined();
    expect(await challengesTo(FRANCE.e164)).toBe(0);
  });

  it("refuses SMS sign-in to a country that is not allowed the same way for known and unknown numbers", async () => {
    const authAdmin = await server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
    const known = await newUser();
    const added = await server.execute(AddPhoneMethodDocument, { userId: known.upn, input: { phoneNumber: "+49 151 23456780", phoneType: "mobile" } }, { token: authAdmin });
    expect(added.data!.addPhoneMethod.smsSignInState).toBe("ready");

    const refusedKnown = await server.execute(StartSmsSignInDocument, { phoneNumber: "+49 151 23456780" });
    const refusedUnknown = await server.execute(StartSmsSignInDocument, { phoneNumber: GERMANY.typed });
    expectDestinationNotAllowed(refusedKnown);
    expect(refusedUnknown.errors).toEqual(refusedKnown.errors);
    expect(server.app.smsOutbox.last("+4915123456780")).toBeUndefined();
    expect(await challengesTo("+4915123456780")).toBe(0);
    expect(await challengesTo(GERMANY.e164)).toBe(0);

    const british = await newUser();
    await server.execute(AddPhoneMethodDocument, { userId: british.upn, input: { phoneNumber: "+44 7400 654321", phoneType: "mobile" } }, { token: authAdmin });
    const started = await server.execute(StartSmsSignInDocument, { phoneNumber: "+44 7400 654321" });
    expect(started.errors).toBeUndefined();
    const signedIn = await server.execute(CompleteSmsSignInDocument, { challengeId: started.data!.startSmsSignIn.challengeId, code: codeIn((await smsTo("+447400654321"))?.body) });
    expect(signedIn.data!.completeSmsSignIn.isVerified).toBe(true);
  });

  it("lets an administrator change the allow list, and the change takes effect at once", async () => {
    const widened = await updateSettings({ smsAllowedCountryCallingCodes: ["33", "+1", " 44", "1"] });
    expect(widened.errors).toBeUndefined();
    expect(widened.data.updateIdentityStoreSmsSettings.smsAllowedCountryCallingCodes).toEqual(["1", "33", "44"]);
    const french = await newUser();
    expect((await startVerification(french.token, FRANCE.typed)).errors).toBeUndefined();
    expect(await smsTo(FRANCE.e164)).toBeDefined();
    expectDestinationNotAllowed(await startVerification((await newUser()).token, GERMANY.typed));

    // Omitted fields are left as they are.
    const templateOnly = await updateSettings({});
    expect(templateOnly.data.updateIdentityStoreSmsSettings).toMatchObject({ smsAllowedCountryCallingCodes: ["1", "33", "44"], smsDailyLimitPerCountry: 1000, smsDailyLimitPerPrefix: 50 });

    const everywhere = await updateSettings({ smsAllowedCountryCallingCodes: null });
    expect(everywhere.data.updateIdentityStoreSmsSettings.smsAllowedCountryCallingCodes).toBeNull();
    expect((await startVerification((await newUser()).token, GERMANY.typed)).errors).toBeUndefined();

    const onlyUk = await updateSettings({ smsAllowedCountryCallingCodes: ["44"] });
    expect(onlyUk.data.updateIdentityStoreSmsSettings.smsAllowedCountryCallingCodes).toEqual(["44"]);
    expectDestinationNotAllowed(await startVerification((await newUser()).token, "+1 206 555 0189"));
  });

  it("lets only settings administrators change the allow list and the caps", async () => {
    const avery = await server.tokenFor(AVERY);
    const privAdmin = await server.tokenFor("privadmin@wingtiptoysonline.com", ["UserAuthenticationMethod.ReadWrite.All"]);
    const authAdmin = await server.tokenFor("authadmin@wingtiptoysonline.com", ["UserAuthenticationMethod.ReadWrite.All"]);
    const reader = await server.appToken(["Policy.Read.All"]);
    const change = { smsAllowedCountryCallingCodes: null, smsDailyLimitPerCountry: 1_000_000, smsDailyLimitPerPrefix: 1_000_000 };
    for (const token of [avery, privAdmin, authAdmin, reader]) expect(codesOf(await updateSettingsAs(token, change))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await updateSettingsAs(undefined, change))).toEqual(["UNAUTHENTICATED"]);
    expect(await readStore()).toMatchObject(DEMO_POLICY);

    const writer = await server.appToken(["Policy.ReadWrite.AuthenticationMethod"]);
    const changed = await updateSettingsAs(writer, { smsDailyLimitPerPrefix: 20 });
    expect(changed.data.updateIdentityStoreSmsSettings).toMatchObject({ ...DEMO_POLICY, smsDailyLimitPerPrefix: 20 });
  });

  it("refuses unknown calling codes, an empty list and caps out of range with BAD_USER_INPUT, changing nothing", async () => {
    const invalid: [Record<string, unknown>, string][] = [
      [{ smsAllowedCountryCallingCodes: ["999"] }, "smsAllowedCountryCallingCodes"],
      [{ smsAllowedCountryCallingCodes: ["0"] }, "smsAllowedCountryCallingCodes"],
      [{ smsAllowedCountryCallingCodes: ["44", "FR"] }, "smsAllowedCountryCallingCodes"],
      [{ smsAllowedCountryCallingCodes: ["+"] }, "smsAllowedCountryCallingCodes"],
      [{ smsAllowedCountryCallingCodes: ["1234"] }, "smsAllowedCountryCallingCodes"],
      [{ smsAllowedCountryCallingCodes: ["881"] }, "smsAllowedCountryCallingCodes"], // satellite, not a country
      [{ smsAllowedCountryCallingCodes: ["+44+1"] }, "smsAllowedCountryCallingCodes"],
      [{ smsAllowedCountryCallingCodes: ["1".repeat(100)] }, "smsAllowedCountryCallingCodes"],
      [{ smsAllowedCountryCallingCodes: Array.from({ length: 301 }, () => "44") }, "smsAllowedCountryCallingCodes"],
      [{ smsAllowedCountryCallingCodes: [] }, "smsAllowedCountryCallingCodes"],
      [{ smsDailyLimitPerCountry: 0 }, "smsDailyLimitPerCountry"],
      [{ smsDailyLimitPerCountry: -5 }, "smsDailyLimitPerCountry"],
      [{ smsDailyLimitPerCountry: 1_000_001 }, "smsDailyLimitPerCountry"],
      [{ smsDailyLimitPerPrefix: 0 }, "smsDailyLimitPerPrefix"],
      [{ smsDailyLimitPerPrefix: 2_000_000 }, "smsDailyLimitPerPrefix"],
      // A valid change beside an invalid one is not made either.
      [{ smsAllowedCountryCallingCodes: null, smsDailyLimitPerPrefix: 0 }, "smsDailyLimitPerPrefix"],
    ];
    for (const [input, field] of invalid) {
      const result = await updateSettings({ ...input, smsMessageTemplate: "Changed: [Code]" });
      expect(codesOf(result), JSON.stringify(input).slice(0, 80)).toEqual(["BAD_USER_INPUT"]);
      expect(String(result.errors![0]!.extensions!.field)).toContain(field);
    }
    expect(await readStore()).toEqual({ id: STORE, smsMessageTemplate: TEMPLATE, ...DEMO_POLICY });
  });

  it(`caps sends per number prefix per day, even for ${PARALLEL} parallel requests`, async () => {
    expect((await updateSettings({ smsDailyLimitPerPrefix: 3, smsDailyLimitPerCountry: 1000 })).errors).toBeUndefined();
    // One prefix (+1425555: the number without its last 4 digits), distinct numbers and users.
    const numbers = Array.from({ length: PARALLEL }, (_, i) => `+1425555${2000 + i}`);
    const users = await Promise.all(numbers.map(() => newUser()));
    const sent = server.app.smsOutbox.list().length;
    const results = await Promise.all(numbers.map((number, i) => startVerification(users[i]!.token, number)));

    const accepted = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(accepted).toHaveLength(3);
    expect(refused).toHaveLength(PARALLEL - 3);
    for (const result of refused) {
      expect(codesOf(result)).toEqual(["RATE_LIMITED"]);
      expect(result.errors![0]!.extensions).toMatchObject({ reason: "smsPrefixDailyLimit" });
      const retryAfterSeconds = result.errors![0]!.extensions!.retryAfterSeconds as number;
      expect(retryAfterSeconds).toBeGreaterThan(23 * 3600);
      expect(retryAfterSeconds).toBeLessThanOrEqual(24 * 3600);
    }
    expect(server.app.smsOutbox.list().length - sent).toBe(3);
    expect(await server.app.database.prisma.verificationChallenge.count({ where: { phoneNumber: { in: numbers } } })).toBe(3);

    // Another prefix in the same country is not held up; the prefix itself is again the next day.
    expect((await startVerification((await newUser()).token, "+1 425 556 2000")).errors).toBeUndefined();
    expect(codesOf(await startVerification((await newUser()).token, "+1 425 555 3000"))).toEqual(["RATE_LIMITED"]);
    server.clock.advance(24 * HOUR);
    admin = await server.tokenFor(ADMIN);
    expect((await startVerification((await newUser()).token, "+1 425 555 3001")).errors).toBeUndefined();
  });

  it(`caps sends per destination country per day, even for ${PARALLEL} parallel requests`, async () => {
    expect((await updateSettings({ smsDailyLimitPerCountry: 4, smsDailyLimitPerPrefix: 50 })).errors).toBeUndefined();
    // A different prefix for every number (+44 74NN 000123 -> +4474NN00), all in the UK.
    const numbers = Array.from({ length: PARALLEL }, (_, i) => `+4474${String(i).padStart(2, "0")}000123`);
    expect(new Set(numbers.map((n) => n.slice(0, -4))).size).toBe(PARALLEL);
    const users = await Promise.all(numbers.map(() => newUser()));
    const sent = server.app.smsOutbox.list().length;
    const results = await Promise.all(numbers.map((number, i) => startVerification(users[i]!.token, number)));

    expect(results.filter((r) => !r.errors)).toHaveLength(4);
    const refused = results.filter((r) => r.errors);
    expect(refused).toHaveLength(PARALLEL - 4);
    for (const result of refused) {
      expect(codesOf(result)).toEqual(["RATE_LIMITED"]);
      expect(result.errors![0]!.extensions).toMatchObject({ reason: "smsCountryDailyLimit", retryAfterSeconds: expect.any(Number) });
    }
    expect(server.app.smsOutbox.list().length - sent).toBe(4);
    expect(await server.app.database.prisma.verificationChallenge.count({ where: { phoneNumber: { in: numbers } } })).toBe(4);

    // Other countries have caps of their own.
    expect((await startVerification((await newUser()).token, "+1 206 555 0190")).errors).toBeUndefined();
    const refusedLog = logLines.filter((line) => line.includes('"reason":"smsCountryDailyLimit"')).map((line) => JSON.parse(line));
    expect(refusedLog.length).toBeGreaterThanOrEqual(PARALLEL - 4);
    expect(refusedLog[0]).toMatchObject({ level: "warn", destinationCountry: "+44", destination: expect.stringMatching(/^\+44 \*+0123$/) });
  });
});
