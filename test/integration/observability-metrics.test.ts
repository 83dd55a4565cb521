import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectWs } from "../kit/subscriptions.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

const METRICS_TOKEN = "metrics-token-for-tests-0123456789";
const AVERY = "avery.howard@wingtiptoysonline.com";

type Sample = { labels?: Record<string, string>; value?: string; count?: string; sum?: string; buckets?: Record<string, string> };
type Family = { name: string; help: string; type: string; metrics: Sample[] };

let server: TestServer;
let metricsUrl: string;

async function scrapeText(): Promise<string> {
  const response = await fetch(metricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

async function scrape(): Promise<Family[]> {
  return parsePrometheusTextFormat(await scrapeText()) as Family[];
}

/**
 * A labelled histogram's count, read from its `_count` line: the parser folds every label set of
 * a histogram into one sample (it keeps buckets, drops labels), so it can only say the family is there.
 */
function histogramCount(text: string, name: string, labels: Record<string, string>): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name}_count{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : 0;
}

function family(families: Family[], name: string): Family {
  const found = families.find((f) => f.name === name);
  if (!found) throw new Error(`no metric ${name}`);
  return found;
}

/** The sample's value (a counter or gauge) or count (a histogram) whose labels include `labels`; 0 when none. */
function valueOf(families: Family[], name: string, labels: Record<string, string> = {}): number {
  const sample = family(families, name).metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  if (!sample) return 0;
  return Number(sample.value ?? sample.count);
}

beforeAll(async () => {
  server = await startTestServer({ env: { METRICS_TOKEN, SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: "2" } });
  metricsUrl = new URL("/metrics", server.url).toString();
});
afterAll(async () => {
  await server?.stop();
});

describe("GET /metrics", () => {
  it("requires the METRICS_TOKEN bearer when one is configured", async () => {
    for (const headers of [{} as Record<string, string>, { authorization: "Bearer wrong" }, { authorization: METRICS_TOKEN }, { authorization: `Bearer ${METRICS_TOKEN}x` }]) {
      const response = await fetch(metricsUrl, { headers });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain("authgate_");
    }
    await scrape();
  });

  it("is served by the metrics route, not the web console's page catch-all", async () => {
    const response = await fetch(metricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}`, accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("# TYPE authgate_graphql_operations_total counter");
  });

  it("counts HTTP operations by name and outcome, with their latency", async () => {
    const token = await server.tokenFor(AVERY, ["UserAuthenticationMethod.Read"]);
    const beforeText = await scrapeText();
    const before = parsePrometheusTextFormat(beforeText) as Family[];
    const labels = { transport: "http", operation: "MetricsMe" };
    await server.request("query MetricsMe { me { userPrincipalName } }", {}, { token });
    await server.request("query MetricsMe { me { userPrincipalName } }", {}, { token });
    await server.request("query MetricsMe { me { userPrincipalName } }", {}, { token: "not-a-token" });
    const invalid = await server.request("query MetricsInvalid { nope }");
    expect(invalid.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

    const afterText = await scrapeText();
    const after = parsePrometheusTextFormat(afterText) as Family[];
    const delta = (name: string, l: Record<string, string>) => valueOf(after, name, l) - valueOf(before, name, l);
    expect(delta("authgate_graphql_operations_total", { ...labels, outcome: "ok" })).toBe(2);
    // Refused before its document was checked: no name from it.
    expect(delta("authgate_graphql_operations_total", { transport: "http", operation: "unknown", outcome: "UNAUTHENTICATED" })).toBe(1);
    const durations = "authgate_graphql_operation_duration_seconds";
    expect(histogramCount(afterText, durations, { ...labels, outcome: "ok" }) - histogramCount(beforeText, durations, { ...labels, outcome: "ok" })).toBe(2);
    // A document that failed validation never names a label.
    expect(delta("authgate_graphql_operations_total", { transport: "http", operation: "unknown", outcome: "BAD_USER_INPUT" })).toBe(1);
    expect(family(after, "authgate_graphql_operations_total").metrics.some((m) => m.labels?.operation === "MetricsInvalid")).toBe(false);
    const histogram = family(after, durations);
    expect(histogram.type).toBe("HISTOGRAM");
    expect(Number(histogram.metrics[0]?.buckets?.["+Inf"])).toBeGreaterThan(0);
  });

  it("counts graphql-ws operations and shows live connections and subscriptions", async () => {
    const token = await server.tokenFor(AVERY, ["UserAuthenticationMethod.Read"]);
    const before = await scrape();
    const client = connectWs(server.url, token);
    try {
      const result = await new Promise<unknown>((resolve, reject) => {
        client.subscribe({ query: "query WsMetricsMe { me { userPrincipalName } }" }, { next: resolve, error: reject, complete: () => undefined });
      });
      expect(result).toMatchObject({ data: { me: { userPrincipalName: AVERY } } });
      const dispose = client.subscribe({ query: "subscription WsMetricsChanges { authenticationMethodsChanged { kind } }" }, { next: () => undefined, error: () => undefined, complete: () => undefined });
      await expect.poll(async () => valueOf(await scrape(), "authgate_graphql_ws_subscriptions"), { timeout: 5000 }).toBe(1);

      const during = await scrape();
      expect(valueOf(during, "authgate_graphql_ws_connections")).toBe(1);
      const delta = (l: Record<string, string>) => valueOf(during, "authgate_graphql_operations_total", l) - valueOf(before, "authgate_graphql_operations_total", l);
      expect(delta({ transport: "ws", operation: "WsMetricsMe", outcome: "ok" })).toBe(1);
      expect(delta({ transport: "ws", operation: "WsMetricsChanges", outcome: "ok" })).toBe(1);

      dispose();
      await expect.poll(async () => valueOf(await scrape(), "authgate_graphql_ws_subscriptions"), { timeout: 5000 }).toBe(0);
    } finally {
      await client.dispose();
    }
    await expect.poll(async () => valueOf(await scrape(), "authgate_graphql_ws_connections"), { timeout: 5000 }).toBe(0);
  });

  it("keeps operation names from exploding the label set", async () => {
    for (let i = 0; i < 110; i++) await server.request(`query Distinct${i} { __typename }`);
    await server.request(`query ${"L".repeat(80)} { __typename }`);
    const after = await scrape();
    const names = new Set(family(after, "authgate_graphql_operations_total").metrics.map((m) => m.labels?.operation));
    expect(names.size).toBeLessThanOrEqual(100 + 2);
    expect(names.has("other")).toBe(true);
    expect([...names].every((name) => (name ?? "").length <= 64)).toBe(true);
  });

  it("counts SMS sends by provider and outcome, and rate-limit refusals by kind", async () => {
    const before = await scrape();
    const token = await server.tokenFor(AVERY, ["UserAuthenticationMethod.ReadWrite"]);
    const started = await server.request(`mutation { startPhoneVerification(input: { phoneNumber: "+1 2065550177", phoneType: mobile }) { __typename } }`, {}, { token });
    expect(started.errors).toBeUndefined();

    const attempts = [];
    for (let i = 0; i < 3; i++) {
      attempts.push(await server.request(`mutation { signInWithPassword(userPrincipalName: "nobody-${i}@example.com", password: "wrong-password") { isVerified } }`));
    }
    expect(attempts[2]!.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", reason: "tooManySignInAttempts" });

    const after = await scrape();
    expect(valueOf(after, "authgate_sms_sends_total", { provider: "console", outcome: "sent" }) - valueOf(before, "authgate_sms_sends_total", { provider: "console", outcome: "sent" })).toBe(1);
    expect(valueOf(after, "authgate_rate_limit_refusals_total", { kind: "tooManySignInAttempts" })).toBeGreaterThanOrEqual(1);
  });

  it("shows the password-reset queue and the database pool", async () => {
    const families = await scrape();
    expect(family(families, "authgate_password_reset_queue_depth").type).toBe("GAUGE");
    expect(valueOf(families, "authgate_password_reset_queue_depth")).toBeGreaterThanOrEqual(0);
    expect(valueOf(families, "authgate_password_reset_queue_oldest_seconds")).toBeGreaterThanOrEqual(0);
    expect(valueOf(families, "authgate_db_pool_connections", { state: "max" })).toBe(server.app.config.databasePoolSize);
    expect(valueOf(families, "authgate_db_pool_connections", { state: "total" })).toBeGreaterThanOrEqual(1);
    expect(valueOf(families, "authgate_db_pool_connections", { state: "idle" })).toBeGreaterThanOrEqual(0);
    expect(valueOf(families, "authgate_db_pool_waiting_requests")).toBe(0);
  });
});
