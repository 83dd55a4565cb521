// Benchmarks printed, not asserted: start-up time and idle memory of `npm start`, password reset
// latency end to end, delivery latency of one status change to many graphql-ws subscribers, and
// whether startSmsSignIn takes longer for a registered number than for an unknown one.
// Run with `npm run bench` (`npm run bench -- runtime` for the first part only).
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
import { normalisePhoneNumber } from "../src/lib/phone-number.js";
import {
  AddPhoneMethodDocument,
  CreateSmsGatewayAccountDocument,
  IdentityStoresDocument,
  OperationStatusChangedDocument,
  ResetPasswordDocument,
  StartSmsSignInDocument,
  UpdateIdentityStoreSmsSettingsDocument,
} from "../test/generated/graphql.js";
import { createGraphQLClient } from "../test/kit/graphql-client.js";
import { benchRuntime } from "./runtime.js";
import { replyJson, startSmsGatewayStub } from "../test/kit/sms-gateway-stub.js";
import { connectWs, subscribe } from "../test/kit/subscriptions.js";

console.log(`authgate bench, node ${process.version}`);
await benchRuntime();
if (process.argv.includes("runtime")) process.exit(0);

const RESETS = Number(process.env.BENCH_RESETS ?? 50);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const SMS_SIGN_INS = Number(process.env.BENCH_SMS_SIGN_INS ?? 200);
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
  // Every sign-in request comes from an address of its own (X-Forwarded-For from loopback), so
  // the default per-address limits apply without refusing the benchmark.
  TRUST_PROXY: "loopback",
  // The stub gateway of section 3 listens on loopback.
  SMS_ALLOW_PRIVATE_ENDPOINTS: "true",
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

// 3. startSmsSignIn for a registered number and an unknown one, interleaved, with a webhook
// gateway that answers after 5 ms. Every number is used once, so the default per-number limits
// never refuse a request.
const gateway = await startSmsGatewayStub();
gateway.respondWith((_request, response) => void setTimeout(() => replyJson(response, 200, { messageId: randomUUID() }), 5));
const adminToken = (await app.tokens.issue({ subject: adminId, scopes: ["UserAuthenticationMethod.ReadWrite.All"] })).token;
const account = await client.execute(CreateSmsGatewayAccountDocument, { input: { name: "Bench webhook", provider: "webhook", endpoint: `${gateway.url}/sms` } }, { token: adminToken });
if (account.errors) throw new Error(`bench gateway: ${JSON.stringify(account.errors)}`);
const demoStore = (await client.execute(IdentityStoresDocument, undefined, { token: adminToken })).data!.identityStores[0]!;
await client.execute(UpdateIdentityStoreSmsSettingsDocument, { identityStoreId: demoStore.id, input: { smsGatewayAccountId: account.data!.createSmsGatewayAccount.id, smsMessageTemplate: demoStore.smsMessageTemplate } }, { token: adminToken });

/** Valid US numbers in `areaCode`, each in a prefix (number less its last 4 digits) of its own. */
function distinctNumbers(areaCode: string, count: number): string[] {
  const numbers: string[] = [];
  for (let exchange = 200; numbers.length < count && exchange < 1000; exchange++) {
    try {
      numbers.push(normalisePhoneNumber(`+1 ${areaCode} ${exchange} 0123`).e164);
    } catch {
      // Not a number in service (e.g. N11 exchanges).
    }
  }
  if (numbers.length < count) throw new Error(`only ${numbers.length} numbers in ${areaCode}`);
  return numbers;
}
const WARM_UP = 20;
const knownNumbers = distinctNumbers("206", SMS_SIGN_INS + WARM_UP);
const unknownNumbers = distinctNumbers("425", SMS_SIGN_INS + WARM_UP);
for (let i = 0; i < knownNumbers.length; i += 10) {
  await Promise.all(
    knownNumbers.slice(i, i + 10).map(async (phoneNumber, j) => {
      const upn = `bench.sms${i + j}@wingtiptoysonline.com`;
      await client.request(`mutation($u: String!) { createUser(input: { userPrincipalName: $u }) { id } }`, { u: upn }, { token: adminToken });
      const added = await client.execute(AddPhoneMethodDocument, { userId: upn, input: { phoneNumber, phoneType: "mobile" } }, { token: adminToken });
      if (added.data?.addPhoneMethod.smsSignInState !== "ready") throw new Error(`bench user ${upn}: ${JSON.stringify(added)}`);
    }),
  );
}

let clientNumber = 0;
async function timedSignIn(phoneNumber: string): Promise<number> {
  const n = ++clientNumber;
  const headers = { "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
  const started = performance.now();
  const res = await client.execute(StartSmsSignInDocument, { phoneNumber }, { headers });
  const elapsed = performance.now() - started;
  if (res.errors) throw new Error(`startSmsSignIn ${phoneNumber}: ${JSON.stringify(res.errors)}`);
  return elapsed;
}
/** Until the delivery worker is idle: each request is timed on a quiet server, as an attacker timing one request at a time would. */
async function deliveriesDrained() {
  while ((await prisma.smsDelivery.count({ where: { status: { in: ["queued", "sending"] } } })) > 0) await new Promise((resolve) => setTimeout(resolve, 2));
  await new Promise((resolve) => setTimeout(resolve, 5));
}
for (let i = 0; i < WARM_UP; i++) {
  await timedSignIn(knownNumbers[SMS_SIGN_INS + i]!);
  await timedSignIn(unknownNumbers[SMS_SIGN_INS + i]!);
  await deliveriesDrained();
}
// Interleaved in a random order, so that neither kind is timed at a moment that favours it.
const requests = [...knownNumbers.slice(0, SMS_SIGN_INS).map((n) => ({ known: true, n })), ...unknownNumbers.slice(0, SMS_SIGN_INS).map((n) => ({ known: false, n }))];
for (let i = requests.length - 1; i > 0; i--) {
  const j = Math.floor(Math.random() * (i + 1));
  [requests[i], requests[j]] = [requests[j]!, requests[i]!];
}
const knownLatencies: number[] = [];
const unknownLatencies: number[] = [];
for (const { known, n } of requests) {
  (known ? knownLatencies : unknownLatencies).push(await timedSignIn(n));
  await deliveriesDrained();
}
const reportP90 = (label: string, values: number[]) =>
  console.log(`${label.padEnd(58)} n=${String(values.length).padStart(4)}  p50=${percentile(values, 50).toFixed(2)} ms  p90=${percentile(values, 90).toFixed(2)} ms`);
reportP90("startSmsSignIn, registered number (webhook gateway, 5 ms)", knownLatencies);
reportP90("startSmsSignIn, unknown number", unknownLatencies);
const medianDifference = percentile(knownLatencies, 50) - percentile(unknownLatencies, 50);
console.log(`${"startSmsSignIn median difference (registered - unknown)".padEnd(58)} ${medianDifference.toFixed(2)} ms (target: under 1 ms)`);
console.log(`${"  texts the gateway received (registered numbers only)".padEnd(58)} ${gateway.requests.length} of ${SMS_SIGN_INS + WARM_UP}`);
await gateway.close();

await app.stop();
await rm(dataDir, { recursive: true, force: true });
