import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { buildSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging/logger.js";
import { AuditEventsDocument, type AuditEventFieldsFragment } from "../generated/graphql.js";
import { deliveredSms } from "../kit/sms-deliveries.js";
import { codeIn } from "../kit/sms-gateway-stub.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

const AVERY = "avery.howard@wingtiptoysonline.com";
const ADMIN = "admin@wingtiptoysonline.com";
const STORE = "wingtiptoysonline.com";
const MOBILE_ID = "3179e48a-750b-4051-897c-87b9720928f7";
const ALTERNATE_ID = "b6332ec1-7057-4abe-9331-3d72feddfe41";
const PASSWORD_ID = "28c10230-6103-485e-b985-444c60001490";
const NEW_USER = "audit.subject@wingtiptoysonline.com";
const NEW_USER_PASSWORD = "Quartz-Lantern-Harbor-71!";
const RESET_PASSWORD = "Velvet-Compass-Meadow-58!";
const AVERY_NEW_PASSWORD = "Granite-Orchid-Falcon-93!";
const WRONG_PASSWORD = "Definitely-Not-It-404!";
const GATEWAY_SECRET = "whsec-audit-credential-7f3a9c";
const MOBILE = { typed: "+1 2065550123", digits: "2065550123" };
const MOBILE_UPDATED = { typed: "+1 2065550177", digits: "2065550177" };
const ALTERNATE = { typed: "+1 2065550142", digits: "2065550142" };

interface Expected {
  activity: string;
  actorId: string | null;
  targetUserId?: string | null;
  targetId?: string | null;
}

/** One call of a mutation as a client makes it, with the audit event it must leave. */
interface Step {
  query: string;
  variables?: Record<string, unknown>;
  token?: string;
  expect: (data: any) => Expected;
}

/** The mutations of schema.graphql, read from the committed schema (so a new one can't be left out). */
const schemaMutations = () => Object.keys(buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8")).getMutationType()!.getFields());

describe("the audit trail records every mutation", () => {
  let server: TestServer;
  const logLines: string[] = [];
  /** Every secret the run used: none may appear in an event or a log line. */
  const secrets = new Set<string>([NEW_USER_PASSWORD, RESET_PASSWORD, AVERY_NEW_PASSWORD, WRONG_PASSWORD, GATEWAY_SECRET, MOBILE.digits, MOBILE_UPDATED.digits, ALTERNATE.digits]);
  const results = new Map<string, { requestId: string; expected: Expected }>();
  let ids: { admin: string; avery: string; newUser?: string; role?: string; gateway?: string };
  let tokens: { admin: string; avery: string; reader: string };

  async function call(query: string, variables: Record<string, unknown> = {}, token?: string, requestId = randomUUID()) {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": requestId, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
    return { data: body.data, requestId };
  }

  async function run(name: string, step: Step) {
    const { data, requestId } = await call(step.query, step.variables, step.token);
    results.set(name, { requestId, expected: step.expect(data) });
    for (const value of Object.values(data ?? {})) collectSecrets(value);
    return data;
  }

  function collectSecrets(value: unknown) {
    if (!value || typeof value !== "object") return;
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === "string" && /token|password/i.test(key)) secrets.add(v);
      else collectSecrets(v);
    }
  }

  async function allEvents(): Promise<AuditEventFieldsFragment[]> {
    const events: AuditEventFieldsFragment[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await server.execute(AuditEventsDocument, { first: 200, after }, { token: tokens.reader });
      expect(page.errors).toBeUndefined();
      events.push(...page.data.auditEvents.edges.map((e: { node: AuditEventFieldsFragment }) => e.node));
      if (!page.data.auditEvents.pageInfo.hasNextPage) return events;
      after = page.data.auditEvents.pageInfo.endCursor;
    }
  }

  async function lastCode(e164: string) {
    const sms = await deliveredSms(server, e164);
    const code = codeIn(sms?.body);
    secrets.add(code);
    return code;
  }

  beforeAll(async () => {
    server = await startTestServer({ logger: createLogger("debug", (line) => logLines.push(line)) });
    ids = { admin: await server.userId(ADMIN), avery: await server.userId(AVERY) };
    tokens = {
      admin: await server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite.All", "Policy.ReadWrite.AuthenticationMethod"]),
      avery: await server.tokenFor(AVERY),
      reader: await server.appToken(["AuditLog.Read.All"]),
    };
    for (const t of Object.values(tokens)) secrets.add(t);
  }, 60_000);
  afterAll(() => server?.stop());

  it("performs each mutation of the schema once, over HTTP, and finds exactly one event of the right activity, actor and target for each", async () => {
    const { admin, avery } = tokens;
    const byAdmin = (e: Omit<Expected, "actorId">): Expected => ({ ...e, actorId: ids.admin });
    const byAvery = (e: Omit<Expected, "actorId">): Expected => ({ ...e, actorId: ids.avery });
    // Every mutation, in an order where each has what it needs. Keyed by the schema's name.
    const steps: Record<string, () => Promise<unknown>> = {
      updateSmsAuthenticationMethodConfiguration: () =>
        run("updateSmsAuthenticationMethodConfiguration", {
          query: `mutation($input: SmsAuthenticationMethodConfigurationInput!) { updateSmsAuthenticationMethodConfiguration(input: $input) { state } }`,
          variables: { input: { state: "enabled", includeTargets: [{ targetType: "group", id: "all_users", isUsableForSignIn: true }] } },
          token: admin,
          expect: () => byAdmin({ activity: "policy.smsUpdated", targetUserId: null, targetId: "sms" }),
        }),
      setAuthenticationTypeEnabled: () =>
        run("setAuthenticationTypeEnabled", {
          query: `mutation { setAuthenticationTypeEnabled(identityStoreId: "${STORE}", type: sms, enabled: true) { id } }`,
          token: admin,
          expect: (d) => byAdmin({ activity: "identityStore.authenticationTypeChanged", targetId: d.setAuthenticationTypeEnabled.id }),
        }),
      updateIdentityStoreSmsSettings: () =>
        run("updateIdentityStoreSmsSettings", {
          query: `mutation { updateIdentityStoreSmsSettings(identityStoreId: "${STORE}", input: { smsMessageTemplate: "Your verification code is [Code]" }) { id } }`,
          token: admin,
          expect: (d) => byAdmin({ activity: "identityStore.smsSettingsUpdated", targetId: d.updateIdentityStoreSmsSettings.id }),
        }),
      setNoticeEnabled: () =>
        run("setNoticeEnabled", {
          query: `mutation { setNoticeEnabled(identityStoreId: "${STORE}", kind: phoneAdded, enabled: true) { id } }`,
          token: admin,
          expect: (d) => byAdmin({ activity: "identityStore.noticeEnabledChanged", targetId: d.setNoticeEnabled.id }),
        }),
      updateIdentityStoreNoticeTemplates: () =>
        run("updateIdentityStoreNoticeTemplates", {
          query: `mutation { updateIdentityStoreNoticeTemplates(identityStoreId: "${STORE}", templates: [{ kind: phoneAdded, template: "A phone ending [Last4] was added to your account" }]) { id } }`,
          token: admin,
          expect: (d) => byAdmin({ activity: "identityStore.noticeTemplatesUpdated", targetId: d.updateIdentityStoreNoticeTemplates.id }),
        }),
      createSmsGatewayAccount: async () => {
        const d: any = await run("createSmsGatewayAccount", {
          query: `mutation($input: SmsGatewayAccountInput!) { createSmsGatewayAccount(input: $input) { id } }`,
          variables: { input: { name: "Audit webhook", provider: "webhook", endpoint: "https://sms.example.com/send", credentials: GATEWAY_SECRET } },
          token: admin,
          expect: (d) => byAdmin({ activity: "smsGatewayAccount.created", targetId: d.createSmsGatewayAccount.id }),
        });
        ids.gateway = d.createSmsGatewayAccount.id;
      },
      updateSmsGatewayAccount: () =>
        run("updateSmsGatewayAccount", {
          query: `mutation($id: ID!, $input: SmsGatewayAccountInput!) { updateSmsGatewayAccount(id: $id, input: $input) { id } }`,
          variables: { id: ids.gateway, input: { name: "Audit webhook 2", provider: "webhook", endpoint: "https://sms.example.com/send", credentials: `${GATEWAY_SECRET}-2` } },
          token: admin,
          expect: () => byAdmin({ activity: "smsGatewayAccount.updated", targetId: ids.gateway }),
        }),
      deleteSmsGatewayAccount: () =>
        run("deleteSmsGatewayAccount", {
          query: `mutation($id: ID!) { deleteSmsGatewayAccount(id: $id) }`,
          variables: { id: ids.gateway },
          token: admin,
          expect: () => byAdmin({ activity: "smsGatewayAccount.deleted", targetId: ids.gateway }),
        }),
      createUser: async () => {
        const d: any = await run("createUser", {
          query: `mutation($u: String!, $p: String) { createUser(input: { userPrincipalName: $u, displayName: "Audit Subject", password: $p }) { id } }`,
          variables: { u: NEW_USER, p: NEW_USER_PASSWORD },
          token: admin,
          expect: (d) => byAdmin({ activity: "user.created", targetUserId: d.createUser.id }),
        });
        ids.newUser = d.createUser.id;
      },
      assignDirectoryRole: () =>
        run("assignDirectoryRole", {
          query: `mutation($u: ID!) { assignDirectoryRole(userId: $u, role: AUTHENTICATION_ADMINISTRATOR) { id } }`,
          variables: { u: ids.newUser },
          token: admin,
          expect: () => byAdmin({ activity: "directoryRole.assigned", targetUserId: ids.newUser, targetId: "AUTHENTICATION_ADMINISTRATOR" }),
        }),
      removeDirectoryRole: () =>
        run("removeDirectoryRole", {
          query: `mutation($u: ID!) { removeDirectoryRole(userId: $u, role: AUTHENTICATION_ADMINISTRATOR) { id } }`,
          variables: { u: ids.newUser },
          token: admin,
          expect: () => byAdmin({ activity: "directoryRole.removed", targetUserId: ids.newUser, targetId: "AUTHENTICATION_ADMINISTRATOR" }),
        }),
      setAuthenticationTypeEnforced: async () => {
        ids.role = (await call(`{ securityRoles { id } }`, {}, admin)).data.securityRoles[0].id;
        return run("setAuthenticationTypeEnforced", {
          query: `mutation($r: ID!) { setAuthenticationTypeEnforced(securityRoleId: $r, type: password, enforced: false) { id } }`,
          variables: { r: ids.role },
          token: admin,
          expect: () => byAdmin({ activity: "securityRole.enforcementChanged", targetId: ids.role }),
        });
      },
      addSecurityRoleMember: () =>
        run("addSecurityRoleMember", {
          query: `mutation($r: ID!, $u: ID!) { addSecurityRoleMember(securityRoleId: $r, userId: $u) { id } }`,
          variables: { r: ids.role, u: ids.newUser },
          token: admin,
          expect: () => byAdmin({ activity: "securityRole.memberAdded", targetUserId: ids.newUser, targetId: ids.role }),
        }),
      removeSecurityRoleMember: () =>
        run("removeSecurityRoleMember", {
          query: `mutation($r: ID!, $u: ID!) { removeSecurityRoleMember(securityRoleId: $r, userId: $u) { id } }`,
          variables: { r: ids.role, u: ids.newUser },
          token: admin,
          expect: () => byAdmin({ activity: "securityRole.memberRemoved", targetUserId: ids.newUser, targetId: ids.role }),
        }),
      addPhoneMethod: () =>
        run("addPhoneMethod", {
          query: `mutation($n: String!) { addPhoneMethod(input: { phoneNumber: $n, phoneType: mobile }) { id } }`,
          variables: { n: MOBILE.typed },
          token: avery,
          expect: () => byAvery({ activity: "phoneMethod.added", targetUserId: ids.avery, targetId: MOBILE_ID }),
        }),
      updatePhoneMethod: () =>
        run("updatePhoneMethod", {
          query: `mutation($n: String!) { updatePhoneMethod(id: "${MOBILE_ID}", input: { phoneNumber: $n, phoneType: mobile }) { id } }`,
          variables: { n: MOBILE_UPDATED.typed },
          token: avery,
          expect: () => byAvery({ activity: "phoneMethod.updated", targetUserId: ids.avery, targetId: MOBILE_ID }),
        }),
      disableSmsSignIn: () =>
        run("disableSmsSignIn", {
          query: `mutation { disableSmsSignIn(id: "${MOBILE_ID}") { id } }`,
          token: avery,
          expect: () => byAvery({ activity: "smsSignIn.disabled", targetUserId: ids.avery, targetId: MOBILE_ID }),
        }),
      enableSmsSignIn: () =>
        run("enableSmsSignIn", {
          query: `mutation { enableSmsSignIn(id: "${MOBILE_ID}") { id } }`,
          token: avery,
          expect: () => byAvery({ activity: "smsSignIn.enabled", targetUserId: ids.avery, targetId: MOBILE_ID }),
        }),
      startSmsSignIn: () =>
        run("startSmsSignIn", {
          query: `mutation($n: String!) { startSmsSignIn(phoneNumber: $n) { challengeId } }`,
          variables: { n: MOBILE_UPDATED.typed },
          expect: (d) => ({ activity: "smsSignIn.codeRequested", actorId: null, targetUserId: null, targetId: d.startSmsSignIn.challengeId }),
        }),
      completeSmsSignIn: async () => {
        const challengeId = results.get("startSmsSignIn")!.expected.targetId;
        const code = await lastCode(`+1${MOBILE_UPDATED.digits}`);
        const d: any = await run("completeSmsSignIn", {
          query: `mutation($c: ID!, $code: String!) { completeSmsSignIn(challengeId: $c, code: $code) { isVerified accessToken } }`,
          variables: { c: challengeId, code },
          expect: () => byAvery({ activity: "signIn.sms", targetUserId: ids.avery, targetId: challengeId }),
        });
        expect(d.completeSmsSignIn.isVerified).toBe(true);
      },
      signInWithPassword: async () => {
        const d: any = await run("signInWithPassword", {
          query: `mutation($u: String!, $p: String!) { signInWithPassword(userPrincipalName: $u, password: $p) { isVerified accessToken ${hasMutation("refreshAccessToken") ? "refreshToken" : ""} } }`,
          variables: { u: AVERY, p: server.passwords[AVERY] },
          expect: () => byAvery({ activity: "signIn.password", targetUserId: ids.avery }),
        });
        expect(d.signInWithPassword.isVerified).toBe(true);
        session = d.signInWithPassword;
      },
      refreshAccessToken: async () => {
        const d: any = await run("refreshAccessToken", {
          query: `mutation($t: String!) { refreshAccessToken(refreshToken: $t) { isVerified accessToken refreshToken } }`,
          variables: { t: session.refreshToken },
          expect: () => byAvery({ activity: "session.refreshed", targetUserId: ids.avery }),
        });
        session = d.refreshAccessToken;
      },
      signOut: () =>
        run("signOut", { query: `mutation { signOut }`, token: session.accessToken, expect: () => byAvery({ activity: "session.signedOut", targetUserId: ids.avery }) }),
      startSmsChallenge: () =>
        run("startSmsChallenge", {
          query: `mutation { startSmsChallenge(id: "${MOBILE_ID}") { challengeId } }`,
          token: avery,
          expect: (d) => byAvery({ activity: "code.sent", targetUserId: ids.avery, targetId: d.startSmsChallenge.challengeId }),
        }),
      verifySmsChallenge: async () => {
        const challengeId = results.get("startSmsChallenge")!.expected.targetId;
        const code = await lastCode(`+1${MOBILE_UPDATED.digits}`);
        const d: any = await run("verifySmsChallenge", {
          query: `mutation($c: ID!, $code: String!) { verifySmsChallenge(challengeId: $c, code: $code) { isVerified token } }`,
          variables: { c: challengeId, code },
          token: avery,
          expect: () => byAvery({ activity: "code.verified", targetUserId: ids.avery, targetId: challengeId }),
        });
        challengeToken = d.verifySmsChallenge.token;
      },
      validateChallengeToken: () =>
        run("validateChallengeToken", {
          query: `mutation($t: String!) { validateChallengeToken(token: $t) }`,
          variables: { t: challengeToken },
          token: avery,
          expect: () => byAvery({ activity: "challengeToken.redeemed", targetUserId: null }),
        }),
      startPhoneVerification: () =>
        run("startPhoneVerification", {
          query: `mutation($n: String!) { startPhoneVerification(input: { phoneNumber: $n, phoneType: alternateMobile }) { challengeId } }`,
          variables: { n: ALTERNATE.typed },
          token: avery,
          expect: (d) => byAvery({ activity: "code.sent", targetUserId: ids.avery, targetId: d.startPhoneVerification.challengeId }),
        }),
      verifyPhone: async () => {
        const challengeId = results.get("startPhoneVerification")!.expected.targetId;
        const code = await lastCode(`+1${ALTERNATE.digits}`);
        await run("verifyPhone", {
          query: `mutation($c: ID!, $code: String!) { verifyPhone(challengeId: $c, code: $code) { isVerified } }`,
          variables: { c: challengeId, code },
          token: avery,
          expect: () => byAvery({ activity: "code.verified", targetUserId: ids.avery, targetId: challengeId }),
        });
      },
      deletePhoneMethod: () =>
        run("deletePhoneMethod", {
          query: `mutation { deletePhoneMethod(id: "${ALTERNATE_ID}") }`,
          token: avery,
          expect: () => byAvery({ activity: "phoneMethod.deleted", targetUserId: ids.avery, targetId: ALTERNATE_ID }),
        }),
      changeMyPassword: () =>
        run("changeMyPassword", {
          query: `mutation($c: String!, $n: String!) { changeMyPassword(currentPassword: $c, newPassword: $n) }`,
          variables: { c: server.passwords[AVERY], n: AVERY_NEW_PASSWORD },
          token: avery,
          expect: () => byAvery({ activity: "password.changed", targetUserId: ids.avery }),
        }),
      resetPassword: () =>
        run("resetPassword", {
          query: `mutation($u: ID!, $p: String) { resetPassword(userId: $u, id: "${PASSWORD_ID}", newPassword: $p) { operation { id } } }`,
          variables: { u: ids.newUser, p: RESET_PASSWORD },
          token: admin,
          expect: (d) => byAdmin({ activity: "password.resetRequested", targetUserId: ids.newUser, targetId: d.resetPassword.operation.id }),
        }),
      deleteUser: () =>
        run("deleteUser", {
          query: `mutation($u: ID!) { deleteUser(id: $u) }`,
          variables: { u: ids.newUser },
          token: admin,
          expect: () => byAdmin({ activity: "user.deleted", targetUserId: ids.newUser }),
        }),
    };
    let session: { accessToken: string; refreshToken: string } = { accessToken: "", refreshToken: "" };
    let challengeToken = "";
    const mutations = schemaMutations();
    const hasMutation = (name: string) => mutations.includes(name);

    // A mutation added to the schema without an entry here fails the suite until it is audited.
    expect(mutations.filter((m) => !(m in steps))).toEqual([]);
    for (const [name, step] of Object.entries(steps)) {
      if (!hasMutation(name)) continue;
      await step();
      // The worker's outcome must be in before the user it is about goes.
      if (name === "resetPassword") await waitForEvent("password.reset", ids.newUser!);
    }

    const events = await allEvents();
    const missing: string[] = [];
    for (const [name, { requestId, expected }] of results) {
      const matching = events.filter((e) => e.requestId === requestId && e.activity === expected.activity);
      if (matching.length !== 1) {
        missing.push(`${name}: ${matching.length} x ${expected.activity}`);
        continue;
      }
      const [event] = matching;
      expect(event, name).toMatchObject({
        outcome: "success",
        clientAddress: expect.stringContaining("127.0.0.1"),
        actor: { id: expected.actorId, type: expected.actorId ? "user" : "anonymous" },
        ...("targetUserId" in expected ? { targetUserId: expected.targetUserId } : {}),
        ...("targetId" in expected ? { targetId: expected.targetId } : {}),
      });
    }
    expect(missing).toEqual([]);
    expect(results.size).toBe(mutations.length);
    // The worker's own record of the reset, as the system's.
    expect(events.find((e) => e.activity === "password.reset" && e.targetUserId === ids.newUser)).toMatchObject({ outcome: "success", actor: { type: "app", id: "system" } });
    // The administrator's name is on the events they caused.
    expect(events.find((e) => e.activity === "user.created")!.actor.displayName).toBeTruthy();
  }, 120_000);

  async function waitForEvent(activity: string, targetUserId: string) {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const page = await server.execute(AuditEventsDocument, { filter: { activity, targetUserId } }, { token: tokens.reader });
      if (page.data?.auditEvents.edges.length) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no ${activity} event for ${targetUserId}`);
  }

  it("records failed sign-ins and wrong codes with their reason, and the lockout", async () => {
    const failure = `mutation($u: String!, $p: String!) { signInWithPassword(userPrincipalName: $u, password: $p) { isVerified } }`;
    const { requestId: wrong } = await call(failure, { u: ADMIN, p: WRONG_PASSWORD });
    const { requestId: unknown } = await call(failure, { u: "nobody.here@fabrikam.example", p: WRONG_PASSWORD });
    const started = await call(`mutation($n: String!) { startSmsSignIn(phoneNumber: $n) { challengeId } }`, { n: MOBILE_UPDATED.typed });
    secrets.add(await lastCode(`+1${MOBILE_UPDATED.digits}`));
    const { requestId: badCode } = await call(`mutation($c: ID!) { completeSmsSignIn(challengeId: $c, code: "000000") { isVerified } }`, { c: started.data.startSmsSignIn.challengeId });
    const events = await allEvents();
    const of = (requestId: string) => events.filter((e) => e.requestId === requestId);
    expect(of(wrong)).toMatchObject([{ activity: "signIn.password", outcome: "failure", targetUserId: ids.admin, actor: { type: "anonymous" } }]);
    expect(JSON.parse(of(wrong)[0]!.detail!)).toEqual({ reason: "wrongPassword" });
    expect(JSON.parse(of(unknown)[0]!.detail!)).toEqual({ reason: "userUnknown", userPrincipalName: "***@fabrikam.example" });
    expect(of(badCode)).toMatchObject([{ activity: "signIn.sms", outcome: "failure" }]);

    // Four more wrong passwords use up the name's five tries: the fifth failure is the lockout.
    for (let i = 0; i < 4; i++) await call(failure, { u: ADMIN, p: `${WRONG_PASSWORD}${i}` });
    secrets.add(`${WRONG_PASSWORD}0`);
    const lockouts = (await allEvents()).filter((e) => e.activity === "signIn.lockout" && e.targetUserId === ids.admin);
    expect(lockouts).toHaveLength(1);
    const locked = await call(failure, { u: ADMIN, p: WRONG_PASSWORD }).catch((error: Error) => error);
    expect(String(locked)).toContain("RATE_LIMITED");
    expect((await allEvents()).filter((e) => e.activity === "signIn.password" && JSON.parse(e.detail ?? "{}").reason === "locked")).toHaveLength(1);
  });

  it("never keeps a secret, a code, a token or a full phone number, in an event or in a log line", async () => {
    const stored = JSON.stringify(await server.app.database.prisma.auditEvent.findMany(), (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value));
    const auditLines = logLines.filter((line) => line.includes('"msg":"audit"'));
    expect(auditLines.length).toBeGreaterThan(30);
    const leaks = [...secrets].filter((s) => s.length >= 6).flatMap((secret) => [
      ...(stored.includes(secret) ? [`event: ${secret.slice(0, 12)}`] : []),
      ...logLines.filter((line) => line.includes(secret)).map((line) => `log: ${secret.slice(0, 12)} in ${line.slice(0, 120)}`),
    ]);
    expect(leaks).toEqual([]);
    // Phones are still recognisable to an operator.
    expect(stored).toContain("+1 206***0177");
  });
});
