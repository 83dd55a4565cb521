// Start-up time and idle memory of `npm start` as a new user runs it: a fresh DATA_DIR (creates
// the database and seeds the demo directory), then a restart on the same data. Memory is the
// proportional set size (PSS) of everything it runs: npm, the server and the database processes.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

const pssKb = (pid: number): number => {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
};
const childrenOf = (pid: number): number[] =>
  readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((candidate) => {
      try {
        const stat = readFileSync(`/proc/${candidate}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    });
const descendantsOf = (pid: number): number[] => childrenOf(pid).flatMap((child) => [child, ...descendantsOf(child)]);

async function startAndMeasure(dataDir: string) {
  const started = performance.now();
  const npm: ChildProcess = spawn("npm", ["start"], {
    cwd: ROOT,
    // The embedded default, also when the bench measures P1-P5 on DATABASE_URL (an empty value is unset).
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", NODE_ENV: "development" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  npm.stdout!.on("data", (d) => (out += d));
  npm.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<void>((resolve) => npm.once("exit", () => resolve()));
  let url: string | undefined;
  for (;;) {
    url ??= /GraphQL at (http:\/\/\S+)\/graphql/.exec(out)?.[1]?.replace("localhost", "127.0.0.1");
    if (url && (await fetch(`${url}/readyz`).then((r) => r.ok, () => false))) break;
    if (performance.now() - started > 60_000) throw new Error(`npm start did not get ready:\n${out}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 3_000)); // idle
  const postmaster = Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
  const gateway = [npm.pid!, ...descendantsOf(npm.pid!)].filter((pid) => pid !== postmaster && !descendantsOf(postmaster).includes(pid));
  const database = [postmaster, ...descendantsOf(postmaster)];
  const npmKb = pssKb(npm.pid!);
  const serverKb = gateway.filter((pid) => pid !== npm.pid).reduce((sum, pid) => sum + pssKb(pid), 0);
  const databaseKb = database.reduce((sum, pid) => sum + pssKb(pid), 0);
  npm.kill("SIGTERM");
  await exited;
  // The gateway stops the embedded database on its way out; the bench leaves nothing behind either way.
  const databaseOutlived = await stopLeftover(postmaster, 5_000);
  return { readyMs, npmKb, serverKb, databaseKb, databaseOutlived };
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
  } catch {
    return false;
  }
};

/** Waits up to `graceMs` for `pid` to exit; stops it (SIGINT, PostgreSQL's fast shutdown) if it doesn't. True if it had to. */
async function stopLeftover(pid: number, graceMs: number): Promise<boolean> {
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (!isAlive(pid)) return false;
  process.kill(pid, "SIGINT");
  while (isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
  return true;
}

export async function benchRuntime(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "authgate-bench-runtime-"));
  try {
    const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
    for (const [label, target] of [["fresh DATA_DIR (create, migrate, seed)", 4000], ["restart on existing data", 2000]] as const) {
      const m = await startAndMeasure(dataDir);
      console.log(`npm start, ${label}: ready in ${m.readyMs.toFixed(0)} ms (target < ${target} ms)`);
      console.log(`  idle memory (PSS): server ${mb(m.serverKb)} + database ${mb(m.databaseKb)} = ${mb(m.serverKb + m.databaseKb)} (target < 200 MB); npm itself ${mb(m.npmKb)}`);
      if (m.databaseOutlived) console.log("  note: the embedded PostgreSQL was still running 5 s after SIGTERM to npm start had ended it (the bench stopped it)");
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
