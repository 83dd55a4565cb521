import "reflect-metadata";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import express from "express";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { GraphQLSchema } from "graphql";
import proxyAddr from "proxy-addr";
import { createAuthenticator } from "./auth/authenticate.js";
import { createTokenService, type TokenService } from "./auth/token-service.js";
import type { Config } from "./config/config.js";
import { loadOrCreateLocalSecrets } from "./config/local-secrets.js";
import { openDatabase, type Database } from "./db/database.js";
import { createErrorFormatter } from "./errors/format-error.js";
import { createSecretBox, deriveKey } from "./crypto/secret-box.js";
import type { EventBus } from "./events/event-bus.js";
import { createPostgresEventBus } from "./events/postgres-event-bus.js";
import { createContextFactory, type GraphQLContext } from "./graphql/context.js";
import { createOperationGate } from "./graphql/operation-gate.js";
import { createGraphQLWebSocketServer } from "./graphql/websocket-server.js";
import { finalErrorHandler, graphqlRequestErrorHandler } from "./http/json-errors.js";
import { createSharedSubscribe } from "./graphql/subscription-execution.js";
import { createLiveSessions } from "./graphql/live-sessions.js";
import { buildGatewaySchema } from "./graphql/schema.js";
import { systemClock, type Clock } from "./lib/clock.js";
import { createPasswordHasher, type PasswordHasher } from "./lib/password-hasher.js";
import { createLogger, type Logger } from "./logging/logger.js";
import { AuthenticationResolver } from "./modules/authentication/authentication.resolver.js";
import { createMethodChangesFeed } from "./modules/authentication/method-changes.js";
import { createOperationsRepository } from "./modules/operations/operations.repository.js";
import { createOperationsService } from "./modules/operations/operations.service.js";
import { PasswordMethodsResolver } from "./modules/password-methods/password-methods.resolver.js";
import { createPasswordResetService } from "./modules/password-methods/password-reset.service.js";
import { createPasswordResetWorker, type WorkerOptions } from "./modules/password-methods/password-reset.worker.js";
import { SignInResolver } from "./modules/sign-in/sign-in.resolver.js";
import { createSignInService } from "./modules/sign-in/sign-in.service.js";
import { SubscriptionsResolver } from "./modules/subscriptions.resolver.js";
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
import { createSmsOutbox, createSmsSenderFactory, type SmsOutbox } from "./connectors/sms/sms-sender.js";
import { createEndpointGuard } from "./connectors/sms/endpoint-guard.js";
import { createSmsGatewaysRepository } from "./modules/sms-gateways/sms-gateways.repository.js";
import { SmsGatewaysResolver } from "./modules/sms-gateways/sms-gateways.resolver.js";
import { createSmsGatewaysService } from "./modules/sms-gateways/sms-gateways.service.js";
import { createDirectorySettingsRepository } from "./modules/directory-settings/directory-settings.repository.js";
import { DirectorySettingsResolver } from "./modules/directory-settings/directory-settings.resolver.js";
import { createDirectorySettingsService } from "./modules/directory-settings/directory-settings.service.js";
import { createSmsDestinationPolicy } from "./modules/directory-settings/sms-destination-policy.js";
import { createCodeHasher } from "./modules/one-time-codes/challenge-codes.js";
import { createChallengeTokens } from "./modules/one-time-codes/challenge-tokens.js";
import { createCodeChallenges } from "./modules/one-time-codes/code-challenges.js";
import { createOneTimeCodesRepository } from "./modules/one-time-codes/one-time-codes.repository.js";
import { OneTimeCodesResolver } from "./modules/one-time-codes/one-time-codes.resolver.js";
import { createOneTimeCodesService } from "./modules/one-time-codes/one-time-codes.service.js";
import { createCodeGuessBudget } from "./modules/one-time-codes/code-guess-budget.js";
import { createSmsDeliveriesRepository } from "./modules/one-time-codes/sms-deliveries.repository.js";
import { createSmsDeliveryWorker, type SmsDeliveryWorkerOptions } from "./modules/one-time-codes/sms-delivery.worker.js";
import { createRateLimiter } from "./modules/rate-limits/rate-limiter.js";
import { createRateLimitsRepository } from "./modules/rate-limits/rate-limits.repository.js";
import { createHousekeeping, type Housekeeping } from "./modules/housekeeping/housekeeping.js";
import { isUuid } from "./lib/uuid.js";

export interface AppOptions {
  logger?: Logger;
  clock?: Clock;
  workerOptions?: WorkerOptions;
  /** Background SMS delivery (SMS sign-in codes), e.g. `enabled: false` to leave the queue undrained. */
  smsDeliveryOptions?: SmsDeliveryWorkerOptions;
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
  try {
    return await serve(config, options, core);
  } catch (error) {
    // A server that can't start (port taken, bad gateway settings...) leaves no database running.
    await core.database.close();
    throw error;
  }
}

async function serve(config: Config, options: AppOptions, core: Awaited<ReturnType<typeof createCore>>): Promise<App> {
  const { logger, clock, database, hasher, tokens } = core;
  const { prisma } = database;

  if (config.seedDemo && database.kind === "embedded") {
    const seeded = await seedDemoDirectory(prisma, hasher);
    if (seeded.created) options.onSeeded?.(seeded.passwords);
  }

  // Several instances may share the database (embedded or not), so events travel through LISTEN/NOTIFY.
  const events = await createPostgresEventBus(database.connectionString, logger);
  const box = createSecretBox(deriveKey(core.encryptionKey, "operations.payload"));
  const usersRepo = createUsersRepository(prisma);
  const users = createUsersService({ repo: usersRepo, hasher, clock, events });
  const policy = createPolicyService({ repo: createPolicyRepository(prisma) });
  const phones = createPhoneMethodsService({ repo: createPhoneMethodsRepository(prisma), users, policy, events });
  const operationsRepo = createOperationsRepository(prisma);
  const operations = createOperationsService({ repo: operationsRepo, users, events });
  const resetWorker = createPasswordResetWorker({
    operations: operationsRepo,
    operationsService: operations,
    users,
    hasher,
    box,
    clock,
    events,
    logger,
    options: options.workerOptions,
  });
  const resets = createPasswordResetService({ operations: operationsRepo, operationsService: operations, users, box, clock, onQueued: resetWorker.kick });
  const smsOutbox = createSmsOutbox();
  const smsEndpointGuard = createEndpointGuard({ allowPrivateEndpoints: config.sms.allowPrivateEndpoints });
  const gateways = createSmsGatewaysService({
    repo: createSmsGatewaysRepository(prisma),
    secretBox: createSecretBox(deriveKey(core.encryptionKey, "sms-gateway.credentials")),
    createSender: createSmsSenderFactory({ outbox: smsOutbox, logger, revealCodesInLog: config.sms.revealCodesInLog, endpointGuard: smsEndpointGuard, now: () => clock.now() }),
    endpointGuard: smsEndpointGuard,
    logger,
  });
  const settings = createDirectorySettingsService({ repo: createDirectorySettingsRepository(prisma), gateways, users, phones });
  const codesRepo = createOneTimeCodesRepository(prisma);
  const smsDeliveriesRepo = createSmsDeliveriesRepository(prisma);
  const rateLimitsRepo = createRateLimitsRepository(prisma);
  const rateLimiter = createRateLimiter({ buckets: rateLimitsRepo, clock });
  const destinationPolicy = createSmsDestinationPolicy({ rateLimiter, logger });
  const housekeeping = createHousekeeping({
    sweeps: [
      { name: "challengesAndTokens", run: codesRepo.deleteExpiredChallengesAndTokens },
      { name: "rateLimitBuckets", run: rateLimitsRepo.deleteEndedBuckets },
      // Wrong-code logs are kept for their 24-hour window, delivery outcomes a week for administrators.
      { name: "codeGuessLogs", run: (before) => codesRepo.deleteIdleGuessLogs(new Date(before.getTime() - 24 * 3_600_000)) },
      { name: "smsDeliveries", run: (before) => smsDeliveriesRepo.deleteDeliveriesCreatedBefore(new Date(before.getTime() - 7 * 24 * 3_600_000)) },
    ],
    clock,
    logger,
  });
  const signIn = createSignInService({
    users,
    hasher,
    tokens,
    rateLimiter,
    lockout: config.signIn,
    requiredActionsFor: settings.requiredActionsFor,
    isPasswordSignInEnabled: settings.isPasswordSignInEnabled,
  });
  const codes = createOneTimeCodesService({
    challenges: createCodeChallenges({
      store: codesRepo,
      hasher: createCodeHasher(deriveKey(core.encryptionKey, "one-time-codes.hash")),
      clock,
      ttlSeconds: 600,
      maxAttempts: 5,
      guessBudget: createCodeGuessBudget({ store: codesRepo, clock }),
    }),
    challengeTokens: createChallengeTokens({ store: codesRepo, clock, ttlSeconds: 300 }),
    rateLimiter,
    users,
    phones,
    settings,
    gateways,
    destinationPolicy,
    signInQueue: codesRepo,
    deliveries: smsDeliveriesRepo,
    box: createSecretBox(deriveKey(core.encryptionKey, "sms-deliveries.message")),
    onQueued: () => smsDeliveryWorker.kickSoon(),
    backgroundScope: () => createContext({ kind: "anonymous" }),
    issueUserToken: signIn.issueUserToken,
    clock,
    logger,
  });
  const smsDeliveryWorker = createSmsDeliveryWorker({ repo: smsDeliveriesRepo, deliver: codes.deliverQueuedCode, clock, logger, options: options.smsDeliveryOptions });

  const schema = await buildGatewaySchema([
    new UsersResolver(users),
    new AuthenticationResolver(phones, operations),
    new PhoneMethodsResolver(phones),
    new PolicyResolver(policy),
    new PasswordMethodsResolver(resets),
    new SignInResolver(signIn),
    new SmsGatewaysResolver(gateways),
    new DirectorySettingsResolver(settings, gateways),
    new OneTimeCodesResolver(codes),
    new SubscriptionsResolver(),
  ]);

  const createContext = createContextFactory([users.createLoaders, policy.createLoaders, phones.createLoaders, operations.createLoaders, gateways.createLoaders], {
    followOperation: operations.followOperation,
    followMethodChanges: createMethodChangesFeed({ users, events }),
  });
  const authenticate = createAuthenticator({
    tokens,
    source: {
      async findUserForToken(userId) {
        if (!isUuid(userId)) return null;
        const user = await usersRepo.findUserWithDirectoryRoles(userId);
        return user && { tokensValidAfter: user.tokensValidAfter, directoryRoles: user.directoryRoles.map((r) => r.role) };
      },
    },
  });

  // Set on stop: new requests and connections are refused while in-flight work finishes.
  let draining = false;
  const expressApp = express();
  expressApp.disable("x-powered-by");
  expressApp.set("trust proxy", config.trustProxy);
  const httpServer: Server = createServer(expressApp);
  // Idle kept-alive sockets outlive a load balancer's idle timeout (60 s on common ones), so
  // the balancer, not this server, closes them: no request lost to a race with the close.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const gate = createOperationGate({
    schema,
    limits: config.limits,
    introspection: config.introspection,
    authenticate,
    createContext,
    formatError: createErrorFormatter(logger),
  });

  const liveSessions = createLiveSessions(events, clock);
  const trustedProxy = expressApp.get("trust proxy fn") as Parameters<typeof proxyAddr>[1];
  const webSocket = createGraphQLWebSocketServer({
    httpServer,
    gate,
    subscribe: createSharedSubscribe(new Set(["operationStatusChanged"])),
    liveSessions,
    caps: { ...config.webSocket, maxMessageBytes: config.requestMaxBytes },
    clientAddressOf: (request) => proxyAddr(request, trustedProxy),
    isDraining: () => draining,
    logger,
  });

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    ...gate.apollo,
    // Introspection is refused by the gate's validation rules, the same way on every transport.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { async drainServer() { await webSocket.dispose(); } }; } },
      ...gate.apollo.plugins,
      config.nodeEnv === "production"
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
    ],
  });
  await apollo.start();
  await resetWorker.start();
  await smsDeliveryWorker.start();
  housekeeping.start();

  expressApp.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  expressApp.get("/readyz", async (_req, res) => {
    const ready = !draining && (await database.isReady());
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "unavailable" });
  });
  expressApp.use(
    "/graphql",
    (_req, res, next) => {
      if (!draining) return next();
      res.status(503).set("connection", "close").set("retry-after", "5").json({ errors: [{ message: "The server is shutting down", extensions: { code: "INTERNAL_SERVER_ERROR", reason: "shuttingDown" } }] });
    },
    express.json({ limit: config.requestMaxBytes }),
    expressMiddleware(apollo, {
      context: ({ req }) =>
        gate.contextFor({ authorization: req.headers.authorization, requestId: String(req.headers["x-request-id"] ?? "") || undefined, clientAddress: req.ip }),
    }),
  );
  expressApp.use("/graphql", graphqlRequestErrorHandler(logger));
  expressApp.use(finalErrorHandler(logger));

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
    smsOutbox,
    housekeeping,
    webSocketConnections: webSocket.connectionCount,
    stop() {
      stopping ??= (async () => {
        // Stop accepting first, then finish (or hand back) the work in flight, then close
        // subscriptions and connections.
        draining = true;
        housekeeping.stop();
        await Promise.all([resetWorker.stop(), smsDeliveryWorker.stop()]);
        await apollo.stop();
        await liveSessions.close();
        await events.close();
        await database.close();
        await smsEndpointGuard.close();
      })();
      return stopping;
    },
  };
}
