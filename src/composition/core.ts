import { createTokenService } from "../auth/token-service.js";
import type { Config } from "../config/config.js";
import { loadOrCreateLocalSecrets } from "../config/local-secrets.js";
import { openDatabase } from "../db/database.js";
import { systemClock, type Clock } from "../lib/clock.js";
import { createPasswordHasher } from "../lib/password-hasher.js";
import { createLogger, type Logger } from "../logging/logger.js";
import { createTelemetry } from "../observability/telemetry.js";

export interface CoreOptions {
  logger?: Logger;
  clock?: Clock;
  /** Traces go to this provider's processors (tests: an in-memory exporter), whatever the configuration says. */
  tracerProvider?: import("@opentelemetry/api").TracerProvider;
}

/**
 * What everything else is built on, from the configuration: logger, clock, database, password
 * hasher, token service and the encryption key. The CLI tools use it alone; the server builds the
 * features on it (./features.ts).
 */
export async function createCore(config: Config, options: CoreOptions = {}) {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const needsLocalSecrets = !config.jwt.secret && !config.jwt.jwksUrl;
  const local = needsLocalSecrets || !config.encryptionKey ? await loadOrCreateLocalSecrets(config.dataDir) : undefined;
  const telemetry = await createTelemetry(config, { tracerProvider: options.tracerProvider });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize, tracer: telemetry.tracer });
  const hasher = createPasswordHasher(config.passwordHashing);
  const tokens = createTokenService({
    secret: config.jwt.secret ?? (config.jwt.jwksUrl ? undefined : local!.jwtSecret),
    jwksUrl: config.jwt.jwksUrl,
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
    ttlSeconds: config.jwt.accessTokenTtlSeconds,
    clock,
  });
  return { logger, telemetry, clock, database, hasher, tokens, encryptionKey: config.encryptionKey ?? local!.encryptionKey };
}

export type Core = Awaited<ReturnType<typeof createCore>>;
