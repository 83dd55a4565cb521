import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTokenService } from "../../src/auth/token-service.js";
import { systemClock } from "../../src/lib/clock.js";
import { connectionStringFor } from "../../src/db/embedded-postgres.js";
import {
  AddPhoneMethodDocument,
  AuthenticationMethodsChangedDocument,
  UpdatePhoneMethodDocument,
  OperationStatusChangedDocument,
  ResetPasswordDocument,
} from "../generated/graphql.js";
import { startChildServer, type ChildServer } from "../kit/child-server.js";
import { codesOf, createGraphQLClient } from "../kit/graphql-client.js";
import { connectWs, connectWsRecordingClose, executeWs, subscribe } from "../kit/subscriptions.js";
import { createTestDatabase } from "../kit/test-server.js";

const PASSWORD_ID = "28c10230-6103-485e-b985-444c60001490";
const MOBILE_ID = "3179e48a-750b-4051-897c-87b9720928f7";
const SECRETS = {
  JWT_SECRET: "multi-instance-secret-long-enough-for-hs256-0123456789",
  ENCRYPTION_KEY: "multi-instance-encryption-key-long-enough-0123456789",
};
const adminUrl = process.env.TEST_DATABASE_URL;

// Two gateways sharing storage as a deployment would: on the embedded default, a second
// `npm start` on the same DATA_DIR is a full peer of the first (same PostgreSQL server under
// DATA_DIR); with TEST_DATABASE_URL, two instances on one PostgreSQL database.
describe(`two server processes on one database (${adminUrl ? "postgresql" : "embedded, one DATA_DIR"})`, () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let dataDir: string | undefined;
  let a: ChildServer;
  let b: ChildServer;
  let token: string;
  let connectionString: string;
  const tokens = createTokenService({ secret: SECRETS.JWT_SECRET, issuer: "authgate", audience: "authgate-api", ttlSeconds: 600, clock: systemClock });

  beforeAll(async () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    if (adminUrl) {
      database = await createTestDatabase(adminUrl);
      const env = { ...process.env, DATABASE_URL: database.url, ...SECRETS, SCRYPT_COST: "1024", LOG_LEVEL: "warn" };
      const seeded = spawnSync(process.execPath, ["dist/cli/seed.js"], { cwd: root, env, encoding: "utf8" });
      expect(seeded.status, seeded.stderr).toBe(0);
      [a, b] = await Promise.all([
        startChildServer({ DATABASE_URL: database.url, ...SECRETS, SCRYPT_COST: "1024" }),
        startChildServer({ DATABASE_URL: database.url, ...SECRETS, SCRYPT_COST: "1024" }),
      ]);
      connectionString = database.url;
    } else {
      dataDir = await mkdtemp(path.join(tmpdir(), "authgate-peers-"));
      // Both start at once on an empty DATA_DIR: one initialises and starts the database, the other adopts it.
      [a, b] = await Promise.all([
        startChildServer({ DATA_DIR: dataDir, ...SECRETS, SCRYPT_COST: "1024", SEED_DEMO: "true" }),
        startChildServer({ DATA_DIR: dataDir, ...SECRETS, SCRYPT_COST: "1024", SEED_DEMO: "true" }),
      ]);
      connectionString = connectionStringFor(path.join(dataDir, "run"));
    }
    const client = new pg.Client({ connectionString });
    await client.connect();
    const { rows } = await client.query(`SELECT id FROM "User" WHERE "userPrincipalName" = 'admin@wingtiptoysonline.com'`);
    await client.end();
    token = (await tokens.issue({ subject: rows[0].id, scopes: ["UserAuthenticationMethod.ReadWrite.All"] })).token;
  });
  afterAll(async () => {
    for (const s of [a, b]) {
      s?.process.kill("SIGTERM");
      await s?.exited;
    }
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("pushes a reset started on server A to a subscriber on server B", async () => {
    const res = await createGraphQLClient(a.url).execute(
      ResetPasswordDocument,
      { userId: "avery.howard@wingtiptoysonline.com", id: PASSWORD_ID, newPassword: "Across-servers-1" },
      { token },
    );
    expect(res.errors).toBeUndefined();
    const sub = subscribe(connectWs(b.url, token), OperationStatusChangedDocument, { operationId: res.data!.resetPassword.operation.id });
    await sub.done;
    expect(sub.events.at(-1)!.data!.operationStatusChanged).toMatchObject({ status: "succeeded", statusDetail: "ResetSuccess" });
  });

  it("pushes a method changed on server B to a subscriber on server A", async () => {
    const user = "privadmin@wingtiptoysonline.com";
    const office = "e37fc753-ff3b-4958-9484-eaa9425c82bc";
    const onB = createGraphQLClient(b.url);
    await onB.execute(AddPhoneMethodDocument, { userId: user, input: { phoneNumber: "+1 2065550190", phoneType: "office" } }, { token });
    const sub = subscribe(connectWs(a.url, token), AuthenticationMethodsChangedDocument, { userId: user });
    // Nothing tells a client its subscription is live on the server: change the number on B
    // until A reports a change (each try is a real cross-instance delivery).
    let heard: Awaited<ReturnType<typeof sub.waitFor>> | undefined;
    for (let i = 0; i < 40 && !heard; i++) {
      const phoneNumber = `+1 20655502${String(i).padStart(2, "0")}`;
      await onB.execute(UpdatePhoneMethodDocument, { userId: user, id: office, input: { phoneNumber, phoneType: "office" } }, { token });
      heard = await sub.waitFor((e) => Boolean(e.data), 250).catch(() => undefined);
    }
    sub.close();
    expect(heard?.data!.authenticationMethodsChanged).toMatchObject({ kind: "updated", method: { phoneType: "office" } });
  });

  it("runs each of many resets exactly once although both servers' workers claim from one queue", async () => {
    const clients = [createGraphQLClient(a.url), createGraphQLClient(b.url)];
    const started = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        clients[i % 2]!.execute(ResetPasswordDocument, { userId: "authadmin@wingtiptoysonline.com", id: PASSWORD_ID, newPassword: `Queue-passw0rd-${i}` }, { token }),
      ),
    );
    const ids = started.map((r) => r.data!.resetPassword.operation.id);
    for (const id of ids) await subscribe(connectWs(b.url, token), OperationStatusChangedDocument, { operationId: id }).done;
    const client = new pg.Client({ connectionString });
    await client.connect();
    const { rows } = await client.query(`SELECT status, attempts FROM "Operation" WHERE id = ANY($1::uuid[])`, [ids]);
    await client.end();
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.status === "succeeded" && r.attempts === 1)).toBe(true);
  });

  it("closes a deleted user's open sockets on the other server too", async () => {
    const app = (await tokens.issue({ subject: "multi-instance-app", app: true, roles: ["User.ReadWrite.All"] })).token;
    const onA = createGraphQLClient(a.url);
    const created = await onA.request(`mutation { createUser(input: { userPrincipalName: "leaving@wingtiptoysonline.com" }) { id } }`, {}, { token: app });
    expect(created.errors).toBeUndefined();
    const id = created.data.createUser.id as string;
    const userToken = (await tokens.issue({ subject: id, scopes: ["UserAuthenticationMethod.Read"] })).token;
    const socketOnB = connectWsRecordingClose(b.url, userToken);
    expect((await executeWs(socketOnB, `{ me { id } }`)).data.me.id).toBe(id);

    expect((await onA.request(`mutation($id: ID!) { deleteUser(id: $id) }`, { id }, { token: app })).errors).toBeUndefined();
    expect((await socketOnB.closed).code).toBe(4401);
  });

  it("a role change, a deletion and a password reset on server A hold on server B within 100 ms", async () => {
    const app = (await tokens.issue({ subject: "multi-instance-app", app: true, roles: ["User.ReadWrite.All", "RoleManagement.ReadWrite.Directory"] })).token;
    const onA = createGraphQLClient(a.url);
    const onB = createGraphQLClient(b.url);
    const admin = token;
    const created = await onA.request(`mutation { createUser(input: { userPrincipalName: "helpdesk.b@wingtiptoysonline.com" }) { id } }`, {}, { token: app });
    expect(created.errors).toBeUndefined();
    const id = created.data.createUser.id as string;
    const granted = await onA.request(`mutation($id: ID!) { assignDirectoryRole(userId: $id, role: AUTHENTICATION_ADMINISTRATOR) { id } }`, { id }, { token: admin });
    expect(granted.errors).toBeUndefined();
    const helpdesk = (await tokens.issue({ subject: id, scopes: ["UserAuthenticationMethod.Read.All"] })).token;
    const readAvery = () => onB.request(`{ user(id: "avery.howard@wingtiptoysonline.com") { authentication { methods { id } } } }`, {}, { token: helpdesk });
    // B answers (and would cache, if it cached callers) before the change.
    for (let i = 0; i < 3; i++) expect((await readAvery()).errors).toBeUndefined();

    const removed = await onA.request(`mutation($id: ID!) { removeDirectoryRole(userId: $id, role: AUTHENTICATION_ADMINISTRATOR) { id } }`, { id }, { token: admin });
    expect(removed.errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 100));
    expect(codesOf(await readAvery())).toEqual(["FORBIDDEN"]);

    const own = () => onB.request(`{ me { id } }`, {}, { token: helpdesk });
    expect((await own()).errors).toBeUndefined();
    expect((await onA.request(`mutation($id: ID!) { deleteUser(id: $id) }`, { id }, { token: app })).errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 100));
    expect(codesOf(await own())).toEqual(["UNAUTHENTICATED"]);

    // A password reset revokes the user's tokens everywhere.
    const [authadmin] = await (async () => {
      const client = new pg.Client({ connectionString });
      await client.connect();
      try {
        return (await client.query(`SELECT id FROM "User" WHERE "userPrincipalName" = 'authadmin@wingtiptoysonline.com'`)).rows as { id: string }[];
      } finally {
        await client.end();
      }
    })();
    const authadminToken = (await tokens.issue({ subject: authadmin!.id, scopes: ["UserAuthenticationMethod.Read"] })).token;
    const authadminMe = () => onB.request(`{ me { id } }`, {}, { token: authadminToken });
    expect((await authadminMe()).errors).toBeUndefined();
    const reset = await onA.execute(ResetPasswordDocument, { userId: "authadmin@wingtiptoysonline.com", id: PASSWORD_ID, newPassword: "Revoked-everywhere-0" }, { token: admin });
    await subscribe(connectWs(a.url, admin), OperationStatusChangedDocument, { operationId: reset.data!.resetPassword.operation.id }).done;
    await new Promise((r) => setTimeout(r, 100));
    expect(codesOf(await authadminMe())).toEqual(["UNAUTHENTICATED"]);
  });

  it("a phone added, changed, its SMS sign-in turned off, and deleted on server A shows in server B's next read within 100 ms (B remembers users' phones)", async () => {
    const onA = createGraphQLClient(a.url);
    const onB = createGraphQLClient(b.url);
    const writer = (await tokens.issue({ subject: "multi-instance-phones", app: true, roles: ["UserAuthenticationMethod.ReadWrite.All", "User.ReadWrite.All"] })).token;
    const user = "phones.b@wingtiptoysonline.com";
    expect((await onA.request(`mutation { createUser(input: { userPrincipalName: "${user}" }) { id } }`, {}, { token: writer })).errors).toBeUndefined();
    const phonesOnB = async () =>
      (await onB.request(`query($u: ID!) { user(id: $u) { authentication { methods { ... on PhoneAuthenticationMethod { phoneType phoneNumber smsSignInState } } } } }`, { u: user }, { token: writer })).data.user.authentication.methods
        .filter((m: { phoneType?: string }) => m.phoneType)
        .map((m: { phoneType: string; phoneNumber: string; smsSignInState: string }) => `${m.phoneType} ${m.phoneNumber} ${m.smsSignInState}`);
    const onServerA = async (mutation: string) => expect((await onA.request(mutation, { u: user }, { token: writer })).errors).toBeUndefined();
    const thenOnB = async (expected: string[]) => {
      await new Promise((r) => setTimeout(r, 100));
      expect(await phonesOnB()).toEqual(expected);
    };
    // B reads (and remembers) before every change.
    expect(await phonesOnB()).toEqual([]);
    expect(await phonesOnB()).toEqual([]);
    await onServerA(`mutation($u: ID) { addPhoneMethod(userId: $u, input: { phoneNumber: "+1 2065550191", phoneType: mobile }) { id } }`);
    await thenOnB(["mobile +1 2065550191 ready"]);
    await onServerA(`mutation($u: ID) { updatePhoneMethod(userId: $u, id: "${MOBILE_ID}", input: { phoneNumber: "+1 2065550192", phoneType: mobile }) { id } }`);
    await thenOnB(["mobile +1 2065550192 ready"]);
    await onServerA(`mutation($u: ID) { disableSmsSignIn(userId: $u, id: "${MOBILE_ID}") { id } }`);
    await thenOnB(["mobile +1 2065550192 notEnabled"]);
    await onServerA(`mutation($u: ID) { deletePhoneMethod(userId: $u, id: "${MOBILE_ID}") }`);
    await thenOnB([]);
  });

  it("an SMS policy change on server A holds on server B within 100 ms (B keeps the policy no longer than that)", async () => {
    const onA = createGraphQLClient(a.url);
    const onB = createGraphQLClient(b.url);
    const policyToken = (await tokens.issue({ subject: "multi-instance-policy", app: true, roles: ["Policy.ReadWrite.AuthenticationMethod", "UserAuthenticationMethod.ReadWrite.All"] })).token;
    const added = await onA.execute(AddPhoneMethodDocument, { userId: "privadmin@wingtiptoysonline.com", input: { phoneNumber: "+1 2065550188", phoneType: "mobile" } }, { token: policyToken });
    expect(added.errors).toBeUndefined();
    const stateOnB = async () =>
      (await onB.request(`{ user(id: "privadmin@wingtiptoysonline.com") { authentication { methods { ... on PhoneAuthenticationMethod { smsSignInState } } } } }`, {}, { token: policyToken })).data.user.authentication.methods
        .map((m: { smsSignInState?: string }) => m.smsSignInState)
        .filter(Boolean);
    const allUsers = (isUsableForSignIn: boolean) => ({ state: "enabled", includeTargets: [{ targetType: "group", id: "all_users", isUsableForSignIn }] });
    expect(await stateOnB()).toContain("ready");
    try {
      const changed = await onA.request(`mutation($input: SmsAuthenticationMethodConfigurationInput!) { updateSmsAuthenticationMethodConfiguration(input: $input) { state } }`, { input: allUsers(false) }, { token: policyToken });
      expect(changed.errors).toBeUndefined();
      await new Promise((r) => setTimeout(r, 110));
      expect(await stateOnB()).toContain("notAllowedByPolicy");
      expect(await stateOnB()).not.toContain("ready");
    } finally {
      await onA.request(`mutation($input: SmsAuthenticationMethodConfigurationInput!) { updateSmsAuthenticationMethodConfiguration(input: $input) { state } }`, { input: allUsers(true) }, { token: policyToken });
    }
  });
});
