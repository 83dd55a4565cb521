import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { createAuthenticator } from "./auth/authenticate.js";
import type { TokenService } from "./auth/token-service.js";
import { createCore, type Core, type CoreOptions } from "./composition/core.js";
import { createFeatures, type FeatureOptions } from "./composition/features.js";
import type { Config } from "./config/config.js";
import type { Database } from "./db/database.js";
import type { SmsOutbox } from "./connectors/sms/index.js";
import { createErrorFormatter } from "./errors/format-error.js";
import type { EventBus } from "./events/event-bus.js";
import { createPostgresEventBus } from "./events/postgres-event-bus.js";
import { createContextFactory } from "./graphql/context.js";
import { createOperationGate } from "./graphql/operation-gate.js";
import { buildGatewaySchema } from "./graphql/schema.js";
import type { PasswordHasher } from "./lib/password-hasher.js";
import type { Housekeeping } from "./modules/housekeeping/housekeeping.js";
import { ARGUMENT_SCHEMAS, RESOLVERS } from "./modules/index.js";
import { clusterExists } from "./db/embedded-cluster.js";
import { createPasswordHasher } from "./lib/password-hasher.js";
import { createDemoCredentials, seedDemoDirectory } from "./seed/demo-directory.js";
import { startServer } from "./server/start-server.js";
import { traceRootResolvers } from "./observability/traced-resolvers.js";

export interface AppOptions extends CoreOptions, FeatureOptions {
  /** Print the demo passwords when a fresh embedded database is seeded (npm start). */
  onSeeded?: (passwords: Record<string, string>) => void;
}

export interface App {
  url: string;
  port: number;
  config: Config;
  database: Database;
  tokens: TokenService;
  hasher: PasswordHasher;
  events: EventBus;
  schema: GraphQLSchema;
  /** Messages the `console` SMS provider "sent" (development tools and tests read codes here). */
  smsOutbox: SmsOutbox;
  housekeeping: Housekeeping;
  /** Open graphql-ws connections in this process. */
  webSocketConnections(): number;
  stop(): Promise<void>;
}

/** The gateway: the features (src/composition) behind one GraphQL schema, served over HTTP and WebSocket (src/server). */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const seedDemo = config.seedDemo && !config.databaseUrl;
  // A new embedded database will be seeded: hash the demo passwords while it is created.
  const demoCredentials = seedDemo && !clusterExists(config.dataDir) ? createDemoCredentials(createPasswordHasher(config.passwordHashing)) : undefined;
  demoCredentials?.catch(() => {});
  const core = await createCore(config, options);
  let events: EventBus | undefined;
  try {
    if (seedDemo) {
      const seeded = await seedDemoDirectory(core.database.prisma, core.hasher, demoCredentials);
      if (seeded.created) options.onSeeded?.(seeded.passwords);
    }
    // Several instances may share the database (embedded or not), so events travel through LISTEN/NOTIFY.
    events = await createPostgresEventBus(core.database.connectionString, core.logger);
    return await serve(config, options, core, events);
  } catch (error) {
    // A server that can't start (port taken, bad settings...) leaves no database server running.
    await events?.close();
    await core.database.close();
    throw error;
  }
}

async function serve(config: Config, options: AppOptions, core: Core, events: EventBus): Promise<App> {
  const { logger, database } = core;
  const features = createFeatures(core, { config, events, workerOptions: options.workerOptions, smsDeliveryOptions: options.smsDeliveryOptions });
  const schema = await buildGatewaySchema(RESOLVERS, ARGUMENT_SCHEMAS, features.services);
  if (core.telemetry.tracer) traceRootResolvers(schema, core.telemetry.tracer);
  const gate = createOperationGate({
    schema,
    limits: config.limits,
    introspection: config.introspection,
    authenticate: createAuthenticator({ tokens: core.tokens, source: features.services.users }),
    createContext: createContextFactory(features.feeds),
    formatError: createErrorFormatter(logger),
  });

  const server = await startServer({
    config,
    schema,
    gate,
    events,
    clock: core.clock,
    logger,
    isReady: () => database.isReady(),
    background: features,
    telemetry: { telemetry: core.telemetry, probes: { passwordResetQueue: features.passwordResetQueue, databasePool: database.poolStats } },
    async release() {
      await events.close();
      await database.close();
      await features.close();
    },
  });
  logger.info({ url: server.url, storage: database.kind }, "authgate listening");

  return {
    url: server.url,
    port: server.port,
    config,
    database,
    tokens: core.tokens,
    hasher: core.hasher,
    events,
    schema,
    smsOutbox: features.smsOutbox,
    housekeeping: features.housekeeping,
    webSocketConnections: server.webSocketConnections,
    stop: server.stop,
  };
}
