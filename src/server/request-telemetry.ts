import type { ApolloServerPlugin } from "@apollo/server";
import { ROOT_CONTEXT, SpanKind, context, trace, type Context, type Span, type Tracer } from "@opentelemetry/api";
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Express, Request, RequestHandler } from "express";
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "../logging/logger.js";
import { acceptableRequestId, noteRequestOfErrors, requestContext, type RequestLogContext } from "../logging/request-context.js";
import type { Metrics } from "../observability/metrics.js";

interface HttpRequestState {
  store: RequestLogContext;
  otel?: Context;
}

const stateOf = new WeakMap<IncomingMessage, HttpRequestState>();
// On the GraphQL context of an HTTP request, its log context, for Apollo's plugins (a symbol:
// copied with the context, which Apollo clones per operation, and not part of its shape).
const REQUEST_LOG = Symbol("requestLog");
type WithRequestLog = { [REQUEST_LOG]?: RequestLogContext };

/** The log context of an HTTP request (its id; once known, its operation and outcome). */
export const requestLogOf = (req: IncomingMessage): RequestLogContext | undefined => stateOf.get(req)?.store;

/** Ties a GraphQL context to its request's log context, where the telemetry plugin finds it. */
export function withRequestLog<T extends object>(contextValue: T, request: RequestLogContext | undefined): T {
  if (request) (contextValue as WithRequestLog)[REQUEST_LOG] = request;
  return contextValue;
}
// Probes and scrapes: at debug, or they would be most of the log.
const QUIET_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

/** `ok`, or the first error's code (already through the error boundary). */
export function outcomeOf(errors: readonly GraphQLFormattedError[] | undefined): string {
  if (!errors?.length) return "ok";
  return String(errors[0]!.extensions?.code ?? "INTERNAL_SERVER_ERROR");
}

/**
 * First on every HTTP request: its request id (the caller's `x-request-id` when plausible, else a
 * new one, answered in `x-request-id`) for every log line written while handling it (see
 * `enterRequestContext`); for /graphql the operation's span (when tracing) and its metrics; then
 * one access line (no bodies, no variables, no query string).
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
        requestId: store.requestId,
        transport: "http",
        method: req.method,
        path,
        status,
        operation: store.operationName,
        outcome,
        durationMs: Math.round(seconds * 10_000) / 10,
        clientAddress: req.ip,
      };
      // Finishing runs outside the request's span: back into it for the trace id.
      const write = () => (QUIET_PATHS.has(path) ? logger.debug(line, "request") : logger.info(line, "request"));
      if (state.otel) context.with(state.otel, write);
      else write();
    };
    res.once("finish", finish);
    res.once("close", finish);
    if (state.otel) context.with(state.otel, next);
    else next();
  };
}

/**
 * Once the body is read: an operation that may change something (anything but a query) is handled
 * inside the request's log context until its response is sent, so every line written while making
 * the change (an SMS sent, a session revoked) carries the request id. A query is not: it writes no
 * line of its own, its access line and any unexpected error name the request explicitly, and it
 * doesn't pay for the context (see requestContext).
 */
export function enterRequestContext(isQuery: (body: unknown) => boolean): RequestHandler {
  return (req, res, next) => {
    const state = stateOf.get(req);
    if (!state) return next();
    // The body's stream callbacks ran outside the request's span: back into it.
    const proceed = () => (state.otel ? context.with(state.otel, next) : next());
    if (isQuery(req.body)) return proceed();
    requestContext.run(state.store, () => {
      proceed();
      return new Promise<void>((resolve) => {
        res.once("finish", resolve);
        res.once("close", resolve);
      });
    });
  };
}

/** Names the request's operation (once its document passed validation) and records its outcome. */
export function operationTelemetryPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ contextValue }) {
      const store = (contextValue as WithRequestLog)[REQUEST_LOG];
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
        async didEncounterErrors({ errors }) {
          noteRequestOfErrors(errors, store);
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
