import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTokenService } from "../../src/auth/token-service.js";
import { systemClock } from "../../src/lib/clock.js";
import {
  AuthenticationMethodsChangedDocument,
  MeDocument,
  ResetPasswordDocument,
  SignInWithPasswordDocument,
  UserOperationDocument,
} from "../generated/graphql.js";
import { connectWs, subscribe } from "../kit/subscriptions.js";
import { startChildServer, type ChildServer } from "../kit/child-server.js";
import { createGraphQLClient } from "../kit/graphql-client.js";

const PASSWORD_ID = "28c10230-6103-485e-b985-444c60001490";
const ADMIN = "admin@wingtiptoysonline.com";
const AVERY = "avery.howard@wingtiptoysonline.com";
const SECRETS = {
  JWT_SECRET: "durable-test-secret-long-enough-for-hs256-0123456789",
  ENCRYPTION_KEY: "durable-test-encryption-key-long-enough-0123456789",
};
// Slow enough (scrypt with 512 MiB) that a reset is caught while running.
const SLOW_HASHING = { SCRYPT_COST: String(2 ** 19) };
// Child processes that seed and hash at that cost take tens of seconds on a loaded CI machine.
const SLOW_TEST_MS = 180_000;

const tokens = createTokenService({ secret: SECRETS.JWT_SECRET, issuer: "authgate", audience: "authgate-api", ttlSeconds: 600, clock: systemClock });

async function adminToken(server: ChildServer): Promise<string> {
  const client = createGraphQLClient(`${server.url}`);
  const signIn = await client.execute(SignInWithPasswordDocument, { userPrincipalName: ADMIN, password: server.passwords[ADMIN]! });
  const me = await client.execute(MeDocument, undefined, { token: signIn.data!.signInWithPassword.accessToken! });
  return (await tokens.issue({ subject: me.data!.me.id, scopes: ["UserAuthenticationMethod.ReadWrite.All"] })).token;
}

async function waitForStatus(url: string, token: string, opId: string, wanted: string[], timeoutMs = 30_000) {
  const client = createGraphQLClient(url);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.execute(UserOperationDocument, { userId: AVERY, id: opId }, { token });
    const op = res.data?.user?.authentication.operation;
    if (op && wanted.includes(op.status)) return op;
    if (Date.now() > deadline) throw new Error(`operation stayed ${op?.status}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("operations survive the process that ran them", () => {
  const dirs: string[] = [];
  const children: ChildServer[] = [];
  afterAll(async () => {
    for (const c of children) c.process.kill("SIGKILL");
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("resumes a reset interrupted by kill -9 after restart: never stuck in running", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "authgate-crash-"));
    dirs.push(dataDir);
    const first = await startChildServer({ DATA_DIR: dataDir, ...SECRETS, ...SLOW_HASHING });
    children.push(first);
    const token = await adminToken(first);
    const client = createGraphQLClient(first.url);
    const res = await client.execute(ResetPasswordDocument, { userId: AVERY, id: PASSWORD_ID, newPassword: "After-the-crash-1" }, { token });
    const opId = res.data!.resetPassword.operation.id;
    await waitForStatus(first.url, token, opId, ["running"]);
    first.process.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");

    const second = await startChildServer({ DATA_DIR: dataDir, ...SECRETS, SCRYPT_COST: "1024" });
    children.push(second);
    const op = await waitForStatus(second.url, token, opId, ["succeeded", "failed"]);
    expect(op).toMatchObject({ status: "succeeded", statusDetail: "ResetSuccess" });
    const signIn = await createGraphQLClient(second.url).execute(SignInWithPasswordDocument, { userPrincipalName: AVERY, password: "After-the-crash-1" });
    expect(signIn.data!.signInWithPassword.isVerified).toBe(true);
    second.process.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);
  }, SLOW_TEST_MS);

  it("on SIGTERM stops accepting, finishes the in-flight reset, and exits cleanly", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "authgate-term-"));
    dirs.push(dataDir);
    const server = await startChildServer({ DATA_DIR: dataDir, ...SECRETS, ...SLOW_HASHING });
    children.push(server);
    const token = await adminToken(server);
    const client = createGraphQLClient(server.url);
    const res = await client.execute(ResetPasswordDocument, { userId: AVERY, id: PASSWORD_ID, newPassword: "Graceful-stop-1" }, { token });
    const opId = res.data!.resetPassword.operation.id;
    await waitForStatus(server.url, token, opId, ["running"]);
    const watcher = subscribe(connectWs(server.url, token), AuthenticationMethodsChangedDocument, { userId: AVERY });
    await new Promise((r) => setTimeout(r, 200));
    server.process.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 150));
    // While the reset in flight finishes, the server refuses new work and says it isn't ready.
    expect((await fetch(server.url.replace("/graphql", "/readyz"))).status).toBe(503);
    const refused = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { errors: { extensions: { reason: string } }[] }).errors[0]!.extensions.reason).toBe("shuttingDown");
    expect((await server.exited).code).toBe(0);
    expect(server.output()).toContain("SIGTERM received");
    // Open subscriptions are ended by the server, not left hanging.
    await Promise.race([watcher.done, new Promise((_, reject) => setTimeout(() => reject(new Error("subscription left open")), 2_000))]);

    const again = await startChildServer({ DATA_DIR: dataDir, ...SECRETS, SCRYPT_COST: "1024" });
    children.push(again);
    // Finished by the stopping process itself: already terminal when the next one starts.
    const op = await waitForStatus(again.url, token, opId, ["succeeded", "failed"], 1_000);
    expect(op.status).toBe("succeeded");
    again.process.kill("SIGTERM");
    await again.exited;
  }, SLOW_TEST_MS);
});
