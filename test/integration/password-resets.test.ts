import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AddPhoneMethodDocument,
  AuthenticationMethodsChangedDocument,
  CreateUserDocument,
  DeletePhoneMethodDocument,
  MeDocument,
  OperationStatusChangedDocument,
  ResetPasswordDocument,
  SignInWithPasswordDocument,
  UserOperationDocument,
  UserOperationsDocument,
} from "../generated/graphql.js";
import { codesOf } from "../kit/graphql-client.js";
import { connectWs, subscribe } from "../kit/subscriptions.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";
import { createLogger } from "../../src/logging/logger.js";

const PASSWORD_ID = "28c10230-6103-485e-b985-444c60001490";
const ADMIN = "admin@wingtiptoysonline.com";
const AVERY = "avery.howard@wingtiptoysonline.com";
const ALL = "UserAuthenticationMethod.ReadWrite.All";

describe("password resets as long-running operations", () => {
  let server: TestServer;
  const logLines: string[] = [];
  let admin: string;
  let n = 0;
  const newUser = async (password = "Initial-Passw0rd!") => {
    const upn = `reset${++n}@wingtiptoysonline.com`;
    const res = await server.execute(CreateUserDocument, { input: { userPrincipalName: upn, displayName: `Reset Person ${n}`, password } }, { token: admin });
    expect(res.errors).toBeUndefined();
    return { id: res.data!.createUser.id, upn, password };
  };
  const signIn = (userPrincipalName: string, password: string) => server.execute(SignInWithPasswordDocument, { userPrincipalName, password });
  const follow = (operationId: string, token = admin) => subscribe(connectWs(server.url, token), OperationStatusChangedDocument, { operationId });

  beforeAll(async () => {
    server = await startTestServer({ logger: createLogger("debug", (line) => logLines.push(line)) });
    admin = await server.tokenFor(ADMIN, [ALL]);
  });
  afterAll(() => server?.stop());

  it("never logs a password, given or generated, nor stores one in clear", async () => {
    const user = await newUser();
    const given = await server.execute(ResetPasswordDocument, { userId: user.id, id: PASSWORD_ID, newPassword: "Never-logged-Passw0rd" }, { token: admin });
    await follow(given.data!.resetPassword.operation.id).done;
    const generated = await server.execute(ResetPasswordDocument, { userId: user.id, id: PASSWORD_ID }, { token: admin });
    await follow(generated.data!.resetPassword.operation.id).done;
    await signIn(user.upn, "Wrong-but-secret-Passw0rd");
    const weak = await server.execute(ResetPasswordDocument, { userId: user.id, id: PASSWORD_ID, newPassword: "weakweakweak" }, { token: admin });
    await follow(weak.data!.resetPassword.operation.id).done;
    const log = logLines.join("\n");
    for (const secret of [user.password, "Never-logged-Passw0rd", generated.data!.resetPassword.newPassword!, "Wrong-but-secret-Passw0rd", "weakweakweak"]) {
      expect(log).not.toContain(secret);
    }
    const rows = JSON.stringify(await server.app.database.prisma.user.findMany()) + JSON.stringify(await server.app.database.prisma.operation.findMany());
    expect(rows).not.toContain("Never-logged-Passw0rd");
    expect(rows).not.toContain("weakweakweak");
  });

  it("answers at once with a pending operation, then runs it to succeeded, pushing each state", async () => {
    const user = await newUser();
    const res = await server.execute(ResetPasswordDocument, { userId: user.id, id: PASSWORD_ID, newPassword: "Brand-new-Passw0rd" }, { token: admin });
    expect(res.errors).toBeUndefined();
    const op = res.data!.resetPassword.operation;
    expect(["notStarted", "running"]).toContain(op.status);
    expect(res.data!.resetPassword.newPassword).toBeNull();
    expect(op.resourceLocation).toBe(`/users/${user.id}/authentication/passwordMethods/${PASSWORD_ID}`);

    const sub = follow(op.id);
    await sub.done;
    const statuses = sub.events.map((e) => e.data!.operationStatusChanged.status);
    expect(statuses.at(-1)).toBe("succeeded");
    expect(sub.events.at(-1)!.data!.operationStatusChanged.statusDetail).toBe("ResetSuccess");
    // Statuses only move forward.
    const order = ["notStarted", "running", "succeeded"];
    expect([...statuses].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(statuses);

    expect((await signIn(user.upn, user.password)).data!.signInWithPassword.isVerified).toBe(false);
    const fresh = await signIn(user.upn, "Brand-new-Passw0rd");
    expect(fresh.data!.signInWithPassword).toMatchObject({ isVerified: true, requiredActions: [] });
    const me = await server.execute(MeDocument, undefined, { token: fresh.data!.signInWithPassword.accessToken! });
    expect(me.data!.me.userPrincipalName).toBe(user.upn);
  });

  it("begins the new password's hash while the request is answered, and hashes it once", async () => {
    const user = await newUser();
    const hasher = server.app.hasher;
    const hash = hasher.hash.bind(hasher);
    const calls: number[] = [];
    hasher.hash = (password: string) => {
      calls.push(performance.now());
      return hash(password);
    };
    try {
      const res = await server.execute(ResetPasswordDocument, { userId: user.id, id: PASSWORD_ID, newPassword: "Early-hashed-Passw0rd" }, { token: admin });
      const answered = performance.now();
      expect(res.errors).toBeUndefined();
      expect(calls).toHaveLength(1);
      expect(calls[0]!).toBeLessThan(answered);
      const sub = follow(res.data!.resetPassword.operation.id);
      await sub.done;
      expect(sub.events.at(-1)!.data!.operationStatusChanged.status).toBe("succeeded");
      expect(calls).toHaveLength(1);
      expect((await signIn(user.upn, "Early-hashed-Passw0rd")).data!.signInWithPassword.isVerified).toBe(true);
    } finally {
      hasher.hash = hash;
    }
  });

  it("shows a subscriber the states in order: notStarted, running, succeeded", async () => {
    const user = await newUser();
    // Hold the worker back by having the subscriber in place before the operation exists:
    // subscribe to method changes to learn the id as soon as the reset lands.
    const res = await server.execute(ResetPasswordDocument, { userId: user.id, id: PASSWORD_ID, newPassword: "Another-passw0rd" }, { token: admin });
    const opId = res.data!.resetPassword.operation.id;
    const sub = follow(opId);
    await sub.done;
    const first = sub.events[0]!.data!.operationStatusChanged;
    const last = sub.events.at(-1)!.data!.operationStatusChanged;
    expect(last.status).toBe("succeeded");
    expect(new Date(last.lastActionDateTime).getTime()).toBeGreaterThanOrEqual(new Date(first.createdDateTime).getTime());
    const listed = await server.execute(UserOperationsDocument, { userId: user.id }, { token: admin });
    expect(listed.data!.user!.authentication.operations.map((o) => [o.id, o.status])).toEqual([[opId, "succeeded"]]);
    const one = await server.execute(UserOperationDocument, { userId: user.id, id: opId }, { token: admin });
    expect(one.data!.user!.authentication.operation).toMatchObject({ id: opId, status: "succeeded", statusDetail: "ResetSuccess" });
  });

  it("generates a strong password when none is given and returns it once", async () => {
    const user = await newUser();
    const res = await server.execute(ResetPasswordDocument, { userId: user.id, id: PASSWORD_ID }, { token: admin });
    const generated = res.data!.resetPassword.newPassword!;
    expect(generated).toMatch(/^.{16}$/);
    await follow(res.data!.resetPassword.operation.id).done;
    expect((await signIn(user.upn, generated)).data!.signInWithPassword.isVerified).toBe(true);
    const stored = await server.app.database.prisma.operation.findUniqueOrThrow({ where: { id: res.data!.resetPassword.operation.id } });
    expect(stored.payload).toBeNull();
    expect(JSON.stringify(stored)).not.toContain(generated);
  });

  it("fails the operation, not the request, on a policy violation, and the old password keeps working", async () => {
    const user = await newUser();
    for (const weak of ["short1A", "alllowercaseletters", `Reset${n}person-Abc1`]) {
      const res = await server.execute(ResetPasswordDocument, { userId: user.id, id: PASSWORD_ID, newPassword: weak }, { token: admin });
      expect(res.errors).toBeUndefined();
      const sub = follow(res.data!.resetPassword.operation.id);
      await sub.done;
      expect(sub.events.at(-1)!.data!.operationStatusChanged).toMatchObject({ status: "failed", statusDetail: "PasswordPolicyViolation" });
    }
    expect((await signIn(user.upn, user.password)).data!.signInWithPassword.isVerified).toBe(true);
  });

  it("revokes every token issued to the user before the reset, by the time a subscriber sees it succeed", async () => {
    // Several rounds: the old token, remembered by the process from its last request, must be
    // refused as soon as `succeeded` arrives, never a moment later.
    for (let round = 0; round < 6; round++) {
      const token = await server.tokenFor(AVERY, ["UserAuthenticationMethod.Read"]);
      expect((await server.execute(MeDocument, undefined, { token })).data!.me.userPrincipalName).toBe(AVERY);
      const res = await server.execute(ResetPasswordDocument, { userId: AVERY, id: PASSWORD_ID, newPassword: `Revoking-passw0rd-${round}` }, { token: admin });
      await follow(res.data!.resetPassword.operation.id).done;
      const after = await server.execute(MeDocument, undefined, { token });
      expect(codesOf(after), `round ${round}`).toEqual(["UNAUTHENTICATED"]);
      const again = await signIn(AVERY, `Revoking-passw0rd-${round}`);
      expect((await server.execute(MeDocument, undefined, { token: again.data!.signInWithPassword.accessToken! })).data!.me.userPrincipalName).toBe(AVERY);
    }
  });

  it("closes the user's open graphql-ws sessions when the reset revokes them, and only theirs", async () => {
    const user = await newUser();
    const userToken = await server.tokenFor(user.upn, ["UserAuthenticationMethod.Read"]);
    const live = server.app.events.subscriberCount("authenticationMethodChanged");
    const own = subscribe(connectWs(server.url, userToken), AuthenticationMethodsChangedDocument, {});
    const adminWatch = subscribe(connectWs(server.url, admin), AuthenticationMethodsChangedDocument, { userId: user.id });
    await server.waitForSubscribers("authenticationMethodChanged", live + 2);
    const res = await server.execute(ResetPasswordDocument, { userId: user.id, id: PASSWORD_ID, newPassword: "Sessions-revoked-1" }, { token: admin });
    await follow(res.data!.resetPassword.operation.id).done;
    await Promise.race([own.done, new Promise((_, reject) => setTimeout(() => reject(new Error("session stayed open")), 3_000))]);
    expect(own.events.at(-1)!.errors![0]!.extensions).toEqual({ closeCode: 4401 });
    // The administrator's session is not the user's: it stays, and hears the password change.
    await adminWatch.waitFor((e) => e.data?.authenticationMethodsChanged.method?.__typename === "PasswordAuthenticationMethod");
    adminWatch.close();
  });

  it("ends a graphql-ws session when its token expires", async () => {
    const short = (await server.app.tokens.issue({ subject: await server.userId(ADMIN), scopes: [ALL], ttlSeconds: 2 })).token;
    const sub = subscribe(connectWs(server.url, short), AuthenticationMethodsChangedDocument, { userId: AVERY });
    await Promise.race([sub.done, new Promise((_, reject) => setTimeout(() => reject(new Error("session outlived its token")), 5_000))]);
    expect(sub.events.at(-1)!.errors![0]!.extensions).toEqual({ closeCode: 4401 });
  });

  it("refuses self-service resets and callers without write access", async () => {
    const self = await server.execute(ResetPasswordDocument, { id: PASSWORD_ID, newPassword: "Self-reset-passw0rd" }, { token: admin });
    expect(self.errors![0]!.extensions).toMatchObject({ code: "FORBIDDEN", reason: "selfServiceNotSupported" });
    const reader = await server.tokenFor(ADMIN, ["UserAuthenticationMethod.Read.All"]);
    const denied = await server.execute(ResetPasswordDocument, { userId: AVERY, id: PASSWORD_ID }, { token: reader });
    expect(codesOf(denied)).toEqual(["FORBIDDEN"]);
    const wrongMethod = await server.execute(ResetPasswordDocument, { userId: AVERY, id: "3179e48a-750b-4051-897c-87b9720928f7" }, { token: admin });
    expect(codesOf(wrongMethod)).toEqual(["NOT_FOUND"]);
    const ops = await server.app.database.prisma.operation.count({ where: { userId: await server.userId(AVERY), status: "notStarted" } });
    expect(ops).toBe(0);
  });

  it("lets only callers allowed to read the user's methods follow an operation", async () => {
    const user = await newUser();
    const res = await server.execute(ResetPasswordDocument, { userId: user.id, id: PASSWORD_ID }, { token: admin });
    const avery = await server.tokenFor(AVERY, ["UserAuthenticationMethod.ReadWrite"]);
    const sub = follow(res.data!.resetPassword.operation.id, avery);
    await sub.done;
    expect(sub.events[0]!.errors![0]!.extensions).toMatchObject({ code: "FORBIDDEN" });
    const anonymous = subscribe(connectWs(server.url), OperationStatusChangedDocument, { operationId: res.data!.resetPassword.operation.id });
    await anonymous.done;
    expect(anonymous.events[0]!.data ?? null).toBeNull();
  });

  it("gives a late subscriber the final state and completes", async () => {
    const user = await newUser();
    const res = await server.execute(ResetPasswordDocument, { userId: user.id, id: PASSWORD_ID }, { token: admin });
    await follow(res.data!.resetPassword.operation.id).done;
    const late = follow(res.data!.resetPassword.operation.id);
    await late.done;
    expect(late.events.map((e) => e.data!.operationStatusChanged.status)).toEqual(["succeeded"]);
  });

  it("pushes added, updated and deleted methods to authenticationMethodsChanged subscribers", async () => {
    const user = await newUser();
    const live = server.app.events.subscriberCount("authenticationMethodChanged");
    const sub = subscribe(connectWs(server.url, admin), AuthenticationMethodsChangedDocument, { userId: user.upn });
    await server.waitForSubscribers("authenticationMethodChanged", live + 1);
    await server.execute(AddPhoneMethodDocument, { userId: user.id, input: { phoneNumber: "+1 2065550177", phoneType: "office" } }, { token: admin });
    await sub.waitFor((e) => e.data?.authenticationMethodsChanged.kind === "added");
    await server.execute(DeletePhoneMethodDocument, { userId: user.id, id: "e37fc753-ff3b-4958-9484-eaa9425c82bc" }, { token: admin });
    const reset = await server.execute(ResetPasswordDocument, { userId: user.id, id: PASSWORD_ID }, { token: admin });
    await follow(reset.data!.resetPassword.operation.id).done;
    await sub.waitFor((e) => e.data?.authenticationMethodsChanged.method?.__typename === "PasswordAuthenticationMethod");
    sub.close();
    expect(sub.events.map((e) => [e.data!.authenticationMethodsChanged.kind, e.data!.authenticationMethodsChanged.method?.__typename])).toEqual([
      ["added", "PhoneAuthenticationMethod"],
      ["deleted", "PhoneAuthenticationMethod"],
      ["updated", "PasswordAuthenticationMethod"],
    ]);
    expect(sub.events[0]!.data!.authenticationMethodsChanged).toMatchObject({
      userId: user.id,
      method: { phoneNumber: "+1 2065550177", phoneType: "office", smsSignInState: "notSupported" },
    });
  });
});

describe("signInWithPassword", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { SIGN_IN_MAX_FAILURES: "3", SIGN_IN_LOCKOUT_SECONDS: "600" } });
  });
  afterAll(() => server?.stop());
  const signIn = (userPrincipalName: string, password: string) => server.execute(SignInWithPasswordDocument, { userPrincipalName, password });

  it("answers a wrong password and an unknown user the same way", async () => {
    const wrong = await signIn(AVERY, "not-her-password");
    const unknown = await signIn("nobody@wingtiptoysonline.com", "not-her-password");
    expect(wrong.data).toEqual(unknown.data);
    expect(wrong.data!.signInWithPassword).toEqual({ isVerified: false, failureReason: null, accessToken: null, expiresIn: null, requiredActions: [] });
  });

  it("signs in with the seeded password, case-insensitively on the UPN", async () => {
    const res = await signIn(AVERY.toUpperCase(), server.passwords[AVERY]!);
    expect(res.data!.signInWithPassword).toMatchObject({ isVerified: true, expiresIn: 3600 });
  });

  it("locks the account after repeated failures, even for the right password, until the lockout passes", async () => {
    const upn = "authadmin@wingtiptoysonline.com";
    for (let i = 0; i < 3; i++) expect((await signIn(upn, `wrong-${i}`)).data!.signInWithPassword.isVerified).toBe(false);
    const locked = await signIn(upn, server.passwords[upn]!);
    expect(locked.errors![0]!.extensions!.code).toBe("RATE_LIMITED");
    expect(locked.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(590);
    server.clock.advance(601_000);
    expect((await signIn(upn, server.passwords[upn]!)).data!.signInWithPassword.isVerified).toBe(true);
  });

  it("locks an unknown sign-in name exactly like a real one, so the lockout reveals nothing", async () => {
    const answers = [];
    for (const upn of ["privadmin@wingtiptoysonline.com", "no.such.person@wingtiptoysonline.com"]) {
      const seen = [];
      for (let i = 0; i < 4; i++) {
        const res = await signIn(upn, `wrong-${i}`);
        seen.push(res.errors ? [res.errors[0]!.extensions!.code, res.errors[0]!.extensions!.reason] : res.data!.signInWithPassword.isVerified);
      }
      answers.push(seen);
    }
    expect(answers[0]).toEqual([false, false, false, ["RATE_LIMITED", "accountLocked"]]);
    expect(answers[1]).toEqual(answers[0]);
  });

  it("refuses password sign-in when the identity store has passwords disabled", async () => {
    const admin = await server.tokenFor("admin@wingtiptoysonline.com");
    const off = await server.request(
      `mutation { setAuthenticationTypeEnabled(identityStoreId: "wingtiptoysonline.com", type: password, enabled: false) { enabledAuthenticationTypes } }`,
      {},
      { token: admin },
    );
    expect(off.errors).toBeUndefined();
    const res = await signIn(AVERY, server.passwords[AVERY]!);
    expect(res.errors![0]!.extensions).toMatchObject({ code: "PRECONDITION_FAILED", reason: "passwordDisabled" });
    await server.request(
      `mutation { setAuthenticationTypeEnabled(identityStoreId: "wingtiptoysonline.com", type: password, enabled: true) { enabledAuthenticationTypes } }`,
      {},
      { token: admin },
    );
    expect((await signIn(AVERY, server.passwords[AVERY]!)).data!.signInWithPassword.isVerified).toBe(true);
  });
});
