import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../kit/test-server.js";

describe("HTTP endpoints", () => {
  let dev: TestServer;
  let production: TestServer;
  beforeAll(async () => {
    [dev, production] = await Promise.all([startTestServer(), startTestServer({ env: { NODE_ENV: "production" } })]);
  });
  afterAll(async () => {
    await dev?.stop();
    await production?.stop();
  });

  const base = (s: TestServer) => s.url.replace(/\/graphql$/, "");

  it("answers /healthz while up and /readyz while the database answers", async () => {
    const health = await fetch(`${base(dev)}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${base(dev)}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("shows Apollo Sandbox to a browser on GET /graphql, except in production", async () => {
    const page = await fetch(dev.url, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("embeddable-sandbox");
    const hidden = await fetch(production.url, { headers: { accept: "text/html" } });
    expect(await hidden.text()).not.toContain("embeddable-sandbox");
  });

  it("refuses cross-site simple requests (CSRF prevention) and bodies over the size limit", async () => {
    const simple = await fetch(dev.url, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(simple.status).toBeGreaterThanOrEqual(400);
    const huge = await fetch(dev.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ __typename }`, variables: { pad: "x".repeat(200_000) } }),
    });
    expect(huge.status).toBe(413);
  });

  it("serves the web console at / and on its page paths, and the explorer, under a policy that allows only this server", async () => {
    for (const server of [dev, production]) {
      for (const path of ["/", "/users/3f1c2b8e-0000-4000-8000-000000000000", "/sms-gateways", "/explorer"]) {
        const page = await fetch(`${base(server)}${path}`, { headers: { accept: "text/html" } });
        expect(page.status, path).toBe(200);
        expect(page.headers.get("content-type")).toMatch(/^text\/html/);
        const policy = page.headers.get("content-security-policy") ?? "";
        expect(policy).toContain("default-src 'self'");
        expect(policy).toContain("script-src 'self';");
        expect(policy).toContain("frame-ancestors 'none'");
        expect(page.headers.get("x-content-type-options")).toBe("nosniff");
        const html = await page.text();
        // Every script and style the page names is served by this server.
        const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
        expect(urls.length).toBeGreaterThan(0);
        for (const url of urls) {
          expect(url.startsWith("/"), url).toBe(true);
          expect((await fetch(`${base(server)}${url}`)).status, url).toBe(200);
        }
      }
    }
  });

  it("keeps the API's paths and answers for everything that isn't a page", async () => {
    // The console's catch-all never shadows the API, the health endpoints or a missing asset.
    expect((await fetch(`${base(dev)}/healthz`, { headers: { accept: "text/html" } })).headers.get("content-type")).toMatch(/json/);
    expect((await fetch(`${base(dev)}/assets/missing.js`)).status).toBe(404);
    const notAPage = await fetch(`${base(dev)}/no-such-thing`, { headers: { accept: "application/json" } });
    expect(notAPage.status).toBe(404);
    expect(notAPage.headers.get("content-type")).toMatch(/json/);
    const post = await fetch(`${base(dev)}/`, { method: "POST", headers: { accept: "text/html" } });
    expect(post.status).toBe(404);
    const hashed = (await (await fetch(`${base(dev)}/`)).text()).match(/src="(\/assets\/[^"]+\.js)"/)![1]!;
    expect((await fetch(`${base(dev)}${hashed}`)).headers.get("cache-control")).toContain("immutable");
  });

  it("answers /graphql with cache-control: no-store (tokens, personal data), a refusal too", async () => {
    const answered = await fetch(`${base(dev)}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(answered.status).toBe(200);
    expect(answered.headers.get("cache-control")).toBe("no-store");
    const refused = await fetch(`${base(dev)}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer nonsense" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(refused.headers.get("cache-control")).toBe("no-store");
  });
});
