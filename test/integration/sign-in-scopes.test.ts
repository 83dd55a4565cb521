import { decodeJwt } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AddPhoneMethodDocument,
  CompleteSmsSignInWithScopesDocument,
  SignInWithScopesDocument,
  StartSmsSignInDocument,
  UserMethodIdsDocument,
} from "../generated/graphql.js";
import { codesOf } from "../kit/graphql-client.js";
import { deliveredSms } from "../kit/sms-deliveries.js";
import { codeIn } from "../kit/sms-gateway-stub.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

// Spec section 10 / CONSOLE.md: sign-in takes optional `scopes` and grants those the user's
// directory roles permit (`.All` and `Policy.*` only to administrators); without it, the defaults.

const AVERY = "avery.howard@wingtiptoysonline.com";
const ADMIN = "admin@wingtiptoysonline.com";
const AUTH_ADMIN = "authadmin@wingtiptoysonline.com";
const ALL_SCOPES = [
  "UserAuthenticationMethod.Read",
  "UserAuthenticationMethod.ReadWrite",
  "UserAuthenticationMethod.Read.All",
  "UserAuthenticationMethod.ReadWrite.All",
  "Policy.Read.All",
  "Policy.ReadWrite.AuthenticationMethod",
];
const MINUTE = 60_000;

describe("scopes asked for at sign-in", () => {
  let server: TestServer;
  const signIn = (upn: string, scopes?: string[] | null) =>
    server.execute(SignInWithScopesDocument, { userPrincipalName: upn, password: server.passwords[upn]!, ...(scopes === undefined ? {} : { scopes }) });
  const tokenScopes = (token: string) => String(decodeJwt(token).scp).split(" ").filter(Boolean);

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());
  beforeEach(() => server.clock.advance(16 * MINUTE));

  it("grants the defaults when none are asked for, and says so", async () => {
    for (const scopes of [undefined, null]) {
      const result = (await signIn(AVERY, scopes)).data!.signInWithPassword;
      expect(result.grantedScopes).toEqual(["UserAuthenticationMethod.ReadWrite"]);
      expect(tokenScopes(result.accessToken!)).toEqual(["UserAuthenticationMethod.ReadWrite"]);
    }
  });

  it("never gives a plain user a .All or Policy scope, only the ones for their own methods", async () => {
    const result = (await signIn(AVERY, ALL_SCOPES)).data!.signInWithPassword;
    expect(result.isVerified).toBe(true);
    expect(result.grantedScopes).toEqual(["UserAuthenticationMethod.Read", "UserAuthenticationMethod.ReadWrite"]);
    expect(tokenScopes(result.accessToken!)).toEqual(result.grantedScopes);
    // And the token can't reach another user.
    const other = await server.execute(UserMethodIdsDocument, { id: ADMIN }, { token: result.accessToken! });
    expect(codesOf(other)).toEqual(["FORBIDDEN"]);
  });

  it("grants an administrator what their role permits, and the token works on other users", async () => {
    const result = (await signIn(AUTH_ADMIN, ["UserAuthenticationMethod.ReadWrite", "UserAuthenticationMethod.ReadWrite.All"])).data!.signInWithPassword;
    expect(result.grantedScopes).toEqual(["UserAuthenticationMethod.ReadWrite", "UserAuthenticationMethod.ReadWrite.All"]);
    const avery = await server.execute(UserMethodIdsDocument, { id: AVERY }, { token: result.accessToken! });
    expect(avery.errors).toBeUndefined();
    expect(avery.data!.user!.authentication.methods.length).toBeGreaterThan(0);

    const global = (await signIn(ADMIN, ALL_SCOPES)).data!.signInWithPassword;
    expect(global.grantedScopes).toEqual(ALL_SCOPES);
  });

  it("grants only what was asked for, each once, even to an administrator", async () => {
    const result = (await signIn(ADMIN, ["UserAuthenticationMethod.Read", "UserAuthenticationMethod.Read"])).data!.signInWithPassword;
    expect(result.grantedScopes).toEqual(["UserAuthenticationMethod.Read"]);
    const write = await server.execute(AddPhoneMethodDocument, { input: { phoneNumber: "+1 4255550100", phoneType: "office" } }, { token: result.accessToken! });
    expect(codesOf(write)).toEqual(["FORBIDDEN"]);
  });

  it("refuses unknown or empty scope lists as bad input, before checking the password", async () => {
    for (const scopes of [["Directory.ReadWrite.All"], [], ["UserAuthenticationMethod.ReadWrite", "openid\u0000"]]) {
      const refused = await server.execute(SignInWithScopesDocument, { userPrincipalName: AVERY, password: "wrong", scopes });
      expect(codesOf(refused)).toEqual(["BAD_USER_INPUT"]);
    }
  });

  it("gives nothing on a failed sign-in", async () => {
    const result = await server.execute(SignInWithScopesDocument, { userPrincipalName: ADMIN, password: "not the password", scopes: ALL_SCOPES });
    expect(result.data!.signInWithPassword).toMatchObject({ isVerified: false, accessToken: null, grantedScopes: [] });
  });

  it("applies the same rules to SMS sign-in", async () => {
    const admin = await server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
    for (const [upn, number] of [[AVERY, "+1 2065550123"], [AUTH_ADMIN, "+1 2065550124"]] as const) {
      const added = await server.execute(AddPhoneMethodDocument, { userId: upn, input: { phoneNumber: number, phoneType: "mobile" } }, { token: admin });
      expect(added.data!.addPhoneMethod.smsSignInState).toBe("ready");
    }
    const smsSignIn = async (number: string, e164: string, scopes: string[]) => {
      const started = await server.execute(StartSmsSignInDocument, { phoneNumber: number });
      const sms = (await deliveredSms(server, e164))!;
      return (await server.execute(CompleteSmsSignInWithScopesDocument, { challengeId: started.data!.startSmsSignIn.challengeId, code: codeIn(sms.body), scopes })).data!
        .completeSmsSignIn;
    };
    const plain = await smsSignIn("+1 2065550123", "+12065550123", ALL_SCOPES);
    expect(plain).toMatchObject({ isVerified: true, grantedScopes: ["UserAuthenticationMethod.Read", "UserAuthenticationMethod.ReadWrite"] });
    expect(tokenScopes(plain.accessToken!)).toEqual(plain.grantedScopes);
    const administrator = await smsSignIn("+1 2065550124", "+12065550124", ["UserAuthenticationMethod.ReadWrite.All"]);
    expect(administrator.grantedScopes).toEqual(["UserAuthenticationMethod.ReadWrite.All"]);

    const wrong = await server.execute(CompleteSmsSignInWithScopesDocument, { challengeId: "00000000-0000-4000-8000-000000000000", code: "123456", scopes: ALL_SCOPES });
    expect(wrong.data!.completeSmsSignIn).toMatchObject({ isVerified: false, grantedScopes: [] });
  });
});
