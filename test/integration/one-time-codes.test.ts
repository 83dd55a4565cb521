import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AddPhoneMethodDocument,
  MyMethodsDocument,
  StartPhoneVerificationDocument,
  StartSmsChallengeDocument,
  ValidateChallengeTokenDocument,
  VerifyPhoneDocument,
  VerifySmsChallengeDocument,
} from "../generated/graphql.js";
import { codesOf } from "../kit/graphql-client.js";
import { codeIn } from "../kit/sms-gateway-stub.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

const AVERY = "avery.howard@wingtiptoysonline.com";
const AUTHADMIN = "authadmin@wingtiptoysonline.com";
const MOBILE_ID = "3179e48a-750b-4051-897c-87b9720928f7";
const OFFICE_ID = "e37fc753-ff3b-4958-9484-eaa9425c82bc";
const MINUTE = 60_000;

describe("SMS one-time codes: enrolment and step-up", () => {
  let server: TestServer;
  let token: string;
  let userNumber = 0;

  /** A fresh directory user, so each test starts without phones or earlier challenges. */
  async function newUser(): Promise<{ upn: string; token: string }> {
    const upn = `codes.user${++userNumber}@wingtiptoysonline.com`;
    const admin = await server.tokenFor("admin@wingtiptoysonline.com");
    const created = await server.request(`mutation($u: String!) { createUser(input: { userPrincipalName: $u }) { id } }`, { u: upn }, { token: admin });
    expect(created.errors).toBeUndefined();
    return { upn, token: await server.tokenFor(upn) };
  }

  const lastCodeTo = (e164: string) => codeIn(server.app.smsOutbox.last(e164)?.body);

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());
  beforeEach(async () => {
    // Every test gets fresh rate-limit windows (fixed 15-minute windows), and tokens valid at the new time.
    server.clock.advance(16 * MINUTE);
    token = await server.tokenFor(AVERY);
  });

  it("texts a code with the identity store's template and registers the phone once verified", async () => {
    const started = await server.execute(StartPhoneVerificationDocument, { input: { phoneNumber: "+1 206 555 0123", phoneType: "mobile" } }, { token });
    expect(started.errors).toBeUndefined();
    const challenge = started.data!.startPhoneVerification;
    expect(challenge.maskedPhoneNumber).toBe("+1 ******0123");
    expect(challenge.challengeId).toMatch(/^[0-9a-f-]{36}$/);
    const expiresIn = new Date(challenge.expiresDateTime).getTime() - server.clock.now().getTime();
    expect(expiresIn).toBeGreaterThan(9 * MINUTE);
    expect(expiresIn).toBeLessThanOrEqual(10 * MINUTE);

    const sms = server.app.smsOutbox.last("+12065550123")!;
    expect(sms.body).toMatch(/^Your verification code is \d{6}$/);

    const wrong = await server.execute(VerifyPhoneDocument, { challengeId: challenge.challengeId, code: codeIn(sms.body) === "000000" ? "111111" : "000000" }, { token });
    expect(wrong.data!.verifyPhone).toEqual({ isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED", token: null, method: null });

    const verified = await server.execute(VerifyPhoneDocument, { challengeId: challenge.challengeId, code: codeIn(sms.body) }, { token });
    expect(verified.errors).toBeUndefined();
    expect(verified.data!.verifyPhone).toMatchObject({
      isVerified: true,
      failureReason: null,
      method: { id: MOBILE_ID, phoneNumber: "+1 2065550123", phoneType: "mobile", smsSignInState: "ready" },
    });
    const methods = await server.execute(MyMethodsDocument, undefined, { token });
    expect(methods.data!.me.authentication.phoneMethods.map((p) => p.phoneNumber)).toEqual(["+1 2065550123"]);

    const reused = await server.execute(VerifyPhoneDocument, { challengeId: challenge.challengeId, code: codeIn(sms.body) }, { token });
    expect(reused.data!.verifyPhone).toMatchObject({ isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED" });
  });

  it("refuses before sending anything when the phone could not be registered anyway", async () => {
    const sent = server.app.smsOutbox.list().length;
    const duplicate = await server.execute(StartPhoneVerificationDocument, { input: { phoneNumber: "+1 4255550100", phoneType: "mobile" } }, { token });
    expect(codesOf(duplicate)).toEqual(["CONFLICT"]);
    const { token: fresh } = await newUser();
    const alternate = await server.execute(StartPhoneVerificationDocument, { input: { phoneNumber: "+1 4255550100", phoneType: "alternateMobile" } }, { token: fresh });
    expect(codesOf(alternate)).toEqual(["PRECONDITION_FAILED"]);
    const invalid = await server.execute(StartPhoneVerificationDocument, { input: { phoneNumber: "12345", phoneType: "mobile" } }, { token: fresh });
    expect(codesOf(invalid)).toEqual(["BAD_USER_INPUT"]);
    expect(server.app.smsOutbox.list().length).toBe(sent);
  });

  it("does not let another user try codes on someone's challenge", async () => {
    const owner = await newUser();
    const started = await server.execute(StartPhoneVerificationDocument, { input: { phoneNumber: "+1 4255550101", phoneType: "mobile" } }, { token: owner.token });
    const stranger = await newUser();
    const attempt = await server.execute(VerifyPhoneDocument, { challengeId: started.data!.startPhoneVerification.challengeId, code: lastCodeTo("+14255550101") }, { token: stranger.token });
    expect(codesOf(attempt)).toEqual(["FORBIDDEN"]);
    const anonymous = await server.execute(VerifyPhoneDocument, { challengeId: started.data!.startPhoneVerification.challengeId, code: "123456" });
    expect(codesOf(anonymous)).toEqual(["UNAUTHENTICATED"]);
    // The owner still has all their tries.
    const verified = await server.execute(VerifyPhoneDocument, { challengeId: started.data!.startPhoneVerification.challengeId, code: lastCodeTo("+14255550101") }, { token: owner.token });
    expect(verified.data!.verifyPhone.isVerified).toBe(true);
  });

  it("lets an authentication administrator enrol a phone for a user", async () => {
    const user = await newUser();
    const admin = await server.tokenFor(AUTHADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
    const started = await server.execute(StartPhoneVerificationDocument, { userId: user.upn, input: { phoneNumber: "+1 4255550102", phoneType: "mobile" } }, { token: admin });
    expect(started.errors).toBeUndefined();
    const verified = await server.execute(VerifyPhoneDocument, { challengeId: started.data!.startPhoneVerification.challengeId, code: lastCodeTo("+14255550102") }, { token: admin });
    expect(verified.data!.verifyPhone).toMatchObject({ isVerified: true, method: { phoneNumber: "+1 4255550102" } });
    const forbidden = await server.execute(StartPhoneVerificationDocument, { userId: user.upn, input: { phoneNumber: "+1 4255550103", phoneType: "office" } }, { token });
    expect(codesOf(forbidden)).toEqual(["FORBIDDEN"]);
  });

  it("retires the older code when a new one is sent for the same number", async () => {
    const user = await newUser();
    const input = { phoneNumber: "+1 4255550104", phoneType: "mobile" as const };
    const first = await server.execute(StartPhoneVerificationDocument, { input }, { token: user.token });
    const firstCode = lastCodeTo("+14255550104");
    const second = await server.execute(StartPhoneVerificationDocument, { input }, { token: user.token });
    const secondCode = lastCodeTo("+14255550104");
    const old = await server.execute(VerifyPhoneDocument, { challengeId: first.data!.startPhoneVerification.challengeId, code: firstCode }, { token: user.token });
    expect(old.data!.verifyPhone).toMatchObject({ isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED" });
    const current = await server.execute(VerifyPhoneDocument, { challengeId: second.data!.startPhoneVerification.challengeId, code: secondCode }, { token: user.token });
    expect(current.data!.verifyPhone.isVerified).toBe(true);
  });

  it("kills a challenge after 5 wrong codes: then even the right code is MAX_ATTEMPTS_EXCEEDED", async () => {
    const user = await newUser();
    const started = await server.execute(StartPhoneVerificationDocument, { input: { phoneNumber: "+1 4255550105", phoneType: "mobile" } }, { token: user.token });
    const { challengeId } = started.data!.startPhoneVerification;
    const right = lastCodeTo("+14255550105");
    const wrong = right === "999999" ? "999998" : "999999";
    for (let attempt = 1; attempt <= 5; attempt++) {
      const result = await server.execute(VerifyPhoneDocument, { challengeId, code: wrong }, { token: user.token });
      expect(result.data!.verifyPhone).toMatchObject({ isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED" });
    }
    const dead = await server.execute(VerifyPhoneDocument, { challengeId, code: right }, { token: user.token });
    expect(dead.data!.verifyPhone).toMatchObject({ isVerified: false, failureReason: "MAX_ATTEMPTS_EXCEEDED", method: null });
    const methods = await server.execute(MyMethodsDocument, undefined, { token: user.token });
    expect(methods.data!.me.authentication.phoneMethods).toEqual([]);
  });

  it("refuses a code after its 10 minutes", async () => {
    const user = await newUser();
    const started = await server.execute(StartPhoneVerificationDocument, { input: { phoneNumber: "+1 4255550106", phoneType: "mobile" } }, { token: user.token });
    const code = lastCodeTo("+14255550106");
    server.clock.advance(11 * MINUTE);
    const late = await server.execute(VerifyPhoneDocument, { challengeId: started.data!.startPhoneVerification.challengeId, code }, { token: await server.tokenFor(user.upn) });
    expect(late.data!.verifyPhone).toMatchObject({ isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED" });
  });

  it("answers unknown or malformed challenge ids in the payload", async () => {
    for (const challengeId of ["00000000-0000-4000-8000-000000000000", "not-a-challenge"]) {
      const result = await server.execute(VerifyPhoneDocument, { challengeId, code: "123456" }, { token });
      expect(result.data!.verifyPhone).toEqual({ isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED", token: null, method: null });
    }
  });

  describe("step-up on a registered phone", () => {
    let user: { upn: string; token: string };
    beforeAll(async () => {
      user = await newUser();
      const admin = await server.tokenFor("admin@wingtiptoysonline.com", ["UserAuthenticationMethod.ReadWrite.All"]);
      await server.execute(AddPhoneMethodDocument, { userId: user.upn, input: { phoneNumber: "+1 4255550110", phoneType: "mobile" } }, { token: admin });
      await server.execute(AddPhoneMethodDocument, { userId: user.upn, input: { phoneNumber: "+1 4255550111", phoneType: "office" } }, { token: admin });
    });
    beforeEach(async () => {
      user.token = await server.tokenFor(user.upn);
    });

    it("returns a single-use token that the server validates once", async () => {
      const started = await server.execute(StartSmsChallengeDocument, { id: MOBILE_ID }, { token: user.token });
      expect(started.errors).toBeUndefined();
      expect(started.data!.startSmsChallenge.maskedPhoneNumber).toBe("+1 ******0110");
      const verified = await server.execute(VerifySmsChallengeDocument, { challengeId: started.data!.startSmsChallenge.challengeId, code: lastCodeTo("+14255550110") }, { token: user.token });
      expect(verified.data!.verifySmsChallenge).toMatchObject({ isVerified: true, failureReason: null, method: { id: MOBILE_ID } });
      const proof = verified.data!.verifySmsChallenge.token!;
      expect(proof.length).toBeGreaterThanOrEqual(40);

      const backend = await server.appToken(["UserAuthenticationMethod.Read.All"]);
      expect((await server.execute(ValidateChallengeTokenDocument, { token: proof }, { token: backend })).data!.validateChallengeToken).toBe(true);
      expect((await server.execute(ValidateChallengeTokenDocument, { token: proof }, { token: backend })).data!.validateChallengeToken).toBe(false);
      expect((await server.execute(ValidateChallengeTokenDocument, { token: "made-up" }, { token: backend })).data!.validateChallengeToken).toBe(false);
      expect(codesOf(await server.execute(ValidateChallengeTokenDocument, { token: proof }))).toEqual(["UNAUTHENTICATED"]);
    });

    it("lets a token lapse after 5 minutes", async () => {
      const started = await server.execute(StartSmsChallengeDocument, { id: MOBILE_ID }, { token: user.token });
      const verified = await server.execute(VerifySmsChallengeDocument, { challengeId: started.data!.startSmsChallenge.challengeId, code: lastCodeTo("+14255550110") }, { token: user.token });
      server.clock.advance(6 * MINUTE);
      const late = await server.execute(ValidateChallengeTokenDocument, { token: verified.data!.verifySmsChallenge.token! }, { token: await server.tokenFor(user.upn) });
      expect(late.data!.validateChallengeToken).toBe(false);
    });

    it("does not accept an enrolment challenge as a step-up, nor the reverse", async () => {
      const started = await server.execute(StartSmsChallengeDocument, { id: MOBILE_ID }, { token: user.token });
      const code = lastCodeTo("+14255550110");
      const asEnrolment = await server.execute(VerifyPhoneDocument, { challengeId: started.data!.startSmsChallenge.challengeId, code }, { token: user.token });
      expect(asEnrolment.data!.verifyPhone).toMatchObject({ isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED" });
      const asStepUp = await server.execute(VerifySmsChallengeDocument, { challengeId: started.data!.startSmsChallenge.challengeId, code }, { token: user.token });
      expect(asStepUp.data!.verifySmsChallenge.isVerified).toBe(true);
    });

    it("texts mobiles only, and only phones that exist", async () => {
      expect(codesOf(await server.execute(StartSmsChallengeDocument, { id: OFFICE_ID }, { token: user.token }))).toEqual(["PRECONDITION_FAILED"]);
      expect(codesOf(await server.execute(StartSmsChallengeDocument, { id: "b6332ec1-7057-4abe-9331-3d72feddfe41" }, { token: user.token }))).toEqual(["NOT_FOUND"]);
      expect(codesOf(await server.execute(StartSmsChallengeDocument, { id: "nope" }, { token: user.token }))).toEqual(["NOT_FOUND"]);
    });
  });

  describe("rate limits", () => {
    it("limits sends per number, with retryAfterSeconds, until the window ends", async () => {
      const owners = await Promise.all([newUser(), newUser()]);
      const input = { phoneNumber: "+1 4255550120", phoneType: "mobile" as const };
      for (let send = 1; send <= 5; send++) {
        const ok = await server.execute(StartPhoneVerificationDocument, { input }, { token: owners[send % 2]!.token });
        expect(ok.errors).toBeUndefined();
      }
      const sent = server.app.smsOutbox.list().length;
      const limited = await server.execute(StartPhoneVerificationDocument, { input }, { token: owners[0]!.token });
      expect(codesOf(limited)).toEqual(["RATE_LIMITED"]);
      const retryAfter = limited.errors![0]!.extensions!.retryAfterSeconds as number;
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(900);
      expect(limited.errors![0]!.extensions!.reason).toBe("tooManySmsSends");
      expect(server.app.smsOutbox.list().length).toBe(sent);

      server.clock.advance(retryAfter * 1000);
      const again = await server.execute(StartPhoneVerificationDocument, { input }, { token: await server.tokenFor(owners[0]!.upn) });
      expect(again.errors).toBeUndefined();
    });

    it("limits sends per caller across numbers", async () => {
      const user = await newUser();
      for (let send = 0; send < 10; send++) {
        const ok = await server.execute(StartPhoneVerificationDocument, { input: { phoneNumber: `+1 42555502${String(send).padStart(2, "0")}`, phoneType: "mobile" } }, { token: user.token });
        expect(ok.errors).toBeUndefined();
      }
      const limited = await server.execute(StartPhoneVerificationDocument, { input: { phoneNumber: "+1 4255550299", phoneType: "mobile" } }, { token: user.token });
      expect(codesOf(limited)).toEqual(["RATE_LIMITED"]);
      expect(limited.errors![0]!.extensions!.retryAfterSeconds).toEqual(expect.any(Number));
    });

    it("limits code checks per caller across challenges", async () => {
      const user = await newUser();
      const challengeIds: string[] = [];
      for (let i = 0; i < 6; i++) {
        const started = await server.execute(StartPhoneVerificationDocument, { input: { phoneNumber: `+1 42555503${String(i).padStart(2, "0")}`, phoneType: "mobile" } }, { token: user.token });
        challengeIds.push(started.data!.startPhoneVerification.challengeId);
      }
      let tries = 0;
      for (const challengeId of challengeIds) {
        for (let i = 0; i < 5 && tries < 30; i++, tries++) {
          const result = await server.execute(VerifyPhoneDocument, { challengeId, code: "000001" }, { token: user.token });
          expect(result.errors).toBeUndefined();
        }
      }
      const limited = await server.execute(VerifyPhoneDocument, { challengeId: challengeIds[5]!, code: "000001" }, { token: user.token });
      expect(codesOf(limited)).toEqual(["RATE_LIMITED"]);
      expect(limited.errors![0]!.extensions).toMatchObject({ reason: "tooManyVerifications", retryAfterSeconds: expect.any(Number) });
    });
  });
});
