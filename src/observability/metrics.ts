import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export type Transport = "http" | "ws";

/** What the scrape reads from elsewhere when it happens (cheap reads, no per-request cost). */
export interface MetricProbes {
  webSocketConnections(): number;
  activeSubscriptions(): number;
  passwordResetQueue(): Promise<{ depth: number; oldestWaitingSeconds: number }>;
  databasePool(): { total: number; idle: number; waiting: number; max: number };
}

// Operation names come from clients: only names of documents that passed validation are
// labels, at most this long and this many distinct ones per process; the rest count as "other".
const MAX_NAME_LENGTH = 64;
const MAX_DISTINCT_NAMES = 100;
const OUTCOME = /^[A-Z][A-Z0-9_]{0,39}$/;

/**
 * The process's Prometheus metrics, in a registry of their own (several apps in one process,
 * as in tests, don't share counters): operations by transport, name and outcome, live
 * graphql-ws connections and subscriptions, the password-reset queue, SMS sends, rate-limit
 * refusals, the database pool, and Node's defaults.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  let probes: MetricProbes | undefined;
  const names = new Set<string>();

  const operations = new Counter({
    name: "authgate_graphql_operations_total",
    help: "GraphQL operations handled, by transport, operation name and outcome (ok or the first error's code)",
    labelNames: ["transport", "operation", "outcome"] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: "authgate_graphql_operation_duration_seconds",
    help: "Time to answer a GraphQL operation (for a subscription: to set it up)",
    labelNames: ["transport", "operation", "outcome"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const smsSends = new Counter({
    name: "authgate_sms_sends_total",
    help: "SMS handed to a gateway, by provider and outcome (sent, or the failure kind)",
    labelNames: ["provider", "outcome"] as const,
    registers: [registry],
  });
  const rateLimitRefusals = new Counter({
    name: "authgate_rate_limit_refusals_total",
    help: "Requests refused by a rate limit, by kind (the limit's rule)",
    labelNames: ["kind"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "authgate_graphql_ws_connections",
    help: "Open graphql-ws connections in this process",
    registers: [registry],
    collect() {
      if (probes) this.set(probes.webSocketConnections());
    },
  });
  new Gauge({
    name: "authgate_graphql_ws_subscriptions",
    help: "Active graphql-ws subscriptions in this process",
    registers: [registry],
    collect() {
      if (probes) this.set(probes.activeSubscriptions());
    },
  });
  const queueOldest = new Gauge({ name: "authgate_password_reset_queue_oldest_seconds", help: "Age of the oldest password reset waiting for a worker (0 when none)", registers: [registry] });
  new Gauge({
    name: "authgate_password_reset_queue_depth",
    help: "Password resets waiting for a worker (not started, or handed back), in the shared database",
    registers: [registry],
    async collect() {
      if (!probes) return;
      const queue = await probes.passwordResetQueue();
      this.set(queue.depth);
      queueOldest.set(queue.oldestWaitingSeconds);
    },
  });
  new Gauge({
    name: "authgate_db_pool_connections",
    help: "Connections of this process's PostgreSQL pool, by state (total, idle, max)",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      if (!probes) return;
      const pool = probes.databasePool();
      this.set({ state: "total" }, pool.total);
      this.set({ state: "idle" }, pool.idle);
      this.set({ state: "max" }, pool.max);
    },
  });
  new Gauge({
    name: "authgate_db_pool_waiting_requests",
    help: "Queries waiting for a free connection of the pool",
    registers: [registry],
    collect() {
      if (probes) this.set(probes.databasePool().waiting);
    },
  });

  function operationLabel(name: string | undefined): string {
    if (name === undefined) return "unknown";
    if (name === "") return "anonymous";
    if (name.length > MAX_NAME_LENGTH) return "other";
    if (names.has(name)) return name;
    if (names.size >= MAX_DISTINCT_NAMES) return "other";
    names.add(name);
    return name;
  }

  return {
    contentType: registry.contentType,
    /** Reads the probes once they exist (the server builds them after the metrics). */
    setProbes(value: MetricProbes) {
      probes = value;
    },
    /** `name`: the operation's name once its document passed validation (undefined before). */
    recordOperation(transport: Transport, name: string | undefined, outcome: string, seconds: number) {
      const labels = { transport, operation: operationLabel(name), outcome: outcome === "ok" || OUTCOME.test(outcome) ? outcome : "ERROR" };
      operations.inc(labels);
      durations.observe(labels, seconds);
    },
    recordSmsSend(provider: string, outcome: string) {
      smsSends.inc({ provider, outcome });
    },
    recordRateLimitRefusal(kind: string) {
      rateLimitRefusals.inc({ kind });
    },
    render: () => registry.metrics(),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
