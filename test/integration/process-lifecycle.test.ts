import { spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTokenService } from "../../src/auth/token-service.js";
import { connectionStringFor } from "../../src/db/embedded-postgres.js";
import { systemClock } from "../../src/lib/clock.js";
import { AddPhoneMethodDocument, ResetPasswordDocument, UserMethodsDocument } from "../generated/graphql.js";
import { startChildServer, type ChildServer } from "../kit/child-server.js";
import { createGraphQLClient } from "../kit/graphql-client.js";

// What `npm start` does to processes on the embedded default: these run only there.
const embedded = !process.env.TEST_DATABASE_URL;
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PASSWORD_ID = "28c10230-6103-485e-b985-444c60001490";
const SECRETS = {
  JWT_SECRET: "lifecycle-secret-long-enough-for-hs256-0123456789",
  ENCRYPTION_KEY: "lifecycle-encryption-key-long-enough-0123456789",
};
const tokens = createTokenService({ secret: SECRETS.JWT_SECRET, issuer: "authgate", audience: "authgate-api", ttlSeconds: 3600, clock: systemClock });

const postmasterPid = (dataDir: string): number | undefined => {
  try {
    return Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return undefined;
  }
};
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
};
const postgresProcessesFor = (dataDir: string) =>
  spawnSync("pgrep", ["-f", `postgres -D ${path.join(dataDir, "postgres")}`], { encoding: "utf8" }).stdout.split("\n").filter(Boolean);
async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
async function query<T extends pg.QueryResultRow>(dataDir: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: connectionStringFor(path.join(dataDir, "run")) });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
async function adminToken(dataDir: string): Promise<string> {
  const [admin] = await query<{ id: string }>(dataDir, `SELECT id FROM "User" WHERE "userPrincipalName" = 'admin@wingtiptoysonline.com'`);
  return (await tokens.issue({ subject: admin!.id, scopes: ["UserAuthenticationMethod.ReadWrite.All"] })).token;
}

describe.runIf(embedded)("the gateway's processes on the embedded database", () => {
  let dataDir: string;
  const start = (env: Record<string, string> = {}) => startChildServer({ DATA_DIR: dataDir, SEED_DEMO: "true", ...SECRETS, SCRYPT_COST: "1024", ...env });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "authgate-lifecycle-"));
  });
  afterAll(async () => {
    for (const pid of postgresProcessesFor(dataDir)) process.kill(Number(pid), "SIGQUIT");
    await rm(dataDir, { recursive: true, force: true });
  });

  it("survives SIGKILL in the middle of password resets five times: every restart starts, and every reset ends", async () => {
    const operationIds: string[] = [];
    for (let round = 0; round < 5; round++) {
      // A slow hash keeps resets in flight when the kill comes.
      const server = await start({ SCRYPT_COST: "65536" });
      const token = await adminToken(dataDir);
      const client = createGraphQLClient(server.url);
      const started = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          client.execute(ResetPasswordDocument, { userId: "authadmin@wingtiptoysonline.com", id: PASSWORD_ID, newPassword: `Kill-round-${round}-passw0rd-${i}` }, { token }),
        ),
      );
      for (const res of started) {
        expect(res.errors).toBeUndefined();
        operationIds.push(res.data!.resetPassword.operation.id);
      }
      await new Promise((r) => setTimeout(r, 150 + round * 100));
      server.process.kill("SIGKILL");
      await server.exited;
    }
    const final = await start();
    try {
      // Work claimed by a killed process comes back when its lease runs out (15 s).
      const statuses = await waitFor(
        "every reset to end",
        async () => {
          const rows = await query<{ status: string }>(dataDir, `SELECT status::text FROM "Operation" WHERE id = ANY($1::uuid[])`, [operationIds]);
          return rows.length === operationIds.length && rows.every((r) => r.status === "succeeded" || r.status === "failed") ? rows : undefined;
        },
        90_000,
      );
      expect(statuses).toHaveLength(50);
      expect(statuses.filter((r) => r.status === "succeeded").length).toBeGreaterThan(0);
    } finally {
      final.process.kill("SIGTERM");
      expect((await final.exited).code).toBe(0);
    }
    // The last gateway out stopped the database too.
    await waitFor("the database to stop", () => postgresProcessesFor(dataDir).length === 0 || undefined, 10_000);
  }, 240_000);

  it("starts when postmaster.pid names a live process that is not PostgreSQL (a pid reused after a container restart)", async () => {
    const server = await start();
    const pid = postmasterPid(dataDir)!;
    server.process.kill("SIGKILL");
    await server.exited;
    // Stop the database as a machine restart would, then leave its lock file naming a live process.
    const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
    const lockFile = readFileSync(pidFile, "utf8");
    process.kill(pid, "SIGKILL");
    await waitFor("the old server to go", () => !isAlive(pid) || undefined, 10_000);
    writeFileSync(pidFile, lockFile.replace(/^\d+/, String(process.pid)));
    const restarted = await start();
    try {
      const res = await createGraphQLClient(restarted.url).execute(UserMethodsDocument, { id: "admin@wingtiptoysonline.com" }, { token: await adminToken(dataDir) });
      expect(res.errors).toBeUndefined();
      expect(postmasterPid(dataDir)).not.toBe(process.pid);
    } finally {
      restarted.process.kill("SIGTERM");
      await restarted.exited;
    }
  }, 120_000);

  it("restarts a database server killed with SIGKILL, and loses nothing that was committed", async () => {
    const server = await start();
    try {
      const client = createGraphQLClient(server.url);
      const token = await adminToken(dataDir);
      const added = await client.execute(AddPhoneMethodDocument, { userId: "avery.howard@wingtiptoysonline.com", input: { phoneNumber: "+1 2065550177", phoneType: "mobile" } }, { token });
      expect(added.errors).toBeUndefined();
      const before = postmasterPid(dataDir)!;
      process.kill(before, "SIGKILL");
      // The gateway notices, starts it again (crash recovery replays the WAL) and keeps answering.
      const methods = await waitFor(
        "the gateway to answer again",
        async () => {
          const res = await client.execute(UserMethodsDocument, { id: "avery.howard@wingtiptoysonline.com" }, { token }).catch(() => undefined);
          return res?.data?.user ? res.data.user.authentication.methods : undefined;
        },
        60_000,
      );
      expect(methods.map((m) => m.id)).toContain(added.data!.addPhoneMethod.id);
      expect(postmasterPid(dataDir)).not.toBe(before);
      expect(readFileSync(path.join(dataDir, "postgres.log"), "utf8")).toMatch(/database system was interrupted|not properly shut down/);
    } finally {
      server.process.kill("SIGTERM");
      await server.exited;
    }
  }, 120_000);

  it("SIGTERM to the `npm start` process shuts down gracefully and leaves no process behind", async () => {
    const npm = spawn("npm", ["start"], {
      cwd: ROOT,
      // As deployed: outside NODE_ENV=test, Apollo Server would install signal handlers of its own.
      env: { ...process.env, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", NODE_ENV: "production", ...SECRETS },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    npm.stdout.on("data", (d) => (out += d));
    npm.stderr.on("data", (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
    await waitFor("npm start to listen", () => /GraphQL at/.test(out) || undefined, 60_000);
    const server = spawnSync("pgrep", ["-f", "dist/main.js"], { encoding: "utf8" })
      .stdout.split("\n")
      .filter(Boolean)
      .map(Number)
      .find((pid) => readFileSync(`/proc/${pid}/environ`, "utf8").includes(`DATA_DIR=${dataDir}`));
    const database = postmasterPid(dataDir);
    expect(server).toBeDefined();
    expect(database).toBeDefined();

    npm.kill("SIGTERM");
    await exited;
    await waitFor("every process to exit", () => (!isAlive(server!) && !isAlive(database!) && postgresProcessesFor(dataDir).length === 0) || undefined, 30_000);
    expect(out).toContain("SIGTERM received, shutting down");
  }, 120_000);

  it("the CLI tools work with no server running, and leave none running", () => {
    expect(postgresProcessesFor(dataDir)).toEqual([]);
    const token = spawnSync("npm", ["run", "--silent", "token", "--", "--user", "avery.howard@wingtiptoysonline.com"], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "error", ...SECRETS },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(token.status, token.stderr).toBe(0);
    expect(token.stdout.trim()).toMatch(/^ey/);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  });
});

describe.runIf(embedded)("a second gateway on the same DATA_DIR", () => {
  let dataDir: string;
  let first: ChildServer;
  let second: ChildServer;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "authgate-peer-"));
    first = await startChildServer({ DATA_DIR: dataDir, SEED_DEMO: "true", ...SECRETS, SCRYPT_COST: "1024" });
    second = await startChildServer({ DATA_DIR: dataDir, SEED_DEMO: "true", ...SECRETS, SCRYPT_COST: "1024" });
  });
  afterAll(async () => {
    for (const s of [first, second]) {
      s?.process.kill("SIGTERM");
      await s?.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it("is a full peer: the database outlives the first gateway and stops with the last", async () => {
    const database = postmasterPid(dataDir)!;
    first.process.kill("SIGTERM");
    await first.exited;
    expect(isAlive(database)).toBe(true);
    const res = await createGraphQLClient(second.url).execute(UserMethodsDocument, { id: "admin@wingtiptoysonline.com" }, { token: await adminToken(dataDir) });
    expect(res.errors).toBeUndefined();
    second.process.kill("SIGTERM");
    await second.exited;
    await waitFor("the database to stop", () => !isAlive(database) || undefined, 30_000);
  }, 90_000);
});
