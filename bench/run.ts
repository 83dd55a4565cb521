// Benchmarks printed, not asserted: password reset latency end to end, and delivery latency of
// one status change to many graphql-ws subscribers. Run with `npm run bench`.
import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config/config.js";
import { seedDemoDirectory } from "../src/seed/demo-directory.js";
import { OperationStatusChangedDocument, ResetPasswordDocument } from "../test/generated/graphql.js";
import { createGraphQLClient } from "../test/kit/graphql-client.js";
import { connectWs, subscribe } from "../test/kit/subscriptions.js";

const RESETS = Number(process.env.BENCH_RESETS ?? 50);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const PASSWORD_ID = "28c10230-6103-485e-b985-444c60001490";

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const report = (label: string, values: number[]) =>
  console.log(`${label.padEnd(58)} n=${String(values.length).padStart(4)}  p50=${percentile(values, 50).toFixed(1)} ms  p99=${percentile(values, 99).toFixed(1)} ms  max=${Math.max(...values).toFixed(1)} ms`);

const dataDir = await mkdtemp(path.join(tmpdir(), "authgate-bench-"));
const config = loadConfig({
  ...process.env,
  PORT: "0",
  HOST: "127.0.0.1",
  DATA_DIR: dataDir,
  LOG_LEVEL: "error",
  JWT_SECRET: "bench-secret-long-enough-for-hs256-signing-0123456789",
  ENCRYPTION_KEY: "bench-encryption-key-long-enough-0123456789",
});
const app = await createApp(config);
const prisma = app.database.prisma;
await seedDemoDirectory(prisma, app.hasher);
const adminId = (await prisma.user.findUniqueOrThrow({ where: { userPrincipalName: "admin@wingtiptoysonline.com" } })).id;
const token = (await app.tokens.issue({ subject: adminId, scopes: ["UserAuthenticationMethod.ReadWrite.All"] })).token;
const client = createGraphQLClient(app.url);
console.log(`authgate bench: storage=${app.database.kind}, scrypt N=${config.passwordHashing.cost}, node ${process.version}`);

// 1. resetPassword request -> `succeeded` at a subscriber.
const resetLatencies: number[] = [];
const ws = connectWs(app.url, token);
for (let i = 0; i < RESETS; i++) {
  const started = performance.now();
  const res = await client.execute(ResetPasswordDocument, { userId: "avery.howard@wingtiptoysonline.com", id: PASSWORD_ID, newPassword: `Bench-passw0rd-${i}` }, { token });
  const sub = subscribe(ws, OperationStatusChangedDocument, { operationId: res.data!.resetPassword.operation.id });
  await sub.waitFor((e) => e.data?.operationStatusChanged.status === "succeeded", 60_000);
  resetLatencies.push(performance.now() - started);
  sub.close();
}
await ws.dispose();
report(`resetPassword -> succeeded event (${RESETS} resets)`, resetLatencies);

// 2. One status change delivered to many concurrent graphql-ws connections.
const userId = (await prisma.user.findUniqueOrThrow({ where: { userPrincipalName: "authadmin@wingtiptoysonline.com" } })).id;
const opId = randomUUID();
const op = await prisma.operation.create({ data: { id: opId, userId, kind: "benchmark", resourceLocation: "/benchmark" } });
const worker = fork(fileURLToPath(new URL("./subscribers.ts", import.meta.url)), [JSON.stringify({ url: app.url, token, operationId: opId, count: SUBSCRIBERS })], {
  execArgv: ["--import", "tsx"],
});
const nextMessage = () => new Promise<{ ready?: boolean; arrivals?: number[] }>((resolve, reject) => {
  worker.once("message", resolve);
  worker.once("error", reject);
});
await nextMessage();
const changed = await prisma.operation.update({ where: { id: opId }, data: { status: "running", lastActionAt: new Date() } });
const publishedAt = performance.timeOrigin + performance.now();
await app.events.publish("operationChanged", {
  id: changed.id,
  userId: changed.userId,
  status: "running",
  statusDetail: null,
  resourceLocation: op.resourceLocation,
  createdAt: changed.createdAt.toISOString(),
  lastActionAt: changed.lastActionAt.toISOString(),
});
const { arrivals } = await nextMessage();
report(`one status change -> ${SUBSCRIBERS} graphql-ws subscribers`, arrivals!.map((t) => t - publishedAt));
worker.kill();
await app.stop();
await rm(dataDir, { recursive: true, force: true });
