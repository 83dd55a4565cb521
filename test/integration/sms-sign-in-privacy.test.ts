import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AddPhoneMethodDocument,
  CompleteSmsSignInDocument,
  CreateSmsGatewayAccountDocument,
  IdentityStoresDocument,
  SmsDeliveriesDocument,
  StartPhoneVerificationDocument,
  StartSmsChallengeDocument,
  StartSmsSignInDocument,
  UpdateIdentityStoreSmsSettingsDocument,
  VerifySmsChallengeDocument,
} from "../generated/graphql.js";
import { codesOf, type GraphQLResponse } from "../kit/graphql-client.js";
import { deliveredSms, smsQueueDrained } from "../kit/sms-deliveries.js";
import { codeIn, replyJson, startSmsGatewayStub } from "../kit/sms-gateway-stub.js";
import { createTestDatabase, startTestServer, storageMode, type TestServer } from "../kit/test-server.js";

const ADMIN = "admin@wingtiptoysonline.com";
const STORE = "wingtiptoysonline.com";
const MOBILE_ID = "3179e48a-750b-4051-897c-87b9720928f7";
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const PARALLEL = 50;
// The anonymous (sign-in) and signed-in (enrolment, step-up) budgets of wrong codes per number per 24 hours.
const GUESS_CAP = 25;
// Proxies on loopback are trusted, so every request can come from an address of its own.
const ENV = { TRUST_PROXY: "loopback" };

let addressCounter = 0;
/** A client address nobody used yet: per-address limits stay out of the way of per-number ones. */
const fresh = () => {
  const n = ++addressCounter;
  return { headers: { "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } };
};

type Challenge = { challengeId: string; expiresDateTime: string; maskedPhoneNumber: string };

describe(`SMS sign-in without enumeration, and per-number budgets (${storageMode})`, () => {
  let server: TestServer;
  let admin: string;
  let userNumber = 0;

  async function userWithMobile(phoneNumber: string): Promise<{ upn: string; token: string }> {
    const upn = `privacy.user${++userNumber}@wingtiptoysonline.com`;
    const created = await server.request(`mutation($u: String!) { createUser(input: { userPrincipalName: $u }) { id } }`, { u: upn }, { token: admin });
    expect(created.errors).toBeUndefined();
    const added = await server.execute(AddPhoneMethodDocument, { userId: upn, input: { phoneNumber, phoneType: "mobile" } }, { token: admin });
    expect(added.data!.addPhoneMethod.smsSignInState).toBe("ready");
    return { upn, token: await server.tokenFor(upn) };
  }

  /** Everything a caller could compare between two answers, the challenge's own values aside. */
  const shapeOf = (response: GraphQLResponse<{ startSmsSignIn: Challenge }>) => ({
    status: response.status,
    errors: response.errors,
    keys: Object.keys(response.data?.startSmsSignIn ?? {}).sort(),
    validFor: Math.round((new Date(response.data!.startSmsSignIn.expiresDateTime).getTime() - server.clock.now().getTime()) / MINUTE),
    mask: response.data!.startSmsSignIn.maskedPhoneNumber.replace(/\d{4}$/, "NNNN"),
  });

  async function useGateway(accountId: string) {
    const stores = await server.execute(IdentityStoresDocument, undefined, { token: admin });
    const template = stores.data!.identityStores.find((s) => s.id === STORE)!.smsMessageTemplate;
    const updated = await server.execute(UpdateIdentityStoreSmsSettingsDocument, { identityStoreId: STORE, input: { smsGatewayAccountId: accountId, smsMessageTemplate: template } }, { token: admin });
    expect(updated.errors).toBeUndefined();
  }

  beforeAll(async () => {
    server = await startTestServer({ env: ENV });
    admin = await server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
  });
  afterAll(() => server?.stop());
  beforeEach(async () => {
    server.clock.advance(16 * MINUTE);
    admin = await server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
  });

  it("answers a known number like an unknown one when the gateway fails, and shows the failure to administrators only", async () => {
    const known = "+1 2065550301";
    await userWithMobile(known);
    const stub = await startSmsGatewayStub();
    const consoleAccount = (await server.request(`{ smsGatewayAccounts { id provider } }`, {}, { token: admin })).data.smsGatewayAccounts.find((a: { provider: string }) => a.provider === "console").id as string;
    try {
      stub.respondWith((_request, response) => replyJson(response, 503, {}));
      const created = await server.execute(CreateSmsGatewayAccountDocument, { input: { name: "Failing webhook", provider: "webhook", endpoint: `${stub.url}/sms` } }, { token: admin });
      expect(created.errors).toBeUndefined();
      await useGateway(created.data!.createSmsGatewayAccount.id);

      const knownAnswer = await server.execute(StartSmsSignInDocument, { phoneNumber: known }, fresh());
      const unknownAnswer = await server.execute(StartSmsSignInDocument, { phoneNumber: "+1 2065550302" }, fresh());
      expect(knownAnswer.errors).toBeUndefined();
      expect(shapeOf(knownAnswer)).toEqual(shapeOf(unknownAnswer));

      // The code is stored sealed while it waits: neither the code nor the number in clear.
      const queued = await server.app.database.prisma.smsDelivery.findMany({ where: { challengeId: knownAnswer.data!.startSmsSignIn.challengeId } });
      expect(queued).toHaveLength(1);

      await smsQueueDrained(server);
      expect(stub.requests.length).toBeGreaterThan(0);
      const code = codeIn((JSON.parse(stub.requests[0]!.body) as { body: string }).body);
      expect(queued[0]!.sealedMessage).toMatch(/^v1\./);
      expect(queued[0]!.sealedMessage).not.toContain(code);

      const retrying = (await server.execute(SmsDeliveriesDocument, { first: 5 }, { token: admin })).data!.smsDeliveries;
      expect(retrying[0]).toMatchObject({ status: "queued", failureKind: "gatewayUnavailable", attempts: 1, maskedPhoneNumber: "+1 ******0301", purpose: "signIn" });
      expect(retrying[0]!.nextAttemptDateTime).not.toBeNull();
      // Unknown numbers leave nothing behind for anyone to see.
      expect(retrying.some((d) => d.maskedPhoneNumber === "+1 ******0302")).toBe(false);

      // The next attempt is refused for good: the delivery fails, its sealed code is gone.
      stub.respondWith((_request, response) => replyJson(response, 400, {}));
      server.clock.advance(MINUTE);
      const deadline = Date.now() + 10_000;
      let latest = retrying[0]!;
      while (latest.status !== "failed" && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        latest = (await server.execute(SmsDeliveriesDocument, { first: 5 }, { token: admin })).data!.smsDeliveries.find((d) => d.id === latest.id)!;
      }
      expect(latest).toMatchObject({ status: "failed", failureKind: "gatewayRejected", attempts: 2, nextAttemptDateTime: null });
      expect((await server.app.database.prisma.smsDelivery.findUniqueOrThrow({ where: { id: latest.id } })).sealedMessage).toBeNull();

      const asAdmin = await server.execute(SmsDeliveriesDocument, {}, { token: admin });
      expect(JSON.stringify(asAdmin)).not.toContain("2065550301");
      expect(JSON.stringify(asAdmin)).not.toContain(code);
      const reader = await server.execute(SmsDeliveriesDocument, {}, { token: await server.appToken(["Policy.Read.All"]) });
      expect(reader.data!.smsDeliveries.map((d) => d.id)).toContain(latest.id);

      expect(codesOf(await server.execute(SmsDeliveriesDocument, {}))).toEqual(["UNAUTHENTICATED"]);
      const owner = await server.tokenFor(`privacy.user${userNumber}@wingtiptoysonline.com`);
      expect(codesOf(await server.execute(SmsDeliveriesDocument, {}, { token: owner }))).toEqual(["FORBIDDEN"]);
      expect(codesOf(await server.execute(SmsDeliveriesDocument, {}, { token: await server.appToken(["UserAuthenticationMethod.ReadWrite.All"]) }))).toEqual(["FORBIDDEN"]);
    } finally {
      await useGateway(consoleAccount);
      await stub.close();
    }
  });

  it("counts `ext. N` variants of a number against the number's own budget", async () => {
    for (let ext = 1; ext <= 5; ext++) {
      expect((await server.execute(StartSmsSignInDocument, { phoneNumber: `+1 2065550310 ext. ${ext}` }, fresh())).errors).toBeUndefined();
    }
    const anonymous = await server.execute(StartSmsSignInDocument, { phoneNumber: "+1 2065550310" }, fresh());
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", reason: "tooManySmsSends" });

    const { token } = await userWithMobile("+1 2065550312");
    for (let ext = 1; ext <= 5; ext++) {
      const started = await server.execute(StartPhoneVerificationDocument, { input: { phoneNumber: `+1 2065550311 ext. ${ext}`, phoneType: "office" } }, { token });
      expect(started.errors).toBeUndefined();
    }
    const signedIn = await server.execute(StartPhoneVerificationDocument, { input: { phoneNumber: "+1 2065550311", phoneType: "office" } }, { token });
    expect(signedIn.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", reason: "tooManySmsSends" });
  });

  it("keeps the owner's step-up working after anonymous sign-ins used up the number's sign-in budget", async () => {
    const owner = await userWithMobile("+1 2065550320");
    for (let i = 0; i < 5; i++) expect((await server.execute(StartSmsSignInDocument, { phoneNumber: "+1 (206) 555-0320" }, fresh())).errors).toBeUndefined();
    expect(codesOf(await server.execute(StartSmsSignInDocument, { phoneNumber: "+1 2065550320" }, fresh()))).toEqual(["RATE_LIMITED"]);
    await smsQueueDrained(server);

    const started = await server.execute(StartSmsChallengeDocument, { id: MOBILE_ID }, { token: owner.token });
    expect(started.errors).toBeUndefined();
    const code = codeIn((await deliveredSms(server, "+12065550320"))?.body);
    const verified = await server.execute(VerifySmsChallengeDocument, { challengeId: started.data!.startSmsChallenge.challengeId, code }, { token: owner.token });
    expect(verified.data!.verifySmsChallenge.isVerified).toBe(true);
  });

  /** Live challenges for one number, as many flows and users may hold at once; their codes are unknown to everyone. */
  async function liveChallenges(count: number, spec: { purpose: "signIn" | "stepUp"; phoneNumber: string; userId?: string }): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    await server.app.database.prisma.verificationChallenge.createMany({
      data: ids.map((id) => ({
        id,
        purpose: spec.purpose,
        userId: spec.userId ?? null,
        phoneNumber: spec.phoneNumber,
        phoneType: spec.userId ? ("mobile" as const) : null,
        codeHash: randomBytes(32).toString("hex"),
        expiresAt: new Date(server.clock.now().getTime() + 10 * MINUTE),
      })),
    });
    return ids;
  }

  const attemptsOn = async (ids: string[]) =>
    (await server.app.database.prisma.verificationChallenge.findMany({ where: { id: { in: ids } } })).reduce((sum, c) => sum + c.attempts, 0);

  it(`lets at most ${GUESS_CAP} wrong sign-in codes per number through in 24 hours, even ${PARALLEL} at once`, async () => {
    const ids = await liveChallenges(10, { purpose: "signIn", phoneNumber: "+12065550330" });
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => server.execute(CompleteSmsSignInDocument, { challengeId: ids[i % ids.length]!, code: "000000" }, fresh())),
    );
    const checked = results.filter((r) => r.data?.completeSmsSignIn.failureReason === "CODE_INVALID_OR_EXPIRED");
    const refused = results.filter((r) => r.errors?.[0]?.extensions?.reason === "tooManyFailedCodes");
    expect(checked).toHaveLength(GUESS_CAP);
    expect(refused).toHaveLength(PARALLEL - GUESS_CAP);
    expect(await attemptsOn(ids)).toBe(GUESS_CAP);
    const retryAfter = refused[0]!.errors![0]!.extensions!.retryAfterSeconds as number;
    expect(refused[0]!.errors![0]!.extensions!.code).toBe("RATE_LIMITED");
    expect(retryAfter).toBeGreaterThan(DAY / 1000 - 120);
    expect(retryAfter).toBeLessThanOrEqual(DAY / 1000);

    // A fresh code for the number is capped as well; an extension is the same phone.
    const [another] = await liveChallenges(1, { purpose: "signIn", phoneNumber: "+12065550330x9" });
    expect((await server.execute(CompleteSmsSignInDocument, { challengeId: another!, code: "000000" }, fresh())).errors?.[0]?.extensions?.reason).toBe("tooManyFailedCodes");

    // A rolling window: once the wrong codes are 24 hours old, tries count again.
    server.clock.advance(DAY);
    const later = await server.execute(CompleteSmsSignInDocument, { challengeId: another!, code: "000000" }, fresh());
    expect(later.data!.completeSmsSignIn).toMatchObject({ isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED" });
  });

  it(`caps wrong step-up codes per number separately from sign-in, ${PARALLEL} at once`, async () => {
    const owner = await userWithMobile("+1 2065550340");
    const userId = await server.userId(owner.upn);
    const signInIds = await liveChallenges(6, { purpose: "signIn", phoneNumber: "+12065550340" });
    await Promise.all(Array.from({ length: 30 }, (_, i) => server.execute(CompleteSmsSignInDocument, { challengeId: signInIds[i % 6]!, code: "000000" }, fresh())));
    expect(await attemptsOn(signInIds)).toBe(GUESS_CAP);

    // The anonymous budget is spent; the owner's own budget is whole.
    const ids = await liveChallenges(10, { purpose: "stepUp", phoneNumber: "+12065550340", userId });
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => server.execute(VerifySmsChallengeDocument, { challengeId: ids[i % ids.length]!, code: "000000" }, { token: owner.token })),
    );
    const checked = results.filter((r) => r.data?.verifySmsChallenge.failureReason === "CODE_INVALID_OR_EXPIRED");
    expect(checked).toHaveLength(GUESS_CAP);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.reason === "tooManyFailedCodes").length).toBeGreaterThan(0);
    expect(results.every((r) => r.data?.verifySmsChallenge || codesOf(r)[0] === "RATE_LIMITED")).toBe(true);
    expect(await attemptsOn(ids)).toBe(GUESS_CAP);
  });
});

describe(`queued sign-in codes survive a restart (${storageMode})`, () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  });

  it("texts a code queued by a server that stopped (or died holding it) once a new server starts on the same database", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "authgate-sms-restart-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const database = process.env.TEST_DATABASE_URL ? await createTestDatabase(process.env.TEST_DATABASE_URL) : undefined;
    if (database) cleanups.push(() => database.drop());
    const shared = { env: { ...ENV, DATA_DIR: dataDir }, databaseUrl: database?.url };

    const first = await startTestServer({ ...shared, smsDeliveryOptions: { enabled: false } });
    cleanups.push(() => first.stop());
    const admin = await first.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
    await first.request(`mutation { createUser(input: { userPrincipalName: "restart.user@wingtiptoysonline.com" }) { id } }`, {}, { token: admin });
    const added = await first.execute(AddPhoneMethodDocument, { userId: "restart.user@wingtiptoysonline.com", input: { phoneNumber: "+1 2065550350", phoneType: "mobile" } }, { token: admin });
    expect(added.data!.addPhoneMethod.smsSignInState).toBe("ready");

    const started = await first.execute(StartSmsSignInDocument, { phoneNumber: "+1 2065550350" });
    expect(started.errors).toBeUndefined();
    const { challengeId } = started.data!.startSmsSignIn;
    const queued = await first.execute(SmsDeliveriesDocument, {}, { token: admin });
    expect(queued.data!.smsDeliveries).toEqual([expect.objectContaining({ status: "queued", attempts: 0, maskedPhoneNumber: "+1 ******0350" })]);
    // As a worker that died while sending leaves it: claimed, its lease run out.
    await first.app.database.prisma.smsDelivery.updateMany({
      data: { status: "sending", claimedBy: "sms-died", claimedUntil: new Date(first.clock.now().getTime() - 1000) },
    });
    await first.stop();
    expect(first.app.smsOutbox.list()).toEqual([]);

    const second = await startTestServer({ ...shared, seed: false });
    cleanups.push(() => second.stop());
    const sms = await deliveredSms(second, "+12065550350");
    expect(sms).toBeDefined();
    const signedIn = await second.execute(CompleteSmsSignInDocument, { challengeId, code: codeIn(sms!.body) });
    expect(signedIn.data!.completeSmsSignIn).toMatchObject({ isVerified: true });

    const delivered = await second.execute(SmsDeliveriesDocument, {}, { token: await second.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]) });
    expect(delivered.data!.smsDeliveries).toEqual([expect.objectContaining({ status: "delivered", failureKind: null, attempts: 1 })]);
    expect((await second.app.database.prisma.smsDelivery.findFirstOrThrow()).sealedMessage).toBeNull();
  });
});
