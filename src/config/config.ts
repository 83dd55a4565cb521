import proxyAddr from "proxy-addr";
import { z } from "zod";
import type { OperationLimits } from "../graphql/operation-limits.js";
import type { ScryptParameters } from "../lib/password-hasher.js";
import type { SignInLimits } from "../modules/sign-in/sign-in.service.js";
import type { WebSocketCaps } from "../server/websocket-server.js";
import { parseCorsOrigins, type CorsOrigins } from "../server/cors.js";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  /** Connections this process keeps to PostgreSQL (each instance; the embedded server allows 200 in all). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(20),
  DATA_DIR: z.string().default("./.data"),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  JWT_JWKS_URL: z.url().optional(),
  JWT_ISSUER: z.string().default("authgate"),
  JWT_AUDIENCE: z.string().default("authgate-api"),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(3600),
  /** Lifetime of each refresh token (a new one comes with every refresh). */
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(14 * 24 * 3600),
  SESSION_MAX_SECONDS: z.coerce.number().int().min(60).max(366 * 24 * 3600).default(30 * 24 * 3600),
  CALLER_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  /** Key material for encrypting secrets at rest (gateway credentials, pending work); 32+ chars. */
  ENCRYPTION_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  /** Seed the demo directory into a fresh embedded database; in production only when set to true. */
  SEED_DEMO: booleanFlag.optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** When set, GET /metrics requires `Authorization: Bearer <it>`. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** OTLP/HTTP collector base URL (traces go to <it>/v1/traces); tracing is off without it. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().default("authgate"),
  QUERY_MAX_DEPTH: z.coerce.number().int().positive().default(10),
  QUERY_MAX_COST: z.coerce.number().int().positive().default(5000),
  QUERY_MAX_TOKENS: z.coerce.number().int().positive().default(2000),
  QUERY_MAX_ALIASES: z.coerce.number().int().nonnegative().default(20),
  QUERY_MAX_DIRECTIVES: z.coerce.number().int().nonnegative().default(20),
  QUERY_MAX_FRAGMENT_SPREADS: z.coerce.number().int().nonnegative().default(50),
  /** Introspection (Sandbox, codegen); off by default in production, for every transport. */
  GRAPHQL_INTROSPECTION: booleanFlag.optional(),
  /** Largest HTTP body and largest WebSocket message, in bytes. */
  REQUEST_MAX_BYTES: z.coerce.number().int().min(1024).default(100 * 1024),
  WS_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().positive().default(50),
  WS_MAX_OPERATIONS_PER_CONNECTION: z.coerce.number().int().positive().default(100),
  WS_MAX_BUFFERED_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  /** Express "trust proxy": false (default), true, a hop count, or addresses/subnets (comma-separated). */
  TRUST_PROXY: z
    .string()
    .refine((value) => {
      if (/^(true|false|\d+)$/.test(value)) return true;
      try {
        proxyAddr.compile(value.split(",").map((part) => part.trim()));
        return true;
      } catch {
        return false;
      }
    }, "must be true, false, a hop count, or comma-separated addresses/subnets (e.g. loopback, 10.0.0.0/8)")
    .optional(),
  /** Browser apps on other origins that may call the API: exact origins, comma-separated, or "*" (not in production). */
  CORS_ORIGINS: z
    .string()
    .transform((value, ctx) => {
      const parsed = parseCorsOrigins(value);
      if ("origins" in parsed) return parsed.origins;
      ctx.addIssue({ code: "custom", message: parsed.problem });
      return z.NEVER;
    })
    .optional(),
  SCRYPT_COST: z.coerce.number().int().min(1024).default(131072),
  SCRYPT_BLOCK_SIZE: z.coerce.number().int().positive().default(8),
  SCRYPT_PARALLELIZATION: z.coerce.number().int().positive().default(1),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  SIGN_IN_LOCKOUT_SECONDS: z.coerce.number().int().positive().default(900),
  SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().positive().default(30),
  SIGN_IN_ADDRESS_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  SIGN_IN_MAX_IN_PROGRESS: z.coerce.number().int().positive().default(64),
  /** Days the audit trail keeps its events (housekeeping removes older ones). */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().positive().max(36_500).default(90),
  /** Password hashes computed at once (default: the machine's cores). */
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().positive().optional(),
  SMS_REVEAL_CODES_IN_LOG: booleanFlag.optional(),
  /** Development only: gateway endpoints on loopback/private addresses and plain http. */
  SMS_ALLOW_PRIVATE_ENDPOINTS: booleanFlag.optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  nodeEnv: Env["NODE_ENV"];
  port: number;
  host: string;
  databaseUrl?: string;
  databasePoolSize: number;
  dataDir: string;
  jwt: {
    secret?: string;
    jwksUrl?: string;
    issuer: string;
    audience: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    /** A sign-in session ends this long after it began, however often refreshed. */
    sessionMaxSeconds: number;
    /** How long a process may remember a token's caller between its requests (forgotten at once on any change to them); 0: never. */
    callerCacheSeconds: number;
  };
  encryptionKey?: string;
  seedDemo: boolean;
  logLevel: Env["LOG_LEVEL"];
  observability: { metricsToken?: string; otlpEndpoint?: string; serviceName: string };
  limits: OperationLimits;
  introspection: boolean;
  requestMaxBytes: number;
  webSocket: Omit<WebSocketCaps, "maxMessageBytes">;
  /** Which proxies to believe about the client's address (Express's `trust proxy` setting). */
  trustProxy: boolean | number | string;
  /** Origins whose browser apps may call the API (CORS, and the graphql-ws upgrade's Origin); none by default. */
  corsOrigins: CorsOrigins;
  passwordHashing: ScryptParameters;
  signIn: SignInLimits;
  audit: { retentionDays: number };
  sms: { revealCodesInLog: boolean; allowPrivateEndpoints: boolean };
}

export class ConfigError extends Error {}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** Parses the environment once; every problem is reported together. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set" (VAR= in a shell or a .env file).
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  const missing = [
    ...(production && !e.JWT_SECRET && !e.JWT_JWKS_URL ? ["  JWT_SECRET or JWT_JWKS_URL is required in production"] : []),
    // A key generated into DATA_DIR would sit beside the data it protects.
    ...(production && !e.ENCRYPTION_KEY ? ["  ENCRYPTION_KEY is required in production"] : []),
    // Production gateways are public https services; anything else is a way into the internal network (SSRF).
    ...(production && e.SMS_ALLOW_PRIVATE_ENDPOINTS ? ["  SMS_ALLOW_PRIVATE_ENDPOINTS must not be true in production"] : []),
    // Any website could then drive visitors' browsers against the API (sign-in guessing from their addresses, intranet reach).
    ...(production && e.CORS_ORIGINS === "*" ? ['  CORS_ORIGINS must list origins in production, not "*"'] : []),
  ];
  if (missing.length) throw new ConfigError(`Invalid configuration:\n${missing.join("\n")}`);
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir: e.DATA_DIR,
    jwt: {
      secret: e.JWT_SECRET,
      jwksUrl: e.JWT_JWKS_URL,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
      callerCacheSeconds: e.CALLER_CACHE_SECONDS,
      sessionMaxSeconds: e.SESSION_MAX_SECONDS,
    },
    encryptionKey: e.ENCRYPTION_KEY,
    seedDemo: e.SEED_DEMO ?? !production,
    logLevel: e.LOG_LEVEL,
    observability: { metricsToken: e.METRICS_TOKEN, otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: e.OTEL_SERVICE_NAME },
    limits: {
      maxDepth: e.QUERY_MAX_DEPTH,
      maxCost: e.QUERY_MAX_COST,
      maxTokens: e.QUERY_MAX_TOKENS,
      maxAliases: e.QUERY_MAX_ALIASES,
      maxDirectives: e.QUERY_MAX_DIRECTIVES,
      maxFragmentSpreads: e.QUERY_MAX_FRAGMENT_SPREADS,
    },
    introspection: e.GRAPHQL_INTROSPECTION ?? !production,
    requestMaxBytes: e.REQUEST_MAX_BYTES,
    webSocket: {
      maxConnectionsPerAddress: e.WS_MAX_CONNECTIONS_PER_ADDRESS,
      maxOperationsPerConnection: e.WS_MAX_OPERATIONS_PER_CONNECTION,
      maxBufferedBytes: e.WS_MAX_BUFFERED_BYTES,
    },
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    corsOrigins: e.CORS_ORIGINS ?? [],
    passwordHashing: {
      cost: e.SCRYPT_COST,
      blockSize: e.SCRYPT_BLOCK_SIZE,
      parallelization: e.SCRYPT_PARALLELIZATION,
      maxConcurrent: e.PASSWORD_HASH_CONCURRENCY,
    },
    signIn: {
      maxFailures: e.SIGN_IN_MAX_FAILURES,
      lockoutSeconds: e.SIGN_IN_LOCKOUT_SECONDS,
      maxAttemptsPerAddress: e.SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS,
      addressWindowSeconds: e.SIGN_IN_ADDRESS_WINDOW_SECONDS,
      maxInProgress: e.SIGN_IN_MAX_IN_PROGRESS,
    },
    audit: { retentionDays: e.AUDIT_RETENTION_DAYS },
    sms: { revealCodesInLog: e.SMS_REVEAL_CODES_IN_LOG ?? e.NODE_ENV === "development", allowPrivateEndpoints: e.SMS_ALLOW_PRIVATE_ENDPOINTS ?? false },
  };
}
