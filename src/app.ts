import "reflect-metadata";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import express from "express";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { useServer } from "graphql-ws/use/ws";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { createAuthenticator } from "./auth/authenticate.js";
import { createTokenService, type TokenService } from "./auth/token-service.js";
import type { Config } from "./config/config.js";
import { loadOrCreateLocalSecrets } from "./config/local-secrets.js";
import { openDatabase, type Database } from "./db/database.js";
import { createErrorFormatter } from "./errors/format-error.js";
import { createInProcessEventBus, type EventBus } from "./events/event-bus.js";
import { createContextFactory, type GraphQLContext } from "./graphql/context.js";
import { queryLimitsPlugin } from "./graphql/query-limits.js";
import { buildGatewaySchema } from "./graphql/schema.js";
import { systemClock, type Clock } from "./lib/clock.js";
import { createPasswordHasher, type PasswordHasher } from "./lib/password-hasher.js";
import { createLogger, type Logger } from "./logging/logger.js";
import { AuthenticationResolver } from "./modules/authentication/authentication.resolver.js";
import { createPhoneMethodsRepository } from "./modules/phone-methods/phone-methods.repository.js";
import { PhoneMethodsResolver } from "./modules/phone-methods/phone-methods.resolver.js";
import { createPhoneMethodsService } from "./modules/phone-methods/phone-methods.service.js";
import { createPolicyRepository } from "./modules/policy/policy.repository.js";
import { PolicyResolver } from "./modules/policy/policy.resolver.js";
import { createPolicyService } from "./modules/policy/policy.service.js";
import { createUsersRepository } from "./modules/users/users.repository.js";
import { UsersResolver } from "./modules/users/users.resolver.js";
import { createUsersService } from "./modules/users/users.service.js";
import { seedDemoDirectory } from "./seed/demo-directory.js";

export interface AppOptions {
  logger?: Logger;
  clock?: Clock;
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
  stop(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Builds the services from their parts without serving: shared by the server and the CLI tools. */
export async function createCore(config: Config, options: AppOptions = {}) {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const needsLocalSecrets = !config.jwt.secret && !config.jwt.jwksUrl;
  const local = needsLocalSecrets || !config.encryptionKey ? await loadOrCreateLocalSecrets(config.dataDir) : undefined;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const hasher = createPasswordHasher(config.passwordHashing);
  const tokens = createTokenService({
    secret: config.jwt.secret ?? (config.jwt.jwksUrl ? undefined : local!.jwtSecret),
    jwksUrl: config.jwt.jwksUrl,
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
    ttlSeconds: config.jwt.accessTokenTtlSeconds,
    clock,
  });
  return { logger, clock, database, hasher, tokens, encryptionKey: config.encryptionKey ?? local!.encryptionKey };
}

/** The composition root: database, pub/sub, repositories, services, resolvers, HTTP and WebSocket. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const core = await createCore(config, options);
  const { logger, clock, database, hasher, tokens } = core;
  const { prisma } = database;

  if (config.seedDemo && database.kind === "embedded") {
    const seeded = await seedDemoDirectory(prisma, hasher);
    if (seeded.created) options.onSeeded?.(seeded.passwords);
  }

  const events = createInProcessEventBus();
  const usersRepo = createUsersRepository(prisma);
  const users = createUsersService({ repo: usersRepo, hasher, clock });
  const policy = createPolicyService({ repo: createPolicyRepository(prisma) });
  const phones = createPhoneMethodsService({ repo: createPhoneMethodsRepository(prisma), users, policy, events });

  const schema = await buildGatewaySchema([
    new UsersResolver(users),
    new AuthenticationResolver(phones),
    new PhoneMethodsResolver(phones),
    new PolicyResolver(policy),
  ]);

  const createContext = createContextFactory([users.createLoaders, policy.createLoaders, phones.createLoaders]);
  const authenticate = createAuthenticator({
    tokens,
    source: {
      async findUserForToken(userId) {
        if (!UUID.test(userId)) return null;
        const user = await usersRepo.findUserById(userId);
        if (!user) return null;
        const roles = await usersRepo.findDirectoryRolesByUserIds([userId]);
        return { tokensValidAfter: user.tokensValidAfter, directoryRoles: roles.map((r) => r.role) };
      },
    },
  });

  const expressApp = express();
  expressApp.disable("x-powered-by");
  const httpServer: Server = createServer(expressApp);
  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql" });
  const formatError = createErrorFormatter(logger);

  const wsCleanup = useServer<Record<string, unknown>, { context?: GraphQLContext }>(
    {
      schema,
      onConnect: async (ctx) => {
        try {
          ctx.extra.context = createContext(await authenticate(ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization));
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx) => createContext(ctx.extra.context!.viewer),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => {
        const formatted = formatError(e.toJSON ? e.toJSON() : (e as never), e);
        return new GraphQLError(formatted.message, { path: formatted.path, extensions: formatted.extensions });
      }),
    },
    wsServer,
  );

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      queryLimitsPlugin(config.limits),
      config.nodeEnv === "production"
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
    ],
  });
  await apollo.start();

  expressApp.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  expressApp.get("/readyz", async (_req, res) => {
    const ready = await database.isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "unavailable" });
  });
  expressApp.use(
    "/graphql",
    express.json({ limit: "100kb" }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(await authenticate(req.headers.authorization), String(req.headers["x-request-id"] ?? "") || undefined),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/graphql`;
  logger.info({ url, storage: database.kind }, "authgate listening");

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    config,
    database,
    tokens,
    hasher,
    events,
    schema,
    stop() {
      stopping ??= (async () => {
        await apollo.stop();
        await events.close();
        await database.close();
      })();
      return stopping;
    },
  };
}
