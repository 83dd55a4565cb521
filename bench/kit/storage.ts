// Where the gateways under test keep their data: the embedded default (a fresh DATA_DIR whose
// PostgreSQL the first gateway creates, seeds and starts; its peers adopt it), or, with
// DATABASE_URL, a database of the bench's own on that server (created, seeded, dropped at the end).
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { connectionStringFor } from "../../src/db/embedded-postgres.js";
import { createTestDatabase } from "../../test/kit/scratch-database.js";
import { stopProcess, track } from "./processes.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface Storage {
  kind: "embedded" | "postgresql";
  /** Environment every gateway on this storage is started with. */
  gatewayEnv: Record<string, string>;
  /** A connection string for the bench's own SQL (and the statement counter); embedded: once a gateway has started the server. */
  connectionString(): string;
  /** Synchronously tells a database the bench started to stop (Ctrl-C: this process may not live to `dispose`). */
  abort(): void;
  dispose(): Promise<void>;
}

/** Settings shared by the gateways and the bench, which mints tokens with the same secret. */
export const SECRETS = {
  JWT_SECRET: "bench-secret-long-enough-for-hs256-signing-0123456789",
  ENCRYPTION_KEY: "bench-encryption-key-long-enough-0123456789",
};

export async function openStorage(): Promise<Storage> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "authgate-bench-"));
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return embeddedStorage(dataDir);

  const database = await createTestDatabase(serverUrl, "authgate_bench");
  const gatewayEnv = { DATA_DIR: dataDir, DATABASE_URL: database.url };
  try {
    // A gateway seeds the demo directory only into an embedded database: `npm run seed` does it here.
    await runSeed(gatewayEnv);
  } catch (error) {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    kind: "postgresql",
    gatewayEnv,
    connectionString: () => database.url,
    abort() {},
    async dispose() {
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function embeddedStorage(dataDir: string): Storage {
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
  // postmaster.pid, PostgreSQL's own: pid, data directory, start time, port, socket directory, ...
  const postmaster = () => {
    if (!existsSync(pidFile)) return undefined;
    const lines = readFileSync(pidFile, "utf8").split("\n");
    return { pid: Number(lines[0]), socketDir: lines[4]! };
  };
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z "); // exited, not yet reaped
    } catch {
      return false;
    }
  };
  let aborted = false;
  return {
    kind: "embedded",
    // An empty DATABASE_URL counts as unset.
    gatewayEnv: { DATA_DIR: dataDir, DATABASE_URL: "" },
    connectionString() {
      const running = postmaster();
      if (!running) throw new Error(`no embedded PostgreSQL running in ${dataDir}: start a gateway first`);
      return connectionStringFor(running.socketDir);
    },
    abort() {
      aborted = true;
      const running = postmaster();
      if (running && alive(running.pid)) process.kill(running.pid, "SIGINT");
    },
    async dispose() {
      // The last gateway to stop stops the database; one that was killed may have left it running.
      const running = postmaster();
      if (running && alive(running.pid)) {
        if (!aborted) console.log(`note: the embedded PostgreSQL outlived the gateways that ran on it (stopped by the bench)`);
        process.kill(running.pid, "SIGINT"); // fast shutdown
        const deadline = Date.now() + 15_000;
        while (alive(running.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}


/** `npm run seed` (compiled, as `npm run bench` builds it first) on the bench's database. */
async function runSeed(env: Record<string, string>): Promise<void> {
  const child = track(
    spawn(process.execPath, ["dist/cli/seed.js"], { cwd: ROOT, env: { ...process.env, ...SECRETS, LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "pipe", "pipe"] }),
  );
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  await stopProcess(child);
  if (code !== 0) throw new Error(`seeding the bench database failed:\n${out}`);
}
