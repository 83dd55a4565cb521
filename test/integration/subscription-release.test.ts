import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthenticationMethodsChangedDocument } from "../generated/graphql.js";
import { connectWs, subscribe } from "../kit/subscriptions.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

// A subscription that ends (the client completes it, or its socket closes) must let go of its
// event-bus listener at once, not when the next matching event happens to arrive: a client that
// reconnects every few seconds would otherwise leave a listener behind each time.

const AVERY = "avery.howard@wingtiptoysonline.com";
const TOPIC = "authenticationMethodChanged" as const;

describe("ending subscriptions", () => {
  let server: TestServer;
  let token: string;
  const live = () => server.app.events.subscriberCount(TOPIC);

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.tokenFor(AVERY);
  });
  afterAll(() => server?.stop());

  it("releases a completed subscription's listener while no event arrives", async () => {
    const client = connectWs(server.url, token);
    const before = live();
    const first = subscribe(client, AuthenticationMethodsChangedDocument, {});
    const second = subscribe(client, AuthenticationMethodsChangedDocument, {});
    await server.waitForSubscribers(TOPIC, before + 2);
    first.close();
    await expect.poll(live, { timeout: 2_000 }).toBe(before + 1);
    second.close();
    await expect.poll(live, { timeout: 2_000 }).toBe(before);
    await client.dispose();
  });

  it("releases every listener of a socket that closes", async () => {
    const before = live();
    const client = connectWs(server.url, token);
    for (let i = 0; i < 3; i++) subscribe(client, AuthenticationMethodsChangedDocument, {});
    await server.waitForSubscribers(TOPIC, before + 3);
    await client.dispose();
    await expect.poll(live, { timeout: 2_000 }).toBe(before);
  });
});
