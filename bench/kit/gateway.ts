// The gateway under test, as `npm start` runs it (node dist/main.js, production settings) in a
// process of its own, and what the figures share: its storage, tokens minted with its secret, the
// demo user with a phone, and direct SQL for setting up data.
import pg from "pg";
import { createTokenService } from "../../src/auth/token-service.js";
import { systemClock } from "../../src/lib/clock.js";
import { startChildServer } from "../../test/kit/child-server.js";
import { createGraphQLClient, type GraphQLClient } from "../../test/kit/graphql-client.js";
import { stopProcess, track } from "./processes.js";
import { openStorage, SECRETS, type Storage } from "./storage.js";

export const AVERY = "avery.howard@wingtiptoysonline.com";
export const ADMIN = "admin@wingtiptoysonline.com";

export interface Gateway extends GraphQLClient {
  /** The GraphQL endpoint (http://127.0.0.1:port/graphql); WebSocket clients use the same path. */
  url: string;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * A gateway in its own process on `storage`: NODE_ENV=production, LOG_LEVEL=warn, the bench's
 * JWT_SECRET and ENCRYPTION_KEY, SEED_DEMO=true, TRUST_PROXY unset, and no per-address cap on
 * WebSocket connections (every bench client connects from 127.0.0.1). `env` adds or overrides.
 */
export async function startGateway(storage: Storage, env: Record<string, string> = {}): Promise<Gateway> {
  const server = await startChildServer({
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    ...SECRETS,
    SEED_DEMO: "true",
    TRUST_PROXY: "",
    WS_MAX_CONNECTIONS_PER_ADDRESS: "100000",
    ...storage.gatewayEnv,
    ...env,
  });
  track(server.process);
  return {
    ...createGraphQLClient(server.url),
    url: server.url,
    pid: server.process.pid!,
    output: server.output,
    stop: () => stopProcess(server.process),
  };
}

export interface BenchContext {
  storage: Storage;
  /** The gateway the figures share, started on first use. */
  gateway(): Promise<Gateway>;
  /** Starts another gateway on the same storage (stopped by `close` if the caller doesn't). */
  startGateway(env?: Record<string, string>): Promise<Gateway>;
  token(userPrincipalName: string, scopes: string[]): Promise<string>;
  userId(userPrincipalName: string): Promise<string>;
  /** Avery's mobile phone, added (as an admin) when the demo user has no phone yet. */
  averyPhone(): Promise<{ id: string; phoneNumber: string }>;
  sql(): pg.Pool;
  /** Ctrl-C: stops the embedded database at once, synchronously. */
  abort(): void;
  close(): Promise<void>;
}

export function createBenchContext(): BenchContext {
  let storage: Storage | undefined;
  let primary: Promise<Gateway> | undefined;
  const started: Gateway[] = [];
  let pool: pg.Pool | undefined;
  const tokens = createTokenService({ secret: SECRETS.JWT_SECRET, issuer: "authgate", audience: "authgate-api", ttlSeconds: 3600, clock: systemClock });
  let phone: Promise<{ id: string; phoneNumber: string }> | undefined;

  const context: BenchContext = {
    get storage() {
      if (!storage) throw new Error("storage is opened with the first gateway");
      return storage;
    },
    gateway() {
      primary ??= context.startGateway();
      return primary;
    },
    async startGateway(env) {
      storage ??= await openStorage();
      const gateway = await startGateway(storage, env);
      started.push(gateway);
      return gateway;
    },
    async userId(upn) {
      await context.gateway();
      const { rows } = await context.sql().query<{ id: string }>(`SELECT id FROM "User" WHERE "userPrincipalName" = $1`, [upn.toLowerCase()]);
      if (!rows[0]) throw new Error(`no user ${upn}`);
      return rows[0].id;
    },
    async token(upn, scopes) {
      return (await tokens.issue({ subject: await context.userId(upn), scopes })).token;
    },
    averyPhone() {
      phone ??= (async () => {
        const gateway = await context.gateway();
        const admin = await context.token(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
        const existing = await gateway.request(`query($u: ID!) { user(id: $u) { authentication { phoneMethods { id phoneNumber phoneType } } } }`, { u: AVERY }, { token: admin });
        if (existing.errors) throw new Error(`reading ${AVERY}'s phones: ${JSON.stringify(existing.errors)}`);
        const phones = existing.data.user.authentication.phoneMethods as { id: string; phoneNumber: string; phoneType: string }[];
        const mobile = phones.find((p) => p.phoneType === "mobile");
        if (mobile) return mobile;
        const added = await gateway.request(
          `mutation($u: ID, $input: PhoneMethodInput!) { addPhoneMethod(userId: $u, input: $input) { id phoneNumber } }`,
          { u: AVERY, input: { phoneNumber: "+1 2065550100", phoneType: "mobile" } },
          { token: admin },
        );
        if (added.errors) throw new Error(`adding a phone for ${AVERY}: ${JSON.stringify(added.errors)}`);
        return added.data.addPhoneMethod as { id: string; phoneNumber: string };
      })();
      return phone;
    },
    sql() {
      if (!pool) {
        pool = new pg.Pool({ connectionString: context.storage.connectionString(), max: 2 });
        // An idle connection ended by the server (it stops at the end, or on Ctrl-C) is no error of the bench's.
        pool.on("error", () => {});
      }
      return pool;
    },
    abort() {
      storage?.abort();
    },
    async close() {
      await pool?.end().catch(() => {});
      await Promise.all(started.map((g) => g.stop()));
      await storage?.dispose();
    },
  };
  return context;
}
