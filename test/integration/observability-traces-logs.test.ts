import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-node";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { PreparedStatement } from "../../src/db/sql.js";
import { createLogger } from "../../src/logging/logger.js";
import { requestContext } from "../../src/logging/request-context.js";
import { connectWs } from "../kit/subscriptions.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

const AVERY = "avery.howard@wingtiptoysonline.com";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let server: TestServer;
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const logLines: string[] = [];
const logged = () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>);

beforeAll(async () => {
  // Nothing remembered between operations (callers, phones): every operation here has statements to trace, and to fail.
  server = await startTestServer({ tracerProvider: provider, logger: createLogger("debug", (line) => logLines.push(line)), env: { CALLER_CACHE_SECONDS: "0" } });
});
afterAll(async () => {
  await server?.stop();
  await provider.shutdown();
});
beforeEach(() => {
  exporter.reset();
});

async function post(query: string, options: { token?: string; requestId?: string; variables?: Record<string, unknown> } = {}) {
  const response = await fetch(server.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.requestId ? { "x-request-id": options.requestId } : {}),
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { requestId: response.headers.get("x-request-id"), body: (await response.json()) as { data?: any; errors?: any[] } };
}

/** Waits for the access line of `requestId` (written when the response has been sent). */
async function accessLine(requestId: string) {
  await expect.poll(() => logged().filter((l) => l.requestId === requestId && (l.msg === "request" || l.msg === "operation")).length, { timeout: 5000 }).toBe(1);
  return logged().find((l) => l.requestId === requestId && (l.msg === "request" || l.msg === "operation"))!;
}

const isDescendant = (span: ReadableSpan, ancestor: ReadableSpan, all: ReadableSpan[]): boolean => {
  let parentId = span.parentSpanContext?.spanId;
  while (parentId) {
    if (parentId === ancestor.spanContext().spanId) return true;
    parentId = all.find((s) => s.spanContext().spanId === parentId)?.parentSpanContext?.spanId;
  }
  return false;
};

function operationTree(name: string) {
  const spans = exporter.getFinishedSpans();
  const operation = spans.find((s) => s.name === name);
  if (!operation) throw new Error(`no span ${name} among ${spans.map((s) => s.name).join(", ")}`);
  const traceId = operation.spanContext().traceId;
  const inTrace = spans.filter((s) => s.spanContext().traceId === traceId);
  return { operation, traceId, inTrace, spans };
}

describe("traces", () => {
  it("an HTTP query has an operation span with resolver and database children in one trace, and its log lines carry the trace id", async () => {
    const token = await server.tokenFor(AVERY, ["UserAuthenticationMethod.Read"]);
    const { requestId, body } = await post(`query TracedMe { me { authentication { phoneMethods { id } } } user(id: "${AVERY}") { userPrincipalName } }`, { token });
    expect(body.errors).toBeUndefined();
    const line = await accessLine(requestId!);

    const { operation, traceId, inTrace } = operationTree("query TracedMe");
    expect(operation.parentSpanContext).toBeUndefined();
    expect(operation.attributes["graphql.operation.name"]).toBe("TracedMe");
    const resolver = inTrace.find((s) => s.name === "resolve Query.user");
    expect(resolver?.parentSpanContext?.spanId).toBe(operation.spanContext().spanId);
    expect(inTrace.find((s) => s.name === "resolve Query.me")?.parentSpanContext?.spanId).toBe(operation.spanContext().spanId);
    const database = inTrace.filter((s) => s.attributes["db.system.name"] === "postgresql");
    expect(database.length).toBeGreaterThan(0);
    expect(database.every((s) => isDescendant(s, operation, inTrace))).toBe(true);
    // The field's own reads (looking the user up by name) are under its resolver span.
    expect(database.some((s) => isDescendant(s, resolver!, inTrace))).toBe(true);
    // Statement text only: no bound values (the token's subject, the user's id) in attributes.
    for (const span of database) expect(JSON.stringify(span.attributes)).not.toContain(AVERY);

    expect(line.traceId).toBe(traceId);
    expect(line).toMatchObject({ transport: "http", operation: "TracedMe", outcome: "ok", status: 200, path: "/graphql" });
  });

  it("a graphql-ws query has its own operation span with resolver and database children", async () => {
    const token = await server.tokenFor(AVERY, ["UserAuthenticationMethod.Read"]);
    const client = connectWs(server.url, token);
    try {
      await new Promise((resolve, reject) => client.subscribe({ query: "query WsTracedMe { me { userPrincipalName authentication { phoneMethods { phoneNumber } } } }" }, { next: resolve, error: reject, complete: () => undefined }));
    } finally {
      await client.dispose();
    }
    await expect.poll(() => exporter.getFinishedSpans().some((s) => s.name === "query WsTracedMe")).toBe(true);
    const { operation, traceId, inTrace } = operationTree("query WsTracedMe");
    expect(operation.attributes["graphql.transport"]).toBe("ws");
    expect(inTrace.find((s) => s.name === "resolve Query.me")?.parentSpanContext?.spanId).toBe(operation.spanContext().spanId);
    expect(inTrace.some((s) => s.attributes["db.system.name"] === "postgresql" && isDescendant(s, operation, inTrace))).toBe(true);

    const line = logged().find((l) => l.msg === "operation" && l.operation === "WsTracedMe");
    expect(line).toMatchObject({ transport: "ws", outcome: "ok", traceId });
    expect(line?.requestId).toMatch(UUID);
    expect(logged().filter((l) => l.requestId === line?.requestId && l.msg === "operation")).toHaveLength(1);
  });
});

describe("traces to an OTLP collector", () => {
  it("with OTEL_EXPORTER_OTLP_ENDPOINT set, spans are posted to <endpoint>/v1/traces (flushed on stop)", async () => {
    const received: { path?: string; body: string }[] = [];
    const collector = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        received.push({ path: req.url, body });
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
    try {
      const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
      const traced = await startTestServer({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: "authgate-test" } });
      await traced.request("query ExportedOperation { __typename }");
      await traced.stop();
      expect(received.map((r) => r.path)).toContain("/v1/traces");
      const exported = received.map((r) => r.body).join("");
      expect(exported).toContain("query ExportedOperation");
      expect(exported).toContain("authgate-test");
    } finally {
      collector.closeAllConnections();
      await new Promise((resolve) => collector.close(resolve));
    }
  });
});

describe("logs", () => {
  it("every line of a request carries the caller's x-request-id, answered back; one access line", async () => {
    const token = await server.tokenFor(AVERY, ["UserAuthenticationMethod.ReadWrite"]);
    const { requestId, body } = await post(`mutation TextMe { startPhoneVerification(input: { phoneNumber: "+1 2065550123", phoneType: mobile }) { __typename } }`, {
      token,
      requestId: "req-observability-1",
    });
    expect(body.errors).toBeUndefined();
    expect(requestId).toBe("req-observability-1");
    const access = await accessLine("req-observability-1");
    expect(access).toMatchObject({ transport: "http", operation: "TextMe", outcome: "ok", clientAddress: expect.stringMatching(/127\.0\.0\.1/) });
    expect(typeof access.durationMs).toBe("number");

    // The SMS line was written while handling the request: same request id, same trace, number masked.
    const sms = logged().find((l) => l.msg === "SMS written to console outbox" && l.requestId === "req-observability-1");
    expect(sms).toMatchObject({ to: "+1 206***0123", traceId: access.traceId });
    expect(logLines.some((line) => line.includes("2065550123"))).toBe(false);
  });

  it("answers a query outside the request context (nothing to pay for), yet names the request on its access line and on an unexpected error's line", async () => {
    const token = await server.tokenFor(AVERY, ["UserAuthenticationMethod.ReadWrite"]);
    const entered = vi.spyOn(requestContext, "run");
    const sql = server.app.database.sql;
    const query = sql.query;
    sql.query = (<Row>(statement: PreparedStatement, values?: unknown[]) =>
      statement.name === "phones-by-user-ids" ? Promise.reject(new Error("phones unreadable")) : query.call(sql, statement, values)) as typeof sql.query;
    try {
      const { body } = await post("query BrokenPhones { me { authentication { phoneMethods { id } } } }", { token, requestId: "req-query-error-1" });
      expect(body.errors?.[0].extensions.code).toBe("INTERNAL_SERVER_ERROR");
      expect(await accessLine("req-query-error-1")).toMatchObject({ operation: "BrokenPhones", outcome: "INTERNAL_SERVER_ERROR" });
      const error = logged().find((l) => l.msg === "unexpected error" && l.requestId === "req-query-error-1");
      expect(error?.err).toMatchObject({ message: "phones unreadable" });
      expect(entered).not.toHaveBeenCalled();

      // A mutation is answered inside it, so the lines written while making a change carry the id
      // without being told (the test above); this one is refused, which changes nothing.
      await post(`mutation { signInWithPassword(userPrincipalName: "${AVERY}", password: "not-the-password") { isVerified } }`);
      expect(entered).toHaveBeenCalledTimes(1);
    } finally {
      sql.query = query;
      entered.mockRestore();
    }
  });

  it("generates a request id when none (or an implausible one) is sent", async () => {
    const first = await post("query Anonymous { __typename }");
    expect(first.requestId).toMatch(UUID);
    expect(await accessLine(first.requestId!)).toMatchObject({ operation: "Anonymous", outcome: "ok" });

    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": `${"x".repeat(200)} injected` },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(response.headers.get("x-request-id")).toMatch(UUID);
    await accessLine(response.headers.get("x-request-id")!);
  });

  it("writes no secret: tokens, passwords and body contents stay out of every line", async () => {
    const token = await server.tokenFor(AVERY, ["UserAuthenticationMethod.Read"]);
    await post("query WithToken { me { userPrincipalName } }", { token, requestId: "req-secret-1" });
    await post(`mutation SignIn($p: String!) { signInWithPassword(userPrincipalName: "${AVERY}", password: $p) { isVerified accessToken } }`, {
      requestId: "req-secret-2",
      variables: { p: server.passwords[AVERY] },
    });
    await accessLine("req-secret-1");
    await accessLine("req-secret-2");
    const all = logLines.join("\n");
    expect(all).not.toContain(token);
    expect(all).not.toContain(server.passwords[AVERY]);
    expect(all).not.toContain("signInWithPassword(");
  });

  it("logs the shutdown", async () => {
    const lines: string[] = [];
    const other = await startTestServer({ logger: createLogger("info", (line) => lines.push(line)) });
    await other.stop();
    const messages = lines.map((line) => JSON.parse(line).msg);
    expect(messages).toContain("shutting down: refusing new requests, finishing the work in flight");
    expect(messages.at(-1)).toBe("stopped");
  });
});
