import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuthenticationMethodsChangedDocument,
  ChangeMyPasswordDocument,
  CreateUserDocument,
  OperationStatusChangedDocument,
  RefreshAccessTokenDocument,
  ResetPasswordDocument,
  SessionSignInDocument,
  WhoAmIDocument,
} from "../generated/graphql.js";
import { codesOf } from "../kit/graphql-client.js";
import { connectWs, subscribe } from "../kit/subscriptions.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

const ADMIN = "admin@wingtiptoysonline.com";
const PASSWORD_ID = "28c10230-6103-485e-b985-444c60001490";
const PASSWORD = "Correct-Horse-7!";
const NEW_PASSWORD = "Battery-Staple-9?";
const MAX_FAILURES = 3;
const within = <T>(promise: Promise<T>, ms = 5_000, what = "timed out") =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(what)), ms))]);

describe("changeMyPassword", () => {
  let server: TestServer;
  let admin: string;
  let n = 0;
  const newUser = async () => {
    const upn = `changer${++n}@wingtiptoysonline.com`;
    const res = await server.execute(CreateUserDocument, { input: { userPrincipalName: upn, displayName: `Changer ${n}`, password: PASSWORD } }, { token: admin });
    expect(res.errors).toBeUndefined();
    return { id: res.data!.createUser.id, upn };
  };
  const signIn = (upn: string, password = PASSWORD) => server.execute(SessionSignInDocument, { userPrincipalName: upn, password });
  const session = async (upn: string) => {
    const result = (await signIn(upn)).data!.signInWithPassword;
    expect(result.isVerified).toBe(true);
    return { accessToken: result.accessToken!, refreshToken: result.refreshToken! };
  };
  const change = (token: string | undefined, currentPassword: string, newPassword: string) =>
    server.execute(ChangeMyPasswordDocument, { currentPassword, newPassword }, token ? { token } : {});
  const whoAmI = (token: string) => server.execute(WhoAmIDocument, undefined, { token });
  const refresh = (refreshToken: string) => server.execute(RefreshAccessTokenDocument, { refreshToken });
  const passwordHashOf = async (id: string) => (await server.app.database.prisma.user.findUniqueOrThrow({ where: { id } })).passwordHash;

  beforeAll(async () => {
    server = await startTestServer({ env: { SIGN_IN_MAX_FAILURES: String(MAX_FAILURES), SIGN_IN_LOCKOUT_SECONDS: "600" } });
    admin = await server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("changes the password, keeps the current session and ends every other one: tokens, refresh tokens and sockets", async () => {
    const user = await newUser();
    const current = await session(user.upn);
    const other = await session(user.upn);
    const loose = await server.tokenFor(user.upn);
    const live = server.app.events.subscriberCount("authenticationMethodChanged");
    const currentSocket = subscribe(connectWs(server.url, current.accessToken), AuthenticationMethodsChangedDocument, {});
    const otherSocket = subscribe(connectWs(server.url, other.accessToken), AuthenticationMethodsChangedDocument, {});
    await server.waitForSubscribers("authenticationMethodChanged", live + 2);

    const res = await change(current.accessToken, PASSWORD, NEW_PASSWORD);
    expect(res.errors).toBeUndefined();
    expect(res.data!.changeMyPassword).toBe(true);

    // The session the change was made in goes on: its token, its socket (which hears the change), its refresh token.
    expect((await whoAmI(current.accessToken)).data!.me.userPrincipalName).toBe(user.upn);
    await currentSocket.waitFor((e) => e.data?.authenticationMethodsChanged.method?.__typename === "PasswordAuthenticationMethod");
    const refreshed = await refresh(current.refreshToken);
    expect(refreshed.errors).toBeUndefined();
    expect((await whoAmI(refreshed.data!.refreshAccessToken.accessToken!)).errors).toBeUndefined();

    // Every other one ends.
    expect(codesOf(await whoAmI(other.accessToken))).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(await whoAmI(loose))).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(await refresh(other.refreshToken))).toEqual(["UNAUTHENTICATED"]);
    await within(otherSocket.done, 5_000, "the other session's socket stayed open");
    expect(otherSocket.events.at(-1)!.errors![0]!.extensions).toEqual({ closeCode: 4401 });
    expect(currentSocket.events.some((e) => e.errors)).toBe(false);
    currentSocket.close();

    expect((await signIn(user.upn, NEW_PASSWORD)).data!.signInWithPassword.isVerified).toBe(true);
    expect((await signIn(user.upn, PASSWORD)).data!.signInWithPassword.isVerified).toBe(false);
    const recorded = await server.app.database.prisma.auditEvent.findMany({ where: { targetUserId: user.id, activity: "password.changed" } });
    expect(recorded.map((e) => [e.outcome, e.actorId])).toEqual([["success", user.id]]);
    expect(JSON.stringify(recorded.map((e) => e.detail))).not.toContain(NEW_PASSWORD);
  });

  it("keeps a token that belongs to no sign-in session working after the change (its id is kept)", async () => {
    const user = await newUser();
    const token = await server.tokenFor(user.upn);
    const sibling = await server.tokenFor(user.upn);
    expect((await change(token, PASSWORD, NEW_PASSWORD)).data!.changeMyPassword).toBe(true);
    expect((await whoAmI(token)).errors).toBeUndefined();
    expect(codesOf(await whoAmI(sibling))).toEqual(["UNAUTHENTICATED"]);
  });

  it("refuses a wrong current password and counts it toward the sign-in lockout", async () => {
    const user = await newUser();
    const { accessToken } = await session(user.upn);
    const before = await passwordHashOf(user.id);
    for (let i = 0; i < MAX_FAILURES; i++) {
      const wrong = await change(accessToken, "Not-the-passw0rd", NEW_PASSWORD);
      expect(wrong.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "currentPasswordIncorrect", field: "currentPassword" });
    }
    // Locked now, for changes and sign-ins alike, even with the right password.
    const locked = await change(accessToken, PASSWORD, NEW_PASSWORD);
    expect(locked.errors![0]!.extensions).toMatchObject({ code: "RATE_LIMITED", reason: "accountLocked" });
    expect((await signIn(user.upn)).errors![0]!.extensions).toMatchObject({ code: "RATE_LIMITED", reason: "accountLocked" });
    expect(await passwordHashOf(user.id)).toBe(before);
    expect((await whoAmI(accessToken)).errors).toBeUndefined();
    const recorded = await server.app.database.prisma.auditEvent.findMany({ where: { targetUserId: user.id, activity: "password.changed" } });
    expect(recorded.map((e) => e.outcome)).toEqual(Array(MAX_FAILURES).fill("failure"));
  });

  it("refuses a new password the policy refuses, changing nothing and counting nothing", async () => {
    const user = await newUser();
    const current = await session(user.upn);
    const other = await session(user.upn);
    const before = await passwordHashOf(user.id);
    for (let i = 0; i < MAX_FAILURES + 1; i++) {
      const weak = await change(current.accessToken, PASSWORD, "weakweak");
      expect(weak.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "PasswordPolicyViolation", field: "newPassword" });
    }
    expect(await passwordHashOf(user.id)).toBe(before);
    expect((await whoAmI(other.accessToken)).errors).toBeUndefined();
    expect((await refresh(other.refreshToken)).errors).toBeUndefined();
    expect((await signIn(user.upn)).data!.signInWithPassword.isVerified).toBe(true);
  });

  it("needs a signed-in user whose token may change their own methods", async () => {
    const user = await newUser();
    expect(codesOf(await change(undefined, PASSWORD, NEW_PASSWORD))).toEqual(["UNAUTHENTICATED"]);
    const readOnly = await server.tokenFor(user.upn, ["UserAuthenticationMethod.Read"]);
    expect(codesOf(await change(readOnly, PASSWORD, NEW_PASSWORD))).toEqual(["FORBIDDEN"]);
    const app = await server.appToken(["UserAuthenticationMethod.ReadWrite.All"]);
    expect(codesOf(await change(app, PASSWORD, NEW_PASSWORD))).toEqual(["BAD_USER_INPUT"]);
  });

  it("has the refresh tokens of every session revoked by an administrator's password reset", async () => {
    const user = await newUser();
    const { refreshToken } = await session(user.upn);
    const res = await server.execute(ResetPasswordDocument, { userId: user.id, id: PASSWORD_ID, newPassword: NEW_PASSWORD }, { token: admin });
    expect(res.errors).toBeUndefined();
    const followed = subscribe(connectWs(server.url, admin), OperationStatusChangedDocument, { operationId: res.data!.resetPassword.operation.id });
    await followed.done;
    expect(followed.events.at(-1)!.data!.operationStatusChanged.status).toBe("succeeded");
    expect(codesOf(await refresh(refreshToken))).toEqual(["UNAUTHENTICATED"]);
  });
});
