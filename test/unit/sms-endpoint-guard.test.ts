import type { LookupAddress } from "node:dns";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/config.js";
import { addressKind, createEndpointGuard, type EndpointGuard, type ResolveHost } from "../../src/connectors/sms/endpoint-guard.js";
import { createSmsOutbox, createSmsSenderFactory, SmsDeliveryError } from "../../src/connectors/sms/index.js";

const openServers: Server[] = [];
const guards: EndpointGuard[] = [];

afterEach(async () => {
  await Promise.all(guards.splice(0).map((guard) => guard.close()));
  await Promise.all(
    openServers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    }),
  );
});

/** An HTTP listener on 127.0.0.1 that counts requests and answers with `status` (and `location`). */
async function startListener(status = 200, location?: string): Promise<{ port: number; url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? "");
    req.resume();
    res.writeHead(status, { "content-type": "application/json", ...(location ? { location } : {}) });
    res.end("{}");
  });
  openServers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { port, url: `http://127.0.0.1:${port}`, hits };
}

/** A DNS stand-in: each name maps to the addresses given, in turn for successive lookups. */
function fakeDns(table: Record<string, string[][]>): ResolveHost & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string): Promise<LookupAddress[]> => {
    calls.push(hostname);
    const answers = table[hostname];
    if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    const addresses = answers.length > 1 ? answers.shift()! : answers[0]!;
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}

function guardWith(allowPrivateEndpoints: boolean, resolve?: ResolveHost): EndpointGuard {
  const guard = createEndpointGuard({ allowPrivateEndpoints, resolve });
  guards.push(guard);
  return guard;
}

async function failureOf(promise: Promise<unknown>): Promise<SmsDeliveryError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SmsDeliveryError);
  return error as SmsDeliveryError;
}

const post = { method: "POST", body: "{}", headers: { "content-type": "application/json" } };

describe("address classification", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["93.184.215.14", "public"],
    ["2606:4700::6810:85e5", "public"],
    ["::ffff:8.8.8.8", "public"],
    ["127.0.0.1", "private"],
    ["127.255.255.254", "private"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.0.1", "private"],
    ["100.64.0.1", "private"],
    ["::1", "private"],
    ["fd00::1", "private"],
    ["::ffff:127.0.0.1", "private"],
    ["::ffff:10.0.0.1", "private"],
    ["169.254.169.254", "forbidden"],
    ["::ffff:169.254.169.254", "forbidden"],
    ["fe80::1", "forbidden"],
    ["0.0.0.0", "forbidden"],
    ["::", "forbidden"],
    ["224.0.0.1", "forbidden"],
    ["255.255.255.255", "forbidden"],
    ["192.0.2.1", "forbidden"],
    ["198.18.0.1", "forbidden"],
    ["240.0.0.1", "forbidden"],
    ["64:ff9b::7f00:1", "forbidden"],
    ["2002:7f00:1::", "forbidden"],
    ["2001:db8::1", "forbidden"],
    ["::7f00:1", "forbidden"],
    ["::127.0.0.1", "forbidden"],
    ["4000::1", "forbidden"],
    ["not-an-address", "forbidden"],
  ])("%s is %s", (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });
});

describe("save-time endpoint check", () => {
  it("refuses names that resolve to a non-public address, and any name with one such address", async () => {
    const dns = fakeDns({
      "metadata.attacker.example": [["169.254.169.254"]],
      "loopback.attacker.example": [["127.0.0.1"]],
      "mixed.attacker.example": [["93.184.215.14", "10.0.0.7"]],
      "v6.attacker.example": [["::ffff:127.0.0.1"]],
      "sms.example.com": [["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"]],
    });
    const guard = guardWith(false, dns);
    for (const host of ["metadata.attacker.example", "loopback.attacker.example", "mixed.attacker.example", "v6.attacker.example"]) {
      expect(await guard.refusalOf(new URL(`https://${host}/sms`)), host).toMatch(/resolves to a non-public address/);
    }
    expect(await guard.refusalOf(new URL("https://sms.example.com/send"))).toBeUndefined();
    // A name that does not resolve now is left to the check made when connecting.
    expect(await guard.refusalOf(new URL("https://not-yet.example.net/send"))).toBeUndefined();
  });

  it("with private endpoints allowed, accepts loopback and http but still refuses link-local and unspecified", async () => {
    const guard = guardWith(true, fakeDns({ "stub.test.example": [["127.0.0.1"]], "meta.test.example": [["169.254.169.254"]] }));
    expect(await guard.refusalOf(new URL("http://127.0.0.1:8080/sms"))).toBeUndefined();
    expect(await guard.refusalOf(new URL("http://localhost:8080/sms"))).toBeUndefined();
    expect(await guard.refusalOf(new URL("http://stub.test.example/sms"))).toBeUndefined();
    expect(await guard.refusalOf(new URL("http://169.254.169.254/"))).toMatch(/public address/);
    expect(await guard.refusalOf(new URL("http://0.0.0.0:8080/"))).toMatch(/public address/);
    expect(await guard.refusalOf(new URL("https://meta.test.example/"))).toMatch(/non-public/);
    expect(await guard.refusalOf(new URL("ftp://stub.test.example/"))).toMatch(/http or https/);
  });
});

describe("send-time endpoint guard", () => {
  it("checks the address the connection uses: a name that resolves to loopback is never connected to", async () => {
    const listener = await startListener();
    const dns = fakeDns({ "gateway.attacker.example": [["127.0.0.1"]] });
    const guard = guardWith(false, dns);

    const failure = await failureOf(guard.fetch(`https://gateway.attacker.example:${listener.port}/sms`, post));
    expect(failure).toMatchObject({ reason: "endpointNotAllowed", retryable: false });
    expect(dns.calls).toEqual(["gateway.attacker.example"]);
    expect(listener.hits).toEqual([]);
  });

  it("defeats DNS rebinding: public when saved, loopback when sending", async () => {
    const listener = await startListener();
    const dns = fakeDns({ "rebind.attacker.example": [["93.184.215.14"], ["127.0.0.1"]] });
    const guard = guardWith(false, dns);

    const endpoint = `https://rebind.attacker.example:${listener.port}/sms`;
    expect(await guard.refusalOf(new URL(endpoint))).toBeUndefined();
    const failure = await failureOf(guard.fetch(endpoint, post));
    expect(failure.reason).toBe("endpointNotAllowed");
    expect(listener.hits).toEqual([]);
  });

  it("connects to the address its lookup allowed (the stub, reached through a made-up name)", async () => {
    const listener = await startListener();
    const guard = guardWith(true, fakeDns({ "stub.test.example": [["127.0.0.1"]] }));
    const response = await guard.fetch(`http://stub.test.example:${listener.port}/sms`, post);
    expect(response.status).toBe(200);
    expect(listener.hits).toEqual(["/sms"]);
  });

  it("refuses internal literals before connecting, with the same answer for open and closed ports", async () => {
    const open = await startListener();
    const closed = await startListener();
    await new Promise<void>((resolve) => openServers.pop()!.close(() => resolve()));
    const guard = guardWith(false);
    const failures = [];
    for (const endpoint of [
      `http://127.0.0.1:${open.port}/`,
      `http://127.0.0.1:${closed.port}/`,
      `https://127.0.0.1:${open.port}/`,
      `https://[::ffff:127.0.0.1]:${closed.port}/`,
      `https://2130706433:${open.port}/`,
      "https://169.254.169.254/latest/meta-data/",
      `https://localhost:${open.port}/`,
    ]) {
      const failure = await failureOf(guard.fetch(endpoint, post));
      failures.push({ reason: failure.reason, retryable: failure.retryable, portless: !failure.message.includes(String(open.port)) && !failure.message.includes(String(closed.port)) });
    }
    expect(new Set(failures.map((f) => f.reason))).toEqual(new Set(["endpointNotAllowed"]));
    expect(failures.every((f) => !f.retryable && f.portless)).toBe(true);
    expect(open.hits).toEqual([]);
  });

  it("never follows a redirect, even to an allowed address", async () => {
    const target = await startListener();
    const redirecting = await startListener(302, `${target.url}/stolen`);
    const guard = guardWith(true);
    const failure = await failureOf(guard.fetch(`${redirecting.url}/sms`, { ...post, redirect: "follow" }));
    expect(failure).toMatchObject({ reason: "gatewayMisconfigured", retryable: false });
    expect(redirecting.hits).toEqual(["/sms"]);
    expect(target.hits).toEqual([]);
  });

  it("is what the sender factory uses by default: public https endpoints only, no retries of a refusal", async () => {
    const listener = await startListener();
    const sleeps: number[] = [];
    const createSender = createSmsSenderFactory({
      outbox: createSmsOutbox(),
      logger: { info: () => undefined, warn: () => undefined },
      revealCodesInLog: false,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    const failure = await failureOf(createSender({ provider: "webhook", endpoint: `${listener.url}/sms` }).send({ to: "+12065550123", body: "Code 123456" }));
    expect(failure).toMatchObject({ reason: "endpointNotAllowed", retryable: false });
    expect(sleeps).toEqual([]);
    expect(listener.hits).toEqual([]);
  });
});

describe("SMS_ALLOW_PRIVATE_ENDPOINTS", () => {
  const secrets = { JWT_SECRET: "x".repeat(32), ENCRYPTION_KEY: "y".repeat(32) };

  it("is off by default and may be turned on outside production", () => {
    expect(loadConfig({ ...secrets }).sms.allowPrivateEndpoints).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", ...secrets }).sms.allowPrivateEndpoints).toBe(false);
    expect(loadConfig({ NODE_ENV: "development", SMS_ALLOW_PRIVATE_ENDPOINTS: "true", ...secrets }).sms.allowPrivateEndpoints).toBe(true);
  });

  it("is refused in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production", SMS_ALLOW_PRIVATE_ENDPOINTS: "true", ...secrets })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: "production", SMS_ALLOW_PRIVATE_ENDPOINTS: "true", ...secrets })).toThrow(/SMS_ALLOW_PRIVATE_ENDPOINTS must not be true in production/);
  });
});
