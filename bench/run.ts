// Benchmarks printed, not asserted (README, "Benchmarks"). `npm run bench` runs every part;
// `npm run bench -- p1 p3` (or runtime, p1..p5, sms) only those. The gateways under test run as
// `npm start` runs them, each in a process of its own, on the embedded default or, with
// DATABASE_URL, on that PostgreSQL server (in a database the bench creates and drops).
//   runtime  start-up time and idle memory of `npm start` (always the embedded default)
//   p1..p5   the figures of issue 10, each beside its reference measured in the same run
//   sms      startSmsSignIn timing, registered vs unknown number
import { createBenchContext } from "./kit/gateway.js";
import { signalAllProcesses, stopAllProcesses } from "./kit/processes.js";
import { printSummary } from "./kit/stats.js";
import { benchP1 } from "./p1-throughput.js";
import { benchP2 } from "./p2-statements.js";
import { benchP3 } from "./p3-fanout.js";
import { benchP4 } from "./p4-memory.js";
import { benchP5 } from "./p5-reset.js";
import { benchRuntime } from "./runtime.js";
import { benchSmsTiming } from "./sms-timing.js";

const ctx = createBenchContext();
const PARTS = {
  runtime: { title: "start-up and idle memory of npm start (embedded)", run: benchRuntime },
  p1: { title: "P1 throughput of an authenticated read", run: () => benchP1(ctx) },
  p2: { title: "P2 SQL statements per request", run: () => benchP2(ctx) },
  p3: { title: "P3 fan-out latency to graphql-ws subscribers", run: () => benchP3(ctx) },
  p4: { title: "P4 memory per idle subscriber", run: () => benchP4(ctx) },
  p5: { title: "P5 password reset end to end", run: () => benchP5(ctx) },
  sms: { title: "startSmsSignIn timing", run: benchSmsTiming },
} satisfies Record<string, { title: string; run: () => Promise<void> }>;
type Part = keyof typeof PARTS;

const asked = process.argv.slice(2).map((a) => a.toLowerCase());
const unknown = asked.filter((a) => !(a in PARTS));
if (unknown.length) {
  console.error(`unknown part ${unknown.join(", ")}; parts: ${Object.keys(PARTS).join(", ")} (default: all)`);
  process.exit(2);
}
const selected = (Object.keys(PARTS) as Part[]).filter((p) => asked.length === 0 || asked.includes(p));

let stopping: Promise<void> | undefined;
const cleanUp = () => (stopping ??= ctx.close().finally(stopAllProcesses));
// Ctrl-C reaches this process more than once (from the terminal, and relayed by npm and tsx): the
// first starts the clean-up, by signalling every process the bench started at once (in case this
// one is killed before it is done), and the rest are ignored while it runs.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    console.error(`\n${signal}: stopping the servers and clients the bench started`);
    signalAllProcesses();
    ctx.abort();
    void cleanUp().finally(() => process.exit(130));
  });
}

const storage = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL; a database of the bench's own)" : "embedded PostgreSQL (a fresh DATA_DIR)";
console.log(`authgate bench, node ${process.version}, storage: ${storage}, scrypt N=${process.env.SCRYPT_COST ?? "131072 (default)"}`);
let failed = false;
try {
  for (const part of selected) {
    console.log(`\n== ${part}: ${PARTS[part].title}`);
    await PARTS[part].run();
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await cleanUp();
}
printSummary();
process.exit(failed ? 1 : 0);
