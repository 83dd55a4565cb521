import type { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express } from "express";
import type { Config } from "../config/config.js";
import type { GraphQLContext } from "../graphql/context.js";
import type { OperationGate } from "../graphql/operation-gate.js";
import type { Logger } from "../logging/logger.js";
import { finalErrorHandler, graphqlRequestErrorHandler } from "./json-errors.js";
import { mountWebConsole } from "./web-console.js";

/** Express with the settings every route shares, the health endpoints, and the web console. */
export function createHttpApp(deps: { trustProxy: Config["trustProxy"]; isDraining: () => boolean; isReady: () => Promise<boolean> }): Express {
  const app = express();
  app.disable("x-powered-by");
  // API answers are not cached by validators: no hashing every response body for an ETag.
  app.disable("etag");
  app.set("trust proxy", deps.trustProxy);
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const ready = !deps.isDraining() && (await deps.isReady());
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "unavailable" });
  });
  mountWebConsole(app);
  return app;
}

/** /graphql through Apollo: refused while draining, JSON bodies up to the limit, every failure answered in JSON. */
export function mountGraphQL(
  app: Express,
  deps: { apollo: ApolloServer<GraphQLContext>; gate: OperationGate; requestMaxBytes: number; isDraining: () => boolean; logger: Logger },
) {
  app.use(
    "/graphql",
    (_req, res, next) => {
      if (!deps.isDraining()) return next();
      res.status(503).set("connection", "close").set("retry-after", "5").json({ errors: [{ message: "The server is shutting down", extensions: { code: "INTERNAL_SERVER_ERROR", reason: "shuttingDown" } }] });
    },
    express.json({ limit: deps.requestMaxBytes }),
    expressMiddleware(deps.apollo, {
      context: ({ req }) =>
        deps.gate.contextFor({ authorization: req.headers.authorization, requestId: String(req.headers["x-request-id"] ?? "") || undefined, clientAddress: req.ip }),
    }),
  );
  app.use("/graphql", graphqlRequestErrorHandler(deps.logger));
  // What is neither the API nor a page of the console: JSON, like every other answer.
  app.use((_req, res) => void res.status(404).json({ error: "Not found" }));
  app.use(finalErrorHandler(deps.logger));
}
