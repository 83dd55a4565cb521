// Whether startSmsSignIn takes longer for a registered number than for an unknown one (the
// difference would tell an attacker which numbers are registered): 200 of each, interleaved in a
// random order, each number and client address used once, a webhook gateway that answers after
// 5 ms. The gateway runs in this process (it reads the SMS delivery queue directly), on a storage
// of its own: a fresh DATA_DIR, or with DATABASE_URL a database of its own on that server.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { normalisePhoneNumber } from "../src/lib/phone-number.js";
import { AddPhoneMethodDocument, CreateSmsGatewayAccountDocument, IdentityStoresDocument, StartSmsSignInDocument, UpdateIdentityStoreSmsSettingsDocument } from "../test/generated/graphql.js";
import { createGraphQLClient } from "../test/kit/graphql-client.js";
import { replyJson, startSmsGatewayStub } from "../test/kit/sms-gateway-stub.js";
import { SECRETS } from "./kit/storage.js";
import { envCount, percentile } from "./kit/stats.js";

const SMS_SIGN_INS = envCount("BENCH_SMS_SIGN_INS", 200);
const WARM_UP = 20;

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

async function ownDatabase(serverUrl: string) {
  const name = `authgate_bench_${randomUUID().replaceAll("-", "")}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function benchSmsTiming(): Promise<void> {
  // Loaded here: the other parts don't need the app in this process.
  await import("reflect-metadata");
  const { createApp } = await import("../src/app.js");
  const { loadConfig } = await import("../src/config/config.js");
  const { seedDemoDirectory } = await import("../src/seed/demo-directory.js");

  const dataDir = await mkdtemp(path.join(tmpdir(), "authgate-bench-sms-"));
  const database = process.env.DATABASE_URL ? await ownDatabase(process.env.DATABASE_URL) : undefined;
  const config = loadConfig({
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    DATABASE_URL: database?.url ?? "",
    LOG_LEVEL: "error",
    NODE_ENV: "development",
    ...SECRETS,
    // Every sign-in request comes from an address of its own (X-Forwarded-For from loopback), so
    // the default per-address limits apply without refusing the benchmark.
    TRUST_PROXY: "loopback",
    // The stub gateway listens on loopback.
    SMS_ALLOW_PRIVATE_ENDPOINTS: "true",
  });
  const app = await createApp(config);
  const gateway = await startSmsGatewayStub();
  try {
    const prisma = app.database.prisma;
    await seedDemoDirectory(prisma, app.hasher);
    const adminId = (await prisma.user.findUniqueOrThrow({ where: { userPrincipalName: "admin@wingtiptoysonline.com" } })).id;
    const adminToken = (await app.tokens.issue({ subject: adminId, scopes: ["UserAuthenticationMethod.ReadWrite.All"] })).token;
    const client = createGraphQLClient(app.url);

    gateway.respondWith((_request, response) => void setTimeout(() => replyJson(response, 200, { messageId: randomUUID() }), 5));
    const account = await client.execute(CreateSmsGatewayAccountDocument, { input: { name: "Bench webhook", provider: "webhook", endpoint: `${gateway.url}/sms` } }, { token: adminToken });
    if (account.errors) throw new Error(`bench gateway: ${JSON.stringify(account.errors)}`);
    const demoStore = (await client.execute(IdentityStoresDocument, undefined, { token: adminToken })).data!.identityStores[0]!;
    await client.execute(
      UpdateIdentityStoreSmsSettingsDocument,
      { identityStoreId: demoStore.id, input: { smsGatewayAccountId: account.data!.createSmsGatewayAccount.id, smsMessageTemplate: demoStore.smsMessageTemplate } },
      { token: adminToken },
    );

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
    const timedSignIn = async (phoneNumber: string): Promise<number> => {
      const n = ++clientNumber;
      const headers = { "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
      const started = performance.now();
      const res = await client.execute(StartSmsSignInDocument, { phoneNumber }, { headers });
      const elapsed = performance.now() - started;
      if (res.errors) throw new Error(`startSmsSignIn ${phoneNumber}: ${JSON.stringify(res.errors)}`);
      return elapsed;
    };
    /** Until the delivery worker is idle: each request is timed on a quiet server, as an attacker timing one request at a time would. */
    const deliveriesDrained = async () => {
      while ((await prisma.smsDelivery.count({ where: { status: { in: ["queued", "sending"] } } })) > 0) await new Promise((resolve) => setTimeout(resolve, 2));
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
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
  } finally {
    await gateway.close();
    await app.stop();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
