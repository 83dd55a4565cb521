import type { GraphQLSchema } from "graphql";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import proxyAddr from "proxy-addr";
import type { Config } from "../config/config.js";
import type { EventBus } from "../events/event-bus.js";
import type { OperationGate } from "../graphql/operation-gate.js";
import { createSharedSubscribe } from "../graphql/subscription-execution.js";
import type { GraphQLContext } from "../graphql/context.js";
import type { Clock } from "../lib/clock.js";
import type { Logger } from "../logging/logger.js";
import { createApolloServer } from "./apollo.js";
import { webSocketOriginAllowed } from "./cors.js";
import { createHttpApp, mountGraphQL } from "./http-app.js";
import { createLiveSessions } from "./live-sessions.js";
import { createGraphQLWebSocketServer } from "./websocket-server.js";
import { createWebSocketTelemetry } from "./websocket-telemetry.js";
import type { MetricProbes } from "../observability/metrics.js";
import type { Telemetry } from "../observability/telemetry.js";

export interface RunningServer {
  url: string;
  port: number;
  /** Open graphql-ws connections in this process. */
  webSocketConnections(): number;
  stop(): Promise<void>;
}

/** Work that runs beside serving (queue workers, housekeeping): started once serving is ready, stopped first. */
export interface BackgroundWork {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Serves the operation gate over HTTP (Apollo) and WebSocket (graphql-ws) on one port, with the
 * health endpoints, and runs the process's life: the background work starts once the server
 * can answer, and stop() refuses new requests and connections, finishes (or hands back) the
 * work in flight, closes subscriptions and connections, then `release`s what they used.
 */
export async function startServer(deps: {
  config: Config;
  schema: GraphQLSchema;
  gate: OperationGate;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  isReady: () => Promise<boolean>;
  background: BackgroundWork;
  /** Called last on stop: the event bus, the database, the connectors. */
  release: () => Promise<void>;
  /** Metrics (GET /metrics), traces and access lines; `probes` are read on scrape. */
  telemetry?: { telemetry: Telemetry; probes: Pick<MetricProbes, "passwordResetQueue" | "databasePool"> };
}): Promise<RunningServer> {
  const { config, gate, logger, background } = deps;
  // Set on stop: new requests and connections are refused while in-flight work finishes.
  let draining = false;
  const isDraining = () => draining;

  const telemetry = deps.telemetry?.telemetry;
  const expressApp = createHttpApp({
    trustProxy: config.trustProxy,
    corsOrigins: config.corsOrigins,
    isDraining,
    isReady: deps.isReady,
    telemetry: telemetry && { telemetry, logger, metricsToken: config.observability.metricsToken },
  });
  const httpServer = createServer(expressApp);
  // Idle kept-alive sockets outlive a load balancer's idle timeout (60 s on common ones), so
  // the balancer, not this server, closes them: no request lost to a race with the close.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;

  const liveSessions = createLiveSessions(deps.events, deps.clock);
  const trustedProxy = expressApp.get("trust proxy fn") as Parameters<typeof proxyAddr>[1];
  // Root fields whose result depends on the event alone (permission is checked on subscribe).
  const sharedSubscribe = createSharedSubscribe(new Set(["operationStatusChanged", "authenticationMethodsChanged"]));
  const wsTelemetry = telemetry && createWebSocketTelemetry({ metrics: telemetry.metrics, tracer: telemetry.tracer, logger });
  const webSocket = createGraphQLWebSocketServer({
    httpServer,
    gate,
    subscribe: async (args) => {
      const stream = await sharedSubscribe(args);
      // What was read to authorise the subscription is not kept for its lifetime (memory per subscriber).
      (args.contextValue as GraphQLContext).loaders.clear();
      return stream;
    },
    liveSessions,
    caps: { ...config.webSocket, maxMessageBytes: config.requestMaxBytes },
    clientAddressOf: (request) => proxyAddr(request, trustedProxy),
    originAllowed: (request) => webSocketOriginAllowed(config.corsOrigins, request),
    isDraining,
    logger,
    telemetry: wsTelemetry,
  });
  if (telemetry && wsTelemetry) {
    telemetry.metrics.setProbes({ ...deps.telemetry!.probes, webSocketConnections: webSocket.connectionCount, activeSubscriptions: wsTelemetry.activeSubscriptions });
  }
  const apollo = createApolloServer({ schema: deps.schema, gate, httpServer, webSocket, landingPage: config.nodeEnv !== "production" });
  await apollo.start();
  await background.start();
  mountGraphQL(expressApp, { apollo, gate, requestMaxBytes: config.requestMaxBytes, isDraining, logger });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;

  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    webSocketConnections: webSocket.connectionCount,
    stop() {
      stopping ??= (async () => {
        const started = performance.now();
        logger.info({ webSocketConnections: webSocket.connectionCount() }, "shutting down: refusing new requests, finishing the work in flight");
        draining = true;
        await background.stop();
        await apollo.stop();
        await liveSessions.close();
        await deps.release();
        await telemetry?.shutdown();
        logger.info({ durationMs: Math.round(performance.now() - started) }, "stopped");
      })();
      return stopping;
    },
  };
}
