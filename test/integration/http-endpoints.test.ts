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
});
