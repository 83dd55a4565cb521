import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { PORT, connectionStringFor, databaseEnv, type Layout } from "./embedded-cluster.js";
import { postgresBinaries } from "./postgres-binaries.js";

// The embedded PostgreSQL's server process: start it, find it through postmaster.pid, stop it.

export interface PostmasterPid {
  pid: number;
  socketDir: string;
  port: number;
  status: string;
}

/** Starts the postmaster in its own session (a Ctrl-C to the gateway's terminal is the gateway's to handle). Resolves with its exit code if it exits. */
export function spawnPostmaster(layout: Layout): Promise<number | null> {
  return postgresBinaries().then(({ postgres }) => {
    const log = openSync(layout.logFile, "a", 0o600);
    try {
      const child = spawn(
        postgres,
        [
          "-D", layout.pgdata,
          "-k", layout.socketDir,
          "-p", String(PORT),
          "-c", "listen_addresses=",
          "-c", "unix_socket_permissions=0700",
          "-c", "max_connections=200",
          "-c", "shared_buffers=32MB",
          "-c", "dynamic_shared_memory_type=posix",
          "-c", "logging_collector=off",
        ],
        { detached: true, stdio: ["ignore", log, log], ...(layout.runAs ? { uid: layout.runAs.uid, gid: layout.runAs.gid } : {}), env: databaseEnv(layout) },
      );
      child.unref();
      return new Promise<number | null>((resolve) => {
        child.once("error", () => resolve(-1));
        child.once("exit", (code) => resolve(code));
      });
    } finally {
      closeSync(log);
    }
  });
}

/** Fast shutdown (SIGINT: roll back open transactions, checkpoint, exit) and wait for it. */
export async function stopServer(layout: Pick<Layout, "pgdata">, timeoutMs = 30_000): Promise<void> {
  const owner = await readPostmasterPid(layout.pgdata);
  if (!owner || !isPostgresProcess(owner.pid)) return;
  try {
    process.kill(owner.pid, "SIGINT");
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (isPostgresProcess(owner.pid)) {
    if (Date.now() > deadline) {
      process.kill(owner.pid, "SIGQUIT");
      break;
    }
    await sleep(20);
  }
}

export async function readPostmasterPid(pgdata: string): Promise<PostmasterPid | undefined> {
  try {
    const lines = (await readFile(path.join(pgdata, "postmaster.pid"), "utf8")).split("\n");
    const pid = Number(lines[0]);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    return { pid, port: Number(lines[3]), socketDir: lines[4] ?? "", status: (lines[7] ?? "").trim() };
  } catch {
    return undefined;
  }
}

/** Alive and a postgres process (a reused pid after a container restart is not ours). */
export function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    if (stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z") return false; // exited, not yet reaped
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres";
  } catch {
    return process.platform !== "linux"; // no /proc: trust kill(pid, 0)
  }
}

export async function canConnect(socketDir: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: connectionStringFor(socketDir), connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
