import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuthenticationMethodsChangedDocument,
  CreateUserDocument,
  RefreshAccessTokenDocument,
  SessionSignInDocument,
  SignOutDocument,
  WhoAmIDocument,
} from "../generated/graphql.js";
import { codesOf } from "../kit/graphql-client.js";
import { connectWs, connectWsRecordingClose, subscribe } from "../kit/subscriptions.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

const ADMIN = "admin@wingtiptoysonline.com";
const PASSWORD = "Correct-Horse-7!";
const REFRESH_TTL_SECONDS = 600;
const REFRESH_REFUSED = "The refresh token is invalid or expired";
const within = <T>(promise: Promise<T>, ms = 5_000, what = "timed out") =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(what)), ms))]);

describe("sessions: refresh tokens and signing out", () => {
  let server: TestServer;
  let admin: string;
  let n = 0;
  const newUser = async () => {
    const upn = `session${++n}@wingtiptoysonline.com`;
    const res = await server.execute(CreateUserDocument, { input: { userPrincipalName: upn, displayName: `Session Person ${n}`, password: PASSWORD } }, { token: admin });
    expect(res.errors).toBeUndefined();
    return { id: res.data!.createUser.id, upn };
  };
  const signIn = async (upn: string, on: TestServer = server, scopes?: string[]) => {
    const res = await on.execute(SessionSignInDocument, { userPrincipalName: upn, password: PASSWORD, scopes });
    expect(res.errors).toBeUndefined();
    const result = res.data!.signInWithPassword;
    expect(result.isVerified).toBe(true);
    return { accessToken: result.accessToken!, refreshToken: result.refreshToken!, grantedScopes: result.grantedScopes };
  };
  const refresh = (refreshToken: string, on: TestServer = server) => on.execute(RefreshAccessTokenDocument, { refreshToken });
  const whoAmI = (token: string, on: TestServer = server) => on.execute(WhoAmIDocument, undefined, { token });
  const auditOf = (userId: string) =>
    server.app.database.prisma.auditEvent.findMany({ where: { targetUserId: userId, activity: { startsWith: "session." } }, orderBy: { sequence: "asc" } });

  beforeAll(async () => {
    server = await startTestServer({ env: { REFRESH_TOKEN_TTL_SECONDS: String(REFRESH_TTL_SECONDS) } });
    admin = await server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("gives an opaque refresh token at sign-in and keeps only its hash", async () => {
    const user = await newUser();
    const { refreshToken, accessToken } = await signIn(user.upn);
    expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const sid = JSON.parse(Buffer.from(accessToken.split(".")[1]!, "base64url").toString()).sid;
    const rows = await server.app.database.prisma.refreshToken.findMany({ where: { userId: user.id } });
    expect(rows).toEqual([expect.objectContaining({ tokenHash: createHash("sha256").update(refreshToken).digest("hex"), sessionId: sid, usedAt: null, revokedAt: null })]);
    expect(JSON.stringify(rows)).not.toContain(refreshToken);
  });

  it("rotates: a new access token with the same scopes and a new refresh token, which the next refresh takes", async () => {
    const user = await newUser();
    const first = await signIn(user.upn, server, ["UserAuthenticationMethod.Read"]);
    const res = await refresh(first.refreshToken);
    expect(res.errors).toBeUndefined();
    const rotated = res.data!.refreshAccessToken;
    expect(rotated).toMatchObject({ isVerified: true, expiresIn: 3600, grantedScopes: ["UserAuthenticationMethod.Read"] });
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    expect(rotated.accessToken).not.toBe(first.accessToken);
    expect((await whoAmI(rotated.accessToken!)).data!.me.userPrincipalName).toBe(user.upn);
    // The next refresh works with the new token only.
    const next = await refresh(rotated.refreshToken!);
    expect(next.data!.refreshAccessToken.grantedScopes).toEqual(["UserAuthenticationMethod.Read"]);
    expect((await auditOf(user.id)).map((e) => [e.activity, e.outcome, e.actorId])).toEqual([
      ["session.refreshed", "success", user.id],
      ["session.refreshed", "success", user.id],
    ]);
  });

  it("ends the whole session when a used refresh token comes back, and only that session", async () => {
    const user = await newUser();
    const stolen = await signIn(user.upn);
    const other = await signIn(user.upn);
    const rotated = (await refresh(stolen.refreshToken)).data!.refreshAccessToken;
    expect((await whoAmI(rotated.accessToken!)).errors).toBeUndefined();

    const reused = await refresh(stolen.refreshToken);
    expect(codesOf(reused)).toEqual(["UNAUTHENTICATED"]);
    expect(reused.errors![0]!.message).toBe(REFRESH_REFUSED);
    // Every token of the session: the access tokens issued from it and the newest refresh token.
    expect(codesOf(await whoAmI(rotated.accessToken!))).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(await whoAmI(stolen.accessToken))).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(await refresh(rotated.refreshToken!))).toEqual(["UNAUTHENTICATED"]);
    // The user's other session goes on.
    expect((await whoAmI(other.accessToken)).errors).toBeUndefined();
    expect((await refresh(other.refreshToken)).errors).toBeUndefined();
    const recorded = (await auditOf(user.id)).map((e) => [e.activity, e.outcome]);
    expect(recorded).toContainEqual(["session.refreshReuseDetected", "failure"]);
    expect(JSON.stringify((await auditOf(user.id)).map((e) => e.detail))).not.toContain(stolen.refreshToken);
  });

  it("lets exactly one of parallel refreshes of one token win; the others are reuse", async () => {
    const user = await newUser();
    const { refreshToken } = await signIn(user.upn);
    const results = await Promise.all(Array.from({ length: 6 }, () => refresh(refreshToken)));
    const winners = results.filter((r) => r.data?.refreshAccessToken);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => codesOf(r)[0] === "UNAUTHENTICATED")).toHaveLength(5);
    const rows = await server.app.database.prisma.refreshToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(2);
    // Reuse ended the session, the winner's new tokens with it.
    expect(rows.every((row) => row.revokedAt !== null)).toBe(true);
    expect(codesOf(await whoAmI(winners[0]!.data!.refreshAccessToken.accessToken!))).toEqual(["UNAUTHENTICATED"]);
  });

  it("refuses unknown and expired refresh tokens alike, without a hint", async () => {
    const unknown = await refresh(randomBytes(32).toString("base64url"));
    expect(codesOf(unknown)).toEqual(["UNAUTHENTICATED"]);
    expect(unknown.errors![0]!.message).toBe(REFRESH_REFUSED);
    const user = await newUser();
    const { refreshToken } = await signIn(user.upn);
    server.clock.advance((REFRESH_TTL_SECONDS + 1) * 1000);
    const expired = await refresh(refreshToken);
    expect(codesOf(expired)).toEqual(["UNAUTHENTICATED"]);
    expect(expired.errors![0]!.message).toBe(REFRESH_REFUSED);
    expect(expired.errors![0]!.extensions).toEqual({ code: "UNAUTHENTICATED" });
  });

  it("sweeps sessions (and their refresh tokens) an hour after none of their tokens can work, and nothing live", async () => {
    const prisma = server.app.database.prisma;
    const user = await newUser();
    const ended = await signIn(user.upn);
    const sessionOf = (token: string) => JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).sid as string;
    // The access token (an hour) outlives the refresh token (10 minutes): the session lasts as long.
    const row = await prisma.session.findUniqueOrThrow({ where: { id: sessionOf(ended.accessToken) } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(3600 * 1000);
    server.clock.advance(2 * 3600 * 1000 + 60_000);
    const live = await signIn(user.upn);
    const removed = await server.app.housekeeping.runOnce();
    expect(removed.sessions).toBeGreaterThanOrEqual(2);
    expect(await prisma.session.findUnique({ where: { id: sessionOf(ended.accessToken) } })).toBeNull();
    expect(await prisma.refreshToken.count({ where: { sessionId: sessionOf(ended.accessToken) } })).toBe(0);
    expect(await prisma.session.findUnique({ where: { id: sessionOf(live.accessToken) } })).not.toBeNull();
    // The clock moved past the administrator's token.
    admin = await server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
  });

  it("signs out: the token is refused over HTTP and graphql-ws, its socket closes, and its refresh token is dead", async () => {
    const user = await newUser();
    const session = await signIn(user.upn);
    const kept = await signIn(user.upn);
    const live = server.app.events.subscriberCount("authenticationMethodChanged");
    const open = subscribe(connectWs(server.url, session.accessToken), AuthenticationMethodsChangedDocument, {});
    const other = subscribe(connectWs(server.url, kept.accessToken), AuthenticationMethodsChangedDocument, {});
    await server.waitForSubscribers("authenticationMethodChanged", live + 2);

    const out = await server.execute(SignOutDocument, undefined, { token: session.accessToken });
    expect(out.errors).toBeUndefined();
    expect(out.data!.signOut).toBe(true);
    expect((await auditOf(user.id)).map((e) => [e.activity, e.actorId])).toEqual([["session.signedOut", user.id]]);

    expect(codesOf(await whoAmI(session.accessToken))).toEqual(["UNAUTHENTICATED"]);
    await within(open.done, 5_000, "the signed-out socket stayed open");
    expect(open.events.at(-1)!.errors![0]!.extensions).toEqual({ closeCode: 4401 });
    const again = connectWsRecordingClose(server.url, session.accessToken);
    expect((await within(again.closed)).code).toBe(4401);
    expect(codesOf(await refresh(session.refreshToken))).toEqual(["UNAUTHENTICATED"]);

    // Another session of the same user is untouched.
    expect((await whoAmI(kept.accessToken)).errors).toBeUndefined();
    expect(other.events.some((e) => e.errors)).toBe(false);
    other.close();
  });

  it("signs out a token that belongs to no sign-in session (its id alone)", async () => {
    const user = await newUser();
    const token = await server.tokenFor(user.upn);
    const sibling = await server.tokenFor(user.upn);
    expect((await server.execute(SignOutDocument, undefined, { token })).data!.signOut).toBe(true);
    expect(codesOf(await whoAmI(token))).toEqual(["UNAUTHENTICATED"]);
    expect((await whoAmI(sibling)).errors).toBeUndefined();
  });

  it("needs a signed-in user to sign out", async () => {
    expect(codesOf(await server.execute(SignOutDocument, undefined))).toEqual(["UNAUTHENTICATED"]);
    const app = await server.appToken(["UserAuthenticationMethod.ReadWrite.All"]);
    const res = await server.execute(SignOutDocument, undefined, { token: app });
    expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
  });

  it("checks the argument: a refresh token with control characters is bad input", async () => {
    const res = await refresh("abc\u0000def");
    expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
  });

  describe("with a second instance on the same database", () => {
    let second: TestServer;
    beforeAll(async () => {
      second = await startTestServer({ databaseUrl: server.app.database.connectionString, seed: false, clock: server.clock, env: { REFRESH_TOKEN_TTL_SECONDS: String(REFRESH_TTL_SECONDS) } });
    });
    afterAll(async () => {
      await second?.stop();
    });

    it("refuses a token signed out on the other instance, even one it verified before, and closes its sockets there", async () => {
      const user = await newUser();
      const session = await signIn(user.upn);
      // The second instance has verified (and cached) the token, and holds a socket with it.
      expect((await whoAmI(session.accessToken, second)).data!.me.userPrincipalName).toBe(user.upn);
      const live = second.app.events.subscriberCount("authenticationMethodChanged");
      const open = subscribe(connectWs(second.url, session.accessToken), AuthenticationMethodsChangedDocument, {});
      await second.waitForSubscribers("authenticationMethodChanged", live + 1);

      expect((await server.execute(SignOutDocument, undefined, { token: session.accessToken })).data!.signOut).toBe(true);

      expect(codesOf(await whoAmI(session.accessToken, second))).toEqual(["UNAUTHENTICATED"]);
      await within(open.done, 5_000, "the socket on the second instance stayed open");
      expect(open.events.at(-1)!.errors![0]!.extensions).toEqual({ closeCode: 4401 });
      const again = connectWsRecordingClose(second.url, session.accessToken);
      expect((await within(again.closed)).code).toBe(4401);
      expect(codesOf(await refresh(session.refreshToken, second))).toEqual(["UNAUTHENTICATED"]);
    });

    it("detects reuse across instances: a token refreshed on one and replayed on the other ends the session", async () => {
      const user = await newUser();
      const session = await signIn(user.upn);
      const rotated = (await refresh(session.refreshToken, second)).data!.refreshAccessToken;
      expect(codesOf(await refresh(session.refreshToken, server))).toEqual(["UNAUTHENTICATED"]);
      expect(codesOf(await whoAmI(rotated.accessToken!, second))).toEqual(["UNAUTHENTICATED"]);
    });
  });
});

describe("sessions: an absolute lifetime (SESSION_MAX_SECONDS)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { SESSION_MAX_SECONDS: "900", REFRESH_TOKEN_TTL_SECONDS: "600", ACCESS_TOKEN_TTL_SECONDS: "300" } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Avery signs in on `server`: the sign-in's tokens. */
  const signInAvery = async () => {
    const avery = "avery.howard@wingtiptoysonline.com";
    const signedIn = await server.execute(SessionSignInDocument, { userPrincipalName: avery, password: server.passwords[avery]! });
    expect(signedIn.errors).toBeUndefined();
    return signedIn.data!.signInWithPassword;
  };

  it("ends a session a fixed time after its sign-in however often it is refreshed, and no token outlives it", async () => {
    let { refreshToken } = await signInAvery();

    server.clock.advance(500_000);
    const first = await server.execute(RefreshAccessTokenDocument, { refreshToken: refreshToken! });
    expect(first.errors).toBeUndefined();
    expect(first.data!.refreshAccessToken.expiresIn).toBe(300);
    refreshToken = first.data!.refreshAccessToken.refreshToken;

    // 50 s before the session's end: the new access token lasts 50 s, not 300.
    server.clock.advance(350_000);
    const last = await server.execute(RefreshAccessTokenDocument, { refreshToken: refreshToken! });
    expect(last.errors).toBeUndefined();
    expect(last.data!.refreshAccessToken.expiresIn).toBeLessThanOrEqual(50);
    expect(last.data!.refreshAccessToken.expiresIn).toBeGreaterThan(40);
    const accessToken = last.data!.refreshAccessToken.accessToken!;
    expect((await server.execute(WhoAmIDocument, undefined, { token: accessToken })).errors).toBeUndefined();

    // Past the end: the refresh token (issued 51 s ago, 600 s on its own) and the access token are refused.
    server.clock.advance(51_000);
    const refused = await server.execute(RefreshAccessTokenDocument, { refreshToken: last.data!.refreshAccessToken.refreshToken! });
    expect(codesOf(refused)).toEqual(["UNAUTHENTICATED"]);
    expect(refused.errors![0]!.message).toBe(REFRESH_REFUSED);
    expect(codesOf(await server.execute(WhoAmIDocument, undefined, { token: accessToken }))).toEqual(["UNAUTHENTICATED"]);
    // Refused as over, not as reused: nothing was revoked, the token is simply unused.
    const stored = await server.app.database.prisma.refreshToken.findUnique({ where: { tokenHash: createHash("sha256").update(last.data!.refreshAccessToken.refreshToken!).digest("hex") } });
    expect(stored).toMatchObject({ usedAt: null, revokedAt: null });
  });

  it("applies a lowered SESSION_MAX_SECONDS to sessions already started (another instance with the new setting refuses them)", async () => {
    const { refreshToken } = await signInAvery();
    server.clock.advance(400_000);
    const stricter = await startTestServer({ databaseUrl: server.app.database.connectionString, seed: false, clock: server.clock, env: { SESSION_MAX_SECONDS: "300" } });
    try {
      const refused = await stricter.execute(RefreshAccessTokenDocument, { refreshToken: refreshToken! });
      expect(codesOf(refused)).toEqual(["UNAUTHENTICATED"]);
    } finally {
      await stricter.stop();
    }
    // Still within this instance's 900 s: the same token works here.
    expect((await server.execute(RefreshAccessTokenDocument, { refreshToken: refreshToken! })).errors).toBeUndefined();
  });
});
