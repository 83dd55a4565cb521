import "reflect-metadata";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/config/config.js";
import { createOffsetClock, type ManualClock } from "../../src/lib/clock.js";
import { seedDemoDirectory } from "../../src/seed/demo-directory.js";
import { createGraphQLClient, type GraphQLClient } from "./graphql-client.js";
import { createTestDatabase } from "./scratch-database.js";

export { createTestDatabase };

/**
 * Where the suite keeps its data: embedded PGlite by default; with TEST_DATABASE_URL (a
 * PostgreSQL server URL) every test server gets a database of its own on that server.
 */
export const storageMode = process.env.TEST_DATABASE_URL ? "postgresql" : "embedded";

export interface TestServer extends GraphQLClient {
  app: App;
  url: string;
  passwords: Record<string, string>;
  clock: ManualClock;
  /** A bearer token for a user (by UPN), with the given delegated scopes. */
  tokenFor(userPrincipalName: string, scopes?: string[]): Promise<string>;
  /** An app-only token with the given application permissions. */
  appToken(permissions: string[]): Promise<string>;
  userId(userPrincipalName: string): Promise<string>;
  /** Resolves once `count` subscriptions to `topic` are live in the server (no guessing with sleeps). */
  waitForSubscribers(topic: import("../../src/events/event-bus.js").Topic, count?: number): Promise<void>;
  stop(): Promise<void>;
}


export interface StartOptions {
  env?: Record<string, string>;
  clock?: ManualClock;
  /** Share one database between several servers (multi-instance tests). */
  databaseUrl?: string;
  seed?: boolean;
  /** Capture the server's log lines (e.g. to prove secrets never reach them). */
  logger?: import("../../src/logging/logger.js").Logger;
  /** Trace into this provider (e.g. an InMemorySpanExporter behind a SimpleSpanProcessor). */
  tracerProvider?: import("@opentelemetry/api").TracerProvider;
  /** Background reset worker settings, e.g. a long pollMs to keep the database quiet. */
  workerOptions?: import("../../src/modules/password-methods/password-reset.worker.js").WorkerOptions;
  /** Background SMS delivery settings, e.g. `enabled: false` to stop a server before its queue is drained. */
  smsDeliveryOptions?: import("../../src/modules/one-time-codes/sms-delivery.worker.js").SmsDeliveryWorkerOptions;
}

/** Starts the real app on a free port with fresh storage and the demo directory. */
export async function startTestServer(options: StartOptions = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "authgate-test-"));
  const ownDatabase = !options.databaseUrl && process.env.TEST_DATABASE_URL ? await createTestDatabase(process.env.TEST_DATABASE_URL) : undefined;
  const databaseUrl = options.databaseUrl ?? ownDatabase?.url;
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    SCRYPT_COST: "1024",
    // Every test request comes from 127.0.0.1; the per-address sign-in limit has tests of its own.
    SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: "100000",
    // Gateway stubs listen on 127.0.0.1; production refuses this setting, and sms-endpoint-safety tests the default.
    ...(options.env?.NODE_ENV === "production" ? {} : { SMS_ALLOW_PRIVATE_ENDPOINTS: "true" }),
    JWT_SECRET: "test-secret-that-is-long-enough-for-hs256-signing",
    ENCRYPTION_KEY: "test-encryption-key-that-is-long-enough-0123456789",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  });
  const clock = options.clock ?? createOffsetClock();
  let passwords: Record<string, string> = {};
  const app = await createApp(config, { clock, logger: options.logger, tracerProvider: options.tracerProvider, workerOptions: options.workerOptions, smsDeliveryOptions: options.smsDeliveryOptions, onSeeded: (p) => (passwords = p) });
  if (databaseUrl && options.seed !== false) {
    passwords = (await seedDemoDirectory(app.database.prisma, app.hasher)).passwords;
  }
  const userId = async (upn: string) => {
    const user = await app.database.prisma.user.findUnique({ where: { userPrincipalName: upn.toLowerCase() } });
    if (!user) throw new Error(`no user ${upn}`);
    return user.id;
  };
  const client = createGraphQLClient(app.url);
  return {
    ...client,
    app,
    url: app.url,
    passwords,
    clock,
    userId,
    async tokenFor(upn, scopes = ["UserAuthenticationMethod.ReadWrite"]) {
      return (await app.tokens.issue({ subject: await userId(upn), scopes })).token;
    },
    async waitForSubscribers(topic, count = 1) {
      const deadline = Date.now() + 10_000;
      while (app.events.subscriberCount(topic) < count) {
        if (Date.now() > deadline) throw new Error(`no ${count} subscribers to ${topic}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async appToken(permissions) {
      return (await app.tokens.issue({ subject: "test-app", app: true, roles: permissions })).token;
    },
    async stop() {
      await app.stop();
      await ownDatabase?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

