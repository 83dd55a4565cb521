import { ROOT_CONTEXT, SpanKind, context, trace, type Context, type Span, type Tracer } from "@opentelemetry/api";
import { randomUUID } from "node:crypto";
import { getOperationAST, type DocumentNode, type GraphQLFormattedError } from "graphql";
import type { Logger } from "../logging/logger.js";
import { requestContext, type RequestLogContext } from "../logging/request-context.js";
import type { Metrics } from "../observability/metrics.js";
import { outcomeOf } from "./request-telemetry.js";

interface Operation {
  started: number;
  store: RequestLogContext;
  clientAddress?: string;
  span?: Span;
  otel?: Context;
  finished: boolean;
  subscribed: boolean;
}

/**
 * What graphql-ws operations leave behind: a request id per message (every log line written
 * while handling it), per operation a span (when tracing), metrics and one access line when it
 * is answered (a subscription: when it is set up), and the count of live subscriptions.
 */
export function createWebSocketTelemetry(deps: { metrics: Metrics; tracer?: Tracer; logger: Logger }) {
  const { metrics, tracer, logger } = deps;
  const bySocket = new WeakMap<object, Map<string, Operation>>();
  const byStore = new WeakMap<RequestLogContext, Operation>();
  let activeSubscriptions = 0;

  const find = (socket: object, id: string) => bySocket.get(socket)?.get(id);

  function finish(operation: Operation, outcome: string) {
    if (operation.finished) return;
    operation.finished = true;
    operation.store.outcome = outcome;
    const seconds = (performance.now() - operation.started) / 1000;
    metrics.recordOperation("ws", operation.store.operationName, outcome, seconds);
    if (operation.span) {
      operation.span.setAttribute("graphql.outcome", outcome);
      operation.span.end();
    }
    const line = { requestId: operation.store.requestId, transport: "ws", operation: operation.store.operationName, outcome, durationMs: Math.round(seconds * 10_000) / 10, clientAddress: operation.clientAddress };
    const write = () => logger.info(line, "operation");
    if (operation.otel) context.with(operation.otel, write);
    else write();
  }

  return {
    /**
     * Handles one incoming message with a request id of its own, in the request context until it
     * is handled (a subscription's message: until the subscription ends).
     */
    inMessage<T>(handle: () => T): T {
      return requestContext.run({ requestId: randomUUID() }, handle);
    },
    /** An operation starts (graphql-ws `subscribe` message); its request id is the message's. */
    begin(socket: object, id: string, clientAddress: string | undefined): Operation {
      const store = requestContext.get() ?? { requestId: randomUUID() };
      const operation: Operation = { started: performance.now(), store, clientAddress, finished: false, subscribed: false };
      if (tracer) {
        operation.span = tracer.startSpan("graphql", { kind: SpanKind.SERVER, attributes: { "graphql.transport": "ws" } }, ROOT_CONTEXT);
        operation.otel = trace.setSpan(ROOT_CONTEXT, operation.span);
      }
      let operations = bySocket.get(socket);
      if (!operations) bySocket.set(socket, (operations = new Map()));
      operations.set(id, operation);
      byStore.set(store, operation);
      return operation;
    },
    /** Its document passed the gate: the name is a label now. */
    named(operation: Operation, document: DocumentNode, operationName: string | undefined) {
      const ast = getOperationAST(document, operationName);
      operation.store.operationName = ast?.name?.value ?? "";
      if (operation.span && ast) {
        operation.span.updateName(`${ast.operation} ${ast.name?.value ?? "anonymous"}`);
        operation.span.setAttribute("graphql.operation.type", ast.operation);
        if (ast.name) operation.span.setAttribute("graphql.operation.name", ast.name.value);
      }
    },
    /** Runs `work` under the operation's span (when tracing). */
    within<T>(operation: Operation | undefined, work: () => T): T {
      return operation?.otel ? context.with(operation.otel, work) : work();
    },
    /** The operation of the message being handled now (execute and subscribe run in its context). */
    current(): Operation | undefined {
      const store = requestContext.get();
      return store ? byStore.get(store) : undefined;
    },
    /** A subscription is set up: answered, and live until completed. */
    subscribed(socket: object, id: string) {
      const operation = find(socket, id);
      if (!operation || operation.subscribed) return;
      operation.subscribed = true;
      activeSubscriptions++;
      finish(operation, "ok");
    },
    /** A result or errors were sent: the first one answers a query or mutation. */
    answered(socket: object, id: string, errors: readonly GraphQLFormattedError[] | undefined) {
      const operation = find(socket, id);
      if (operation && !operation.finished) finish(operation, outcomeOf(errors));
    },
    completed(socket: object, id: string) {
      const operations = bySocket.get(socket);
      const operation = operations?.get(id);
      if (!operation) return;
      operations!.delete(id);
      if (operation.subscribed) activeSubscriptions--;
      finish(operation, "cancelled");
    },
    /** The socket is gone: whatever it still had open ends. */
    closed(socket: object) {
      for (const id of [...(bySocket.get(socket)?.keys() ?? [])]) this.completed(socket, id);
      bySocket.delete(socket);
    },
    activeSubscriptions: () => activeSubscriptions,
  };
}

export type WebSocketTelemetry = ReturnType<typeof createWebSocketTelemetry>;
