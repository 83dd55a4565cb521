import type { ApolloServerPlugin } from "@apollo/server";
import { ROOT_CONTEXT, SpanKind, context, trace, type Context, type Span, type Tracer } from "@opentelemetry/api";
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Express, Request, RequestHandler } from "express";
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "../logging/logger.js";
import { acceptableRequestId, requestContext, type RequestLogContext } from "../logging/request-context.js";
import type { Metrics } from "../observability/metrics.js";

interface HttpRequestState {
  store: RequestLogContext;
  otel?: Context;
}

const stateOf = new WeakMap<IncomingMessage, HttpRequestState>();
// Probes and scrapes: at debug, or they would be most of the log.
const QUIET_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

/** `ok`, or the first error's code (already through the error boundary). */
export function outcomeOf(errors: readonly GraphQLFormattedError[] | undefined): string {
  if (!errors?.length) return "ok";
  return String(errors[0]!.extensions?.code ?? "INTERNAL_SERVER_ERROR");
}

/**
 * First on every HTTP request: its request id (the caller's `x-request-id` when plausible, else a
 * new one, answered in `x-request-id`) for every log line written while handling it; for
 * /graphql the operation's span (when tracing) and its metrics; then one access line (no bodies,
 * no variables, no query string).
 */
export function requestTelemetry(deps: { metrics: Metrics; tracer?: Tracer; logger: Logger }): RequestHandler {
  const { metrics, tracer, logger } = deps;
  return (req, res, next) => {
    const started = performance.now();
    const store: RequestLogContext = { requestId: acceptableRequestId(req.headers["x-request-id"]) ?? randomUUID() };
    res.setHeader("x-request-id", store.requestId);
    // Read now: routers mounted on a path rewrite req.url while they run.
    const path = req.path;
    const isGraphQL = path === "/graphql";
    let span: Span | undefined;
    const state: HttpRequestState = { store };
    if (tracer && isGraphQL) {
      span = tracer.startSpan("graphql", { kind: SpanKind.SERVER, attributes: { "http.request.method": req.method, "url.path": path } }, ROOT_CONTEXT);
      state.otel = trace.setSpan(ROOT_CONTEXT, span);
    }
    stateOf.set(req, state);

    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = (performance.now() - started) / 1000;
      const status = res.headersSent ? res.statusCode : 499;
      const outcome = store.outcome ?? (status < 400 ? "ok" : `HTTP_${status}`);
      if (isGraphQL) metrics.recordOperation("http", store.operationName, outcome, seconds);
      if (span) {
        span.setAttribute("http.response.status_code", status);
        span.setAttribute("graphql.outcome", outcome);
        span.end();
      }
      const line = {
        transport: "http",
        method: req.method,
        path,
        status,
        operation: store.operationName,
        outcome,
        durationMs: Math.round(seconds * 10_000) / 10,
        clientAddress: req.ip,
      };
      // Finishing runs outside the request's async context: back into it for its ids.
      const write = () => (QUIET_PATHS.has(path) ? logger.debug(line, "request") : logger.info(line, "request"));
      requestContext.run(store, () => (state.otel ? context.with(state.otel, write) : write()));
    };
    res.once("finish", finish);
    res.once("close", finish);
    requestContext.run(store, () => (state.otel ? context.with(state.otel, next) : next()));
  };
}

/** After the body is read (its stream's callbacks run outside the request's async context): back into it. */
export const reenterRequestContext: RequestHandler = (req, _res, next) => {
  const state = stateOf.get(req);
  if (!state) return next();
  requestContext.run(state.store, () => (state.otel ? context.with(state.otel, next) : next()));
};

/** Names the request's operation (once its document passed validation) and records its outcome. */
export function operationTelemetryPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      const store = requestContext.getStore();
      return {
        async didResolveOperation({ operationName, operation }) {
          if (store) store.operationName = operationName ?? "";
          const span = trace.getSpan(context.active());
          if (span && operation) {
            span.updateName(`${operation.operation} ${operationName ?? "anonymous"}`);
            span.setAttribute("graphql.operation.type", operation.operation);
            if (operationName) span.setAttribute("graphql.operation.name", operationName);
          }
        },
        async willSendResponse({ response }) {
          if (store && response.body.kind === "single") store.outcome = outcomeOf(response.body.singleResult.errors);
        },
      };
    },
  };
}

/** GET /metrics in Prometheus's text format; with a token, only for `Authorization: Bearer <token>`. */
export function mountMetrics(app: Express, deps: { metrics: Metrics; token?: string }) {
  const expected = deps.token ? digest(`Bearer ${deps.token}`) : undefined;
  const allowed = (req: Request) => !expected || timingSafeEqual(digest(String(req.headers.authorization ?? "")), expected);
  app.get("/metrics", async (req, res, next) => {
    if (!allowed(req)) {
      res.status(401).set("www-authenticate", 'Bearer realm="metrics"').json({ error: "Unauthorized" });
      return;
    }
    try {
      const text = await deps.metrics.render();
      res.set("cache-control", "no-store").type(deps.metrics.contentType).send(text);
    } catch (error) {
      next(error);
    }
  });
}

// Digests have one length whatever was sent, so the comparison's time says nothing about the token.
const digest = (value: string) => createHash("sha256").update(value).digest();
