import type { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express } from "express";
import { GraphQLError } from "graphql";
import type { Config } from "../config/config.js";
import type { GraphQLContext } from "../graphql/context.js";
import type { OperationGate } from "../graphql/operation-gate.js";
import type { Logger } from "../logging/logger.js";
import { corsHandlers } from "./cors.js";
import { finalErrorHandler, graphqlRequestErrorHandler } from "./json-errors.js";
import { mountWebConsole } from "./web-console.js";
import { enterRequestContext, mountMetrics, requestLogOf, requestTelemetry, withRequestLog } from "./request-telemetry.js";
import type { Telemetry } from "../observability/telemetry.js";
import { noteRequestOfErrors } from "../logging/request-context.js";

/** Express with the settings every route shares, the health endpoints and CORS for /graphql (the API and the console: `mountGraphQL`). */
export function createHttpApp(deps: { trustProxy: Config["trustProxy"]; corsOrigins: Config["corsOrigins"]; isDraining: () => boolean; isReady: () => Promise<boolean>; telemetry?: { telemetry: Telemetry; logger: Logger; metricsToken?: string } }): Express {
  const app = express();
  app.disable("x-powered-by");
  // API answers are not cached by validators: no hashing every response body for an ETag.
  app.disable("etag");
  app.set("trust proxy", deps.trustProxy);
  const observed = deps.telemetry;
  if (observed) {
    app.use(requestTelemetry({ metrics: observed.telemetry.metrics, tracer: observed.telemetry.tracer, logger: observed.logger }));
    // Before the console's catch-all of page paths.
    mountMetrics(app, { metrics: observed.telemetry.metrics, token: observed.metricsToken });
  }
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const ready = !deps.isDraining() && (await deps.isReady());
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "unavailable" });
  });
  // Before Apollo (mounted later): preflights are answered here, and even refusals carry the CORS headers.
  app.use("/graphql", ...corsHandlers(deps.corsOrigins));
  return app;
}

/**
 * /graphql through Apollo: refused while draining, JSON bodies up to the limit, every failure
 * answered in JSON; then the web console (after the API, which is most requests: they don't pass
 * through its routes).
 */
export function mountGraphQL(
  app: Express,
  deps: { apollo: ApolloServer<GraphQLContext>; gate: OperationGate; requestMaxBytes: number; isDraining: () => boolean; logger: Logger },
) {
  app.use(
    "/graphql",
    (_req, res, next) => {
      // Answers carry tokens and personal data: never kept by a browser or a proxy.
      res.setHeader("cache-control", "no-store");
      if (!deps.isDraining()) return next();
      res.status(503).set("connection", "close").set("retry-after", "5").json({ errors: [{ message: "The server is shutting down", extensions: { code: "INTERNAL_SERVER_ERROR", reason: "shuttingDown" } }] });
    },
    express.json({ limit: deps.requestMaxBytes }),
    enterRequestContext(deps.gate.isQuery),
    expressMiddleware(deps.apollo, {
      context: async ({ req }) => {
        const request = requestLogOf(req);
        try {
          return withRequestLog(await deps.gate.contextFor({ authorization: req.headers.authorization, requestId: request?.requestId, clientAddress: req.ip }), request);
        } catch (error) {
          // Refused before Apollo's plugins run (a bad token): the access line and metrics say why.
          if (request && error instanceof GraphQLError) request.outcome = String(error.extensions.code ?? "INTERNAL_SERVER_ERROR");
          noteRequestOfErrors([error], request);
          throw error;
        }
      },
    }),
  );
  app.use("/graphql", graphqlRequestErrorHandler(deps.logger));
  mountWebConsole(app);
  // What is neither the API nor a page of the console: JSON, like every other answer.
  app.use((_req, res) => void res.status(404).json({ error: "Not found" }));
  app.use(finalErrorHandler(deps.logger));
}
