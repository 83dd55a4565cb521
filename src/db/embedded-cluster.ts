import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, chown, mkdir, readFile, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { postgresBinaries } from "./postgres-binaries.js";

// The embedded PostgreSQL's files under DATA_DIR: where they live, which account owns them, and
// how the cluster is created (once, atomically).

const USER = "authgate";
const DATABASE = "postgres";
export const PORT = 5432; // only names the socket file: the server opens no TCP port

export interface Layout {
  dataDir: string;
  pgdata: string;
  socketDir: string;
  logFile: string;
  /** Set when we run as root: PostgreSQL refuses root, so it runs as this existing account. */
  runAs?: { uid: number; gid: number; name: string };
}

export function connectionStringFor(socketDir: string): string {
  return `postgresql://${USER}@localhost/${DATABASE}?host=${encodeURIComponent(socketDir)}&port=${PORT}`;
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

export async function prepareLayout(dataDir: string): Promise<Layout> {
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
export async function initialiseCluster(layout: Layout): Promise<void> {
  if (clusterExists(layout.dataDir)) return;
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

export function databaseEnv(layout: Layout): NodeJS.ProcessEnv {
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

/** Whether DATA_DIR holds a database already (a fresh one is created and seeded on start). */
export function clusterExists(dataDir: string): boolean {
  return existsSync(path.join(dataDir, "postgres", "PG_VERSION"));
}

export async function logTail(layout: Layout): Promise<string> {
  const log = await readFile(layout.logFile, "utf8").catch(() => "");
  return log.trim().split("\n").slice(-8).join("\n");
}
