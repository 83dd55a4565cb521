import { AsyncLocalStorage } from "node:async_hooks";
import { ROOT_CONTEXT, SpanStatusCode, context, trace, type Attributes, type Context, type ContextManager, type Span, type Tracer, type TracerProvider } from "@opentelemetry/api";

export interface Tracing {
  /** Undefined when tracing is off: callers then skip every tracing step. */
  tracer?: Tracer;
  /** Sends what is buffered and stops (only a provider this module made). */
  shutdown(): Promise<void>;
}

/** OpenTelemetry's context, carried by AsyncLocalStorage (what sdk-trace-node registers, without the global provider). */
class AsyncLocalStorageContextManager implements ContextManager {
  private readonly storage = new AsyncLocalStorage<Context>();
  active(): Context {
    return this.storage.getStore() ?? ROOT_CONTEXT;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(ctx: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A): ReturnType<F> {
    return this.storage.run(ctx, () => fn.apply(thisArg, args));
  }
  bind<T>(ctx: Context, target: T): T {
    if (typeof target !== "function") return target;
    const run = (...args: unknown[]) => this.with(ctx, () => (target as (...a: unknown[]) => unknown)(...args));
    return run as T;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    this.storage.disable();
    return this;
  }
}

let contextManagerSet = false;
function ensureContextManager() {
  if (contextManagerSet) return;
  // The context is process-wide (one per process, whichever app); the tracer provider is not.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager());
  contextManagerSet = true;
}

/**
 * Tracing, off unless an OTLP endpoint is configured or a provider is given (tests give one
 * with an in-memory exporter). The provider is never registered globally, so several apps in one
 * process each keep their own.
 */
export async function createTracing(options: { endpoint?: string; serviceName: string; provider?: TracerProvider }): Promise<Tracing> {
  if (options.provider) {
    ensureContextManager();
    return { tracer: options.provider.getTracer("authgate"), shutdown: async () => undefined };
  }
  if (!options.endpoint) return { shutdown: async () => undefined };
  ensureContextManager();
  // The SDK and the exporter are loaded only when traces are sent (about 200 ms of every start otherwise).
  const [{ OTLPTraceExporter }, { resourceFromAttributes }, { BatchSpanProcessor, NodeTracerProvider }, { ATTR_SERVICE_NAME }] = await Promise.all([
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
    import("@opentelemetry/sdk-trace-node"),
    import("@opentelemetry/semantic-conventions"),
  ]);
  const base = options.endpoint.endsWith("/") ? options.endpoint : `${options.endpoint}/`;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: new URL("v1/traces", base).toString() }))],
  });
  // An unreachable collector must not hold a SIGTERM up: what isn't sent within 3 s is dropped.
  const shutdown = () =>
    Promise.race([provider.shutdown().catch(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, 3000).unref())]);
  return { tracer: provider.getTracer("authgate"), shutdown };
}

/** Ends `span` with the outcome of `work`. */
export function endWith<T>(span: Span, work: () => T): T {
  try {
    const result = work();
    if (result instanceof Promise) {
      return result.then(
        (value) => {
          span.end();
          return value;
        },
        (error: unknown) => {
          fail(span, error);
          span.end();
          throw error;
        },
      ) as T;
    }
    span.end();
    return result;
  } catch (error) {
    fail(span, error);
    span.end();
    throw error;
  }
}

function fail(span: Span, error: unknown) {
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  if (error instanceof Error) span.recordException({ name: error.name, message: error.message });
}

/** Runs `work` in a child span of the active one; outside any span it just runs (no orphan spans from background polling). */
export function inChildSpan<T>(tracer: Tracer, name: string, attributes: Attributes, work: () => T): T {
  const parent = context.active();
  if (!trace.getSpan(parent)) return work();
  const span = tracer.startSpan(name, { attributes }, parent);
  return context.with(trace.setSpan(parent, span), () => endWith(span, work));
}
