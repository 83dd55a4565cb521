import type { TracerProvider } from "@opentelemetry/api";
import type { Config } from "../config/config.js";
import { createMetrics } from "./metrics.js";
import { createTracing } from "./tracing.js";

/** Metrics (always) and tracing (when configured) of one app instance. */
export async function createTelemetry(config: Pick<Config, "observability">, options: { tracerProvider?: TracerProvider } = {}) {
  const tracing = await createTracing({ endpoint: config.observability.otlpEndpoint, serviceName: config.observability.serviceName, provider: options.tracerProvider });
  return { metrics: createMetrics(), tracer: tracing.tracer, shutdown: tracing.shutdown };
}

export type Telemetry = Awaited<ReturnType<typeof createTelemetry>>;
