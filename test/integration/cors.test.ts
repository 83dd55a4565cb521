import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/config.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

// Issue 12, part 5: cross-origin access by an allow list (CORS_ORIGINS), over real HTTP and
// real WebSocket upgrades, for a listed origin, a refused one, "*", and none configured.

const APP = "https://app.example.com";
const LOCAL_APP = "http://localhost:3000";
const EVIL = "https://evil.example";
const AVERY = "avery.howard@wingtiptoysonline.com";
const SECRETS = { JWT_SECRET: "a-production-secret-that-is-long-enough-0123", ENCRYPTION_KEY: "a-production-encryption-key-long-enough-0123" };

const preflight = (server: TestServer, origin: string, requestHeaders = "authorization,content-type") =>
  fetch(server.url, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": requestHeaders },
  });

const postMe = (server: TestServer, origin: string, token: string) =>
  fetch(server.url, {
    method: "POST",
    headers: { origin, authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ query: "query Me { me { userPrincipalName } }" }),
  });

const accessControlHeaders = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith("access-control-"));
const varyOf = (response: Response) => (response.headers.get("vary") ?? "").split(",").map((v) => v.trim().toLowerCase());

/** Opens a graphql-ws socket with the given upgrade headers: "open" once connection_ack arrives, or the refusal's status. */
async function upgrade(server: TestServer, headers: Record<string, string>, token?: string): Promise<"open" | number> {
  const socket = new WebSocket(server.url.replace(/^http/, "ws"), "graphql-transport-ws", { headers });
  try {
    return await new Promise<"open" | number>((resolve, reject) => {
      socket.once("error", reject);
      socket.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      socket.once("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: token ? { authorization: `Bearer ${token}` } : {} })));
      socket.on("message", (data) => {
        if (JSON.parse(String(data)).type === "connection_ack") resolve("open");
      });
    });
  } finally {
    socket.terminate();
  }
}

describe("CORS", () => {
  let listed: TestServer;
  let wildcard: TestServer;
  let closed: TestServer;
  let token: string;

  beforeAll(async () => {
    [listed, wildcard, closed] = await Promise.all([
      startTestServer({ env: { CORS_ORIGINS: `${APP}, ${LOCAL_APP}` } }),
      startTestServer({ env: { CORS_ORIGINS: "*" } }),
      startTestServer(),
    ]);
    token = await listed.tokenFor(AVERY, ["UserAuthenticationMethod.ReadWrite"]);
  });
  afterAll(async () => {
    await Promise.all([listed, wildcard, closed].map((server) => server?.stop()));
  });

  describe("with an allow list", () => {
    it("answers a listed origin's preflight: 204, its origin, the methods and headers a browser app needs, no credentials", async () => {
      for (const origin of [APP, LOCAL_APP]) {
        const response = await preflight(listed, origin, "authorization,content-type,x-request-id,apollo-require-preflight");
        expect(response.status).toBe(204);
        expect(response.headers.get("access-control-allow-origin")).toBe(origin);
        expect(varyOf(response)).toContain("origin");
        expect(response.headers.get("access-control-allow-methods")).toBe("GET,POST,OPTIONS");
        const allowed = response.headers.get("access-control-allow-headers")!.split(",");
        for (const header of ["authorization", "content-type", "x-request-id", "apollo-require-preflight", "x-apollo-operation-name"]) expect(allowed).toContain(header);
        expect(Number(response.headers.get("access-control-max-age"))).toBeGreaterThan(0);
        expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      }
    });

    it("lets a listed origin POST JSON with a bearer token and read the answer", async () => {
      const response = await postMe(listed, APP, token);
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe(APP);
      expect(varyOf(response)).toContain("origin");
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      expect(await response.json()).toEqual({ data: { me: { userPrincipalName: AVERY } } });
    });

    it("lets a listed origin use GET with Apollo's CSRF-prevention header", async () => {
      const response = await fetch(`${listed.url}?query=${encodeURIComponent("{ __typename }")}`, { headers: { origin: APP, "apollo-require-preflight": "true" } });
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe(APP);
    });

    it("gives a refused origin no Access-Control-Allow-* header, on the preflight (still 204, not Apollo's 400) and on the request", async () => {
      for (const origin of [EVIL, "null", `${APP}.evil.example`, "http://app.example.com"]) {
        const answer = await preflight(listed, origin);
        expect(answer.status).toBe(204);
        expect(accessControlHeaders(answer)).toEqual([]);
        expect(varyOf(answer)).toContain("origin");
        const response = await postMe(listed, origin, token);
        expect(accessControlHeaders(response)).toEqual([]);
      }
    });

    it("opens a WebSocket for a listed origin, for the gateway's own pages, and for clients that send no Origin; refuses any other origin (403)", async () => {
      const host = new URL(listed.url).host;
      expect(await upgrade(listed, { origin: APP }, token)).toBe("open");
      expect(await upgrade(listed, { origin: `http://${host}` }, token)).toBe("open");
      expect(await upgrade(listed, {}, token)).toBe("open");
      for (const origin of [EVIL, "null", LOCAL_APP.replace("3000", "3001")]) expect(await upgrade(listed, { origin }, token)).toBe(403);
      expect(listed.app.webSocketConnections()).toBe(0);
    });
  });

  describe('with "*"', () => {
    it("allows any origin, never with credentials, and lists the headers explicitly (a wildcard would not cover Authorization)", async () => {
      const answer = await preflight(wildcard, EVIL);
      expect(answer.status).toBe(204);
      expect(answer.headers.get("access-control-allow-origin")).toBe("*");
      expect(answer.headers.get("access-control-allow-credentials")).toBeNull();
      expect(answer.headers.get("access-control-allow-headers")).toContain("authorization");
      const response = await postMe(wildcard, EVIL, await wildcard.tokenFor(AVERY, ["UserAuthenticationMethod.ReadWrite"]));
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      expect(await upgrade(wildcard, { origin: EVIL })).toBe("open");
    });
  });

  describe("with none configured (the default)", () => {
    it("answers preflights 204 without any CORS header (no 400 from Apollo), so browsers keep other origins out", async () => {
      const answer = await preflight(closed, LOCAL_APP);
      expect(answer.status).toBe(204);
      expect(accessControlHeaders(answer)).toEqual([]);
      expect(answer.headers.get("allow")).toBe("GET, POST, OPTIONS");
      const response = await postMe(closed, LOCAL_APP, await closed.tokenFor(AVERY, ["UserAuthenticationMethod.ReadWrite"]));
      expect(accessControlHeaders(response)).toEqual([]);
    });

    it("leaves same-origin pages and WebSocket clients as they were", async () => {
      const home = await fetch(new URL("/", closed.url), { headers: { origin: LOCAL_APP } });
      expect(home.status).toBe(200);
      expect(accessControlHeaders(home)).toEqual([]);
      expect(await upgrade(closed, { origin: LOCAL_APP })).toBe("open");
    });
  });
});

describe("CORS_ORIGINS configuration", () => {
  it("reads a comma-separated list of exact origins, or * alone; unset or empty is none", () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: "" }).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: ` ${APP} ,http://localhost:3000,${APP},` }).corsOrigins).toEqual([APP, "http://localhost:3000"]);
    expect(loadConfig({ CORS_ORIGINS: "https://[::1]:8443" }).corsOrigins).toEqual(["https://[::1]:8443"]);
    expect(loadConfig({ CORS_ORIGINS: "*" }).corsOrigins).toBe("*");
    expect(loadConfig({ NODE_ENV: "production", ...SECRETS, CORS_ORIGINS: APP }).corsOrigins).toEqual([APP]);
  });

  it.each([
    ["https://app.example.com/", /not an origin.*\(here https:\/\/app\.example\.com\)/],
    ["https://app.example.com/console", /not an origin/],
    ["https://App.Example.com", /here https:\/\/app\.example\.com/],
    ["https://app.example.com:443", /here https:\/\/app\.example\.com\)/],
    ["app.example.com", /not an origin/],
    ["ftp://files.example.com", /not an origin/],
    ["null", /not an origin/],
    ["*.example.com", /not an origin/],
    [`*, ${APP}`, /use it alone/],
  ])("refuses CORS_ORIGINS=%s at startup", (value, message) => {
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(message);
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS/);
  });

  it('refuses "*" in production, together with any other problem', () => {
    expect(() => loadConfig({ NODE_ENV: "production", ...SECRETS, CORS_ORIGINS: "*" })).toThrow(/CORS_ORIGINS must list origins in production/);
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: SECRETS.JWT_SECRET, CORS_ORIGINS: "*" })).toThrow(/ENCRYPTION_KEY[\s\S]*CORS_ORIGINS/);
  });
});
