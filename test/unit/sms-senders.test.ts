import { createHmac } from "node:crypto";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  SmsDeliveryError,
  createSmsOutbox,
  createSmsSenderFactory,
  type SmsSenderFactoryDeps,
} from "../../src/connectors/sms/index.js";
import { createEndpointGuard } from "../../src/connectors/sms/endpoint-guard.js";
import { maskPhoneForLog } from "../../src/lib/phone-number.js";

interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

type GatewayHandler = (request: RecordedRequest, response: ServerResponse, attempt: number) => void;

const openServers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    openServers.splice(0).map((server) => {
      // Servers that never answer keep sockets open; drop them so close() resolves.
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    }),
  );
});

/** A real HTTP gateway on 127.0.0.1:<random port> that records every request. */
async function startGateway(handler: GatewayHandler): Promise<{ url: string; requests: RecordedRequest[] }> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(recorded);
      handler(recorded, res, requests.length);
    });
  });
  openServers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests };
}

/** A loopback URL on which nothing listens. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/sms`;
}

function reply(response: ServerResponse, status: number, body: unknown = {}): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

function recordingLogger() {
  const entries: { level: "info" | "warn"; obj: object; msg?: string }[] = [];
  return {
    entries,
    info: (obj: object, msg?: string) => entries.push({ level: "info", obj, msg }),
    warn: (obj: object, msg?: string) => entries.push({ level: "warn", obj, msg }),
  };
}

function buildFactory(overrides: Partial<SmsSenderFactoryDeps> = {}) {
  const logger = recordingLogger();
  const outbox = createSmsOutbox();
  const sleeps: number[] = [];
  const createSender = createSmsSenderFactory({
    outbox,
    logger,
    revealCodesInLog: false,
    // The gateways here listen on 127.0.0.1; sms-endpoint-guard.test.ts covers the default rules.
    endpointGuard: createEndpointGuard({ allowPrivateEndpoints: true }),
    timeoutMs: 2000,
    backoffMs: 10,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
  return { createSender, logger, outbox, sleeps };
}

async function deliveryFailure(promise: Promise<unknown>): Promise<SmsDeliveryError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SmsDeliveryError);
  return error as SmsDeliveryError;
}

const message = { to: "+12065550123", body: "Your verification code is 493817" };
const webhookSecret = "whsec-do-not-leak-7f3a";

describe("webhook sender", () => {
  it("posts {to, body, senderId} as JSON signed with HMAC-SHA256 over timestamp.body", async () => {
    const gateway = await startGateway((_request, response) => reply(response, 202, { messageId: "wh-42" }));
    const fixedNow = new Date("2030-01-02T03:04:05.678Z");
    const { createSender } = buildFactory({ now: () => fixedNow });

    const result = await createSender({ provider: "webhook", endpoint: `${gateway.url}/sms`, senderId: "Wingtip", credentials: webhookSecret }).send(message);

    expect(result).toEqual({ providerMessageId: "wh-42" });
    const [request] = gateway.requests;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/sms");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.body)).toEqual({ to: message.to, body: message.body, senderId: "Wingtip" });

    const timestamp = request.headers["x-authgate-timestamp"];
    expect(timestamp).toBe(String(Math.floor(fixedNow.getTime() / 1000)));
    const expected = createHmac("sha256", webhookSecret).update(`${timestamp}.${request.body}`).digest("hex");
    expect(request.headers["x-authgate-signature"]).toBe(`sha256=${expected}`);
  });

  it("lets the message's senderId override the account's", async () => {
    const gateway = await startGateway((_request, response) => reply(response, 200));
    const { createSender } = buildFactory();

    await createSender({ provider: "webhook", endpoint: gateway.url, senderId: "Wingtip" }).send({ ...message, senderId: "Override" });

    expect(JSON.parse(gateway.requests[0].body).senderId).toBe("Override");
  });

  it("sends no signature headers when the account has no credentials", async () => {
    const gateway = await startGateway((_request, response) => reply(response, 200));
    const { createSender } = buildFactory();

    const result = await createSender({ provider: "webhook", endpoint: gateway.url }).send(message);

    expect(result.providerMessageId).toBeUndefined();
    expect(gateway.requests[0].headers["x-authgate-signature"]).toBeUndefined();
    expect(gateway.requests[0].headers["x-authgate-timestamp"]).toBeUndefined();
    expect(JSON.parse(gateway.requests[0].body).senderId).toBeNull();
  });

  it("retries after a 500 and succeeds, keeping the delivery id and re-signing each attempt", async () => {
    const gateway = await startGateway((_request, response, attempt) => reply(response, attempt === 1 ? 500 : 200));
    const { createSender, logger, sleeps } = buildFactory();

    await createSender({ provider: "webhook", endpoint: gateway.url, credentials: webhookSecret }).send(message);

    expect(gateway.requests).toHaveLength(2);
    expect(sleeps).toEqual([10]);
    const [first, second] = gateway.requests;
    expect(second.headers["x-authgate-delivery-id"]).toBe(first.headers["x-authgate-delivery-id"]);
    for (const request of gateway.requests) {
      const expected = createHmac("sha256", webhookSecret).update(`${request.headers["x-authgate-timestamp"]}.${request.body}`).digest("hex");
      expect(request.headers["x-authgate-signature"]).toBe(`sha256=${expected}`);
    }
    expect(logger.entries.filter((entry) => entry.level === "warn")).toHaveLength(1);
  });

  it("backs off exponentially and gives up with gatewayUnavailable when 503s persist", async () => {
    const gateway = await startGateway((_request, response) => reply(response, 503));
    const { createSender, sleeps } = buildFactory({ retries: 2, backoffMs: 10 });

    const error = await deliveryFailure(createSender({ provider: "webhook", endpoint: gateway.url }).send(message));

    expect(error.reason).toBe("gatewayUnavailable");
    expect(error.retryable).toBe(true);
    expect(gateway.requests).toHaveLength(3);
    expect(sleeps).toEqual([10, 20]);
  });

  it("retries a 429 like a server error", async () => {
    const gateway = await startGateway((_request, response, attempt) => reply(response, attempt === 1 ? 429 : 200));
    const { createSender } = buildFactory();

    await createSender({ provider: "webhook", endpoint: gateway.url }).send(message);

    expect(gateway.requests).toHaveLength(2);
  });

  it("does not retry a 400 and reports gatewayRejected", async () => {
    const gateway = await startGateway((_request, response) => reply(response, 400, { error: "bad number" }));
    const { createSender, sleeps } = buildFactory();

    const error = await deliveryFailure(createSender({ provider: "webhook", endpoint: gateway.url }).send(message));

    expect(error.reason).toBe("gatewayRejected");
    expect(error.retryable).toBe(false);
    expect(gateway.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("reports gatewayAuthFailed on 401 and 403 without retrying", async () => {
    for (const status of [401, 403]) {
      const gateway = await startGateway((_request, response) => reply(response, status));
      const { createSender } = buildFactory();

      const error = await deliveryFailure(createSender({ provider: "webhook", endpoint: gateway.url, credentials: webhookSecret }).send(message));

      expect(error.reason).toBe("gatewayAuthFailed");
      expect(error.retryable).toBe(false);
      expect(gateway.requests).toHaveLength(1);
    }
  });

  it("times out a gateway that never answers and reports gatewayTimeout after retrying", async () => {
    const gateway = await startGateway(() => {
      /* never answers */
    });
    // Long enough for a loaded CI machine to deliver each request before it times out.
    const { createSender } = buildFactory({ timeoutMs: 500, retries: 1 });

    const startedAt = Date.now();
    const error = await deliveryFailure(createSender({ provider: "webhook", endpoint: gateway.url }).send(message));

    expect(error.reason).toBe("gatewayTimeout");
    expect(error.retryable).toBe(true);
    expect(gateway.requests).toHaveLength(2);
    expect(Date.now() - startedAt).toBeLessThan(10_000);
  });

  it("times out a gateway that sends headers but stalls mid-body", async () => {
    const gateway = await startGateway((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"messageId":');
    });
    const { createSender } = buildFactory({ timeoutMs: 100, retries: 0 });

    const error = await deliveryFailure(createSender({ provider: "webhook", endpoint: gateway.url }).send(message));

    expect(error.reason).toBe("gatewayTimeout");
  });

  it("reports gatewayUnavailable when nothing listens at the endpoint", async () => {
    const { createSender } = buildFactory({ retries: 1 });

    const error = await deliveryFailure(createSender({ provider: "webhook", endpoint: await closedPortUrl() }).send(message));

    expect(error.reason).toBe("gatewayUnavailable");
    expect(error.message).toContain("ECONNREFUSED");
  });

  it("refuses a missing or non-http endpoint as gatewayMisconfigured without sending", async () => {
    const { createSender, sleeps } = buildFactory();
    for (const endpoint of [null, "not a url", "ftp://example.test/sms", "https://user:pw@example.test/sms"]) {
      const error = await deliveryFailure(createSender({ provider: "webhook", endpoint }).send(message));
      expect(error.reason).toBe("gatewayMisconfigured");
      expect(error.retryable).toBe(false);
      expect(error.message).not.toContain("pw");
    }
    expect(sleeps).toEqual([]);
  });

  it("keeps credentials out of errors and logs", async () => {
    const gateway = await startGateway((_request, response, attempt) => reply(response, attempt === 1 ? 500 : 401));
    const { createSender, logger } = buildFactory();

    const error = await deliveryFailure(createSender({ provider: "webhook", endpoint: gateway.url, credentials: webhookSecret }).send(message));

    expect(error.reason).toBe("gatewayAuthFailed");
    expect(`${error.message} ${error.stack}`).not.toContain(webhookSecret);
    expect(JSON.stringify(logger.entries)).not.toContain(webhookSecret);
  });
});

describe("twilio sender", () => {
  const accountSid = "AC0123456789abcdef0123456789abcdef";
  const authToken = "twilio-token-do-not-leak";
  const credentials = `${accountSid}:${authToken}`;
  const messagingServiceSid = "MG0123456789abcdef0123456789abcdef";

  function twilioEndpoint(url: string): string {
    return `${url}/2010-04-01/Accounts/{AccountSid}/Messages.json`;
  }

  it("posts To, Body and From form fields with Basic auth to the account's Messages endpoint", async () => {
    const gateway = await startGateway((_request, response) => reply(response, 201, { sid: "SM0001", status: "queued" }));
    const { createSender } = buildFactory();

    const result = await createSender({ provider: "twilio", endpoint: twilioEndpoint(gateway.url), senderId: "+15005550006", credentials }).send(message);

    expect(result).toEqual({ providerMessageId: "SM0001" });
    const [request] = gateway.requests;
    expect(request.method).toBe("POST");
    expect(request.path).toBe(`/2010-04-01/Accounts/${accountSid}/Messages.json`);
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(credentials).toString("base64")}`);
    const form = new URLSearchParams(request.body);
    expect(Object.fromEntries(form)).toEqual({ To: message.to, Body: message.body, From: "+15005550006" });
  });

  it("sends MessagingServiceSid instead of From when the sender is a Messaging Service SID", async () => {
    const gateway = await startGateway((_request, response) => reply(response, 201, { sid: "SM0002" }));
    const { createSender } = buildFactory();

    await createSender({ provider: "twilio", endpoint: twilioEndpoint(gateway.url), senderId: messagingServiceSid, credentials }).send(message);

    const form = new URLSearchParams(gateway.requests[0].body);
    expect(form.get("MessagingServiceSid")).toBe(messagingServiceSid);
    expect(form.has("From")).toBe(false);
  });

  it("treats an alphanumeric sender that merely starts with MG as a From value", async () => {
    const gateway = await startGateway((_request, response) => reply(response, 201, { sid: "SM0003" }));
    const { createSender } = buildFactory();

    await createSender({ provider: "twilio", endpoint: twilioEndpoint(gateway.url), senderId: "MGMotors", credentials }).send(message);

    expect(new URLSearchParams(gateway.requests[0].body).get("From")).toBe("MGMotors");
  });

  it("substitutes {SID} and uses an endpoint without a placeholder as-is", async () => {
    const gateway = await startGateway((_request, response) => reply(response, 201, { sid: "SM0004" }));
    const { createSender } = buildFactory();

    await createSender({ provider: "twilio", endpoint: `${gateway.url}/Accounts/{SID}/Messages.json`, senderId: "+15005550006", credentials }).send(message);
    await createSender({ provider: "twilio", endpoint: `${gateway.url}/fixed/path`, senderId: "+15005550006", credentials }).send(message);

    expect(gateway.requests.map((request) => request.path)).toEqual([`/Accounts/${accountSid}/Messages.json`, "/fixed/path"]);
  });

  it("targets api.twilio.com with the account SID when no endpoint is configured", async () => {
    const gateway = await startGateway((_request, response) => reply(response, 201, { sid: "SM0005" }));
    const requestedUrls: string[] = [];
    // Records the URL the sender chose, then delivers to the local gateway instead of the internet.
    const forwardingFetch: typeof fetch = (input, init) => {
      const url = new URL(String(input));
      requestedUrls.push(url.href);
      return fetch(`${gateway.url}${url.pathname}`, init);
    };
    const { createSender } = buildFactory({ fetchImpl: forwardingFetch });

    await createSender({ provider: "twilio", senderId: "+15005550006", credentials }).send(message);

    expect(requestedUrls).toEqual([`https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Messages.json`]);
    expect(gateway.requests).toHaveLength(1);
  });

  it("maps error 21211 to invalidRecipient without retrying", async () => {
    const gateway = await startGateway((_request, response) =>
      reply(response, 400, { code: 21211, message: "The 'To' number +12065550123 is not a valid phone number.", status: 400 }),
    );
    const { createSender } = buildFactory();

    const error = await deliveryFailure(createSender({ provider: "twilio", endpoint: twilioEndpoint(gateway.url), senderId: "+15005550006", credentials }).send(message));

    expect(error.reason).toBe("invalidRecipient");
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("21211");
    expect(gateway.requests).toHaveLength(1);
  });

  it("maps error 20003 to gatewayAuthFailed and keeps the SID and token out of the error and logs", async () => {
    const gateway = await startGateway((_request, response) =>
      reply(response, 401, { code: 20003, message: `Authenticate: /2010-04-01/Accounts/${accountSid}/Messages.json token ${authToken}`, status: 401 }),
    );
    const { createSender, logger } = buildFactory();

    const error = await deliveryFailure(createSender({ provider: "twilio", endpoint: twilioEndpoint(gateway.url), senderId: "+15005550006", credentials }).send(message));

    expect(error.reason).toBe("gatewayAuthFailed");
    expect(error.retryable).toBe(false);
    expect(gateway.requests).toHaveLength(1);
    for (const secret of [accountSid, authToken]) {
      expect(error.message).not.toContain(secret);
      expect(JSON.stringify(logger.entries)).not.toContain(secret);
    }
  });

  it("retries 20429 throttling and 5xx, then returns the message sid", async () => {
    const gateway = await startGateway((_request, response, attempt) => {
      if (attempt === 1) return reply(response, 429, { code: 20429, message: "Too Many Requests", status: 429 });
      if (attempt === 2) return reply(response, 503, { code: 20500, message: "Service Unavailable", status: 503 });
      return reply(response, 201, { sid: "SM0006" });
    });
    const { createSender, sleeps } = buildFactory({ retries: 2, backoffMs: 5 });

    const result = await createSender({ provider: "twilio", endpoint: twilioEndpoint(gateway.url), senderId: "+15005550006", credentials }).send(message);

    expect(result.providerMessageId).toBe("SM0006");
    expect(gateway.requests).toHaveLength(3);
    expect(sleeps).toEqual([5, 10]);
  });

  it("maps other Twilio errors to gatewayRejected without retrying", async () => {
    const gateway = await startGateway((_request, response) => reply(response, 400, { code: 21602, message: "Message body is required.", status: 400 }));
    const { createSender } = buildFactory();

    const error = await deliveryFailure(createSender({ provider: "twilio", endpoint: twilioEndpoint(gateway.url), senderId: "+15005550006", credentials }).send(message));

    expect(error.reason).toBe("gatewayRejected");
    expect(error.retryable).toBe(false);
    expect(gateway.requests).toHaveLength(1);
  });

  it("refuses missing or malformed credentials before sending anything", async () => {
    const gateway = await startGateway((_request, response) => reply(response, 201, { sid: "SM0007" }));
    const { createSender } = buildFactory();

    for (const bad of [null, "", "no-colon", `:${authToken}`, `${accountSid}:`]) {
      const error = await deliveryFailure(createSender({ provider: "twilio", endpoint: twilioEndpoint(gateway.url), senderId: "+15005550006", credentials: bad }).send(message));
      expect(error.reason).toBe("gatewayAuthFailed");
      expect(error.message).not.toContain(authToken);
    }
    expect(gateway.requests).toHaveLength(0);
  });

  it("refuses to send without a sender as gatewayMisconfigured", async () => {
    const gateway = await startGateway((_request, response) => reply(response, 201, { sid: "SM0008" }));
    const { createSender } = buildFactory();

    const error = await deliveryFailure(createSender({ provider: "twilio", endpoint: twilioEndpoint(gateway.url), credentials }).send(message));

    expect(error.reason).toBe("gatewayMisconfigured");
    expect(gateway.requests).toHaveLength(0);
  });
});

describe("console sender", () => {
  it("keeps the full text in the outbox and masks codes in the log", async () => {
    const sentAt = new Date("2030-01-01T00:00:00Z");
    const { createSender, outbox, logger } = buildFactory({ now: () => sentAt });

    await createSender({ provider: "console", senderId: "Wingtip" }).send(message);

    expect(outbox.last(message.to)).toEqual({ to: message.to, body: message.body, senderId: "Wingtip", sentAt });
    expect(logger.entries).toHaveLength(1);
    // The recipient is masked in the log (`+1 206***0123`), kept whole in the outbox.
    expect(logger.entries[0].obj).toMatchObject({ to: maskPhoneForLog(message.to), body: "Your verification code is ******" });
    expect(JSON.stringify(logger.entries)).not.toContain("493817");
    expect(JSON.stringify(logger.entries)).not.toContain(message.to);
  });

  it("masks every run of four or more digits but leaves shorter ones", async () => {
    const { createSender, logger } = buildFactory();

    await createSender({ provider: "console" }).send({ to: message.to, body: "Code 1234 for order 12, ref 987654321" });

    expect(logger.entries[0].obj).toMatchObject({ body: "Code ****** for order 12, ref ******" });
  });

  it("shows codes in the log when revealCodesInLog is on", async () => {
    const { createSender, logger } = buildFactory({ revealCodesInLog: true });

    await createSender({ provider: "console" }).send(message);

    expect(logger.entries[0].obj).toMatchObject({ body: message.body });
  });
});

describe("sms outbox", () => {
  const entry = (to: string, body: string) => ({ to, body, senderId: null, sentAt: new Date() });

  it("lists oldest first and finds the latest message per recipient", () => {
    const outbox = createSmsOutbox();
    outbox.push(entry("+1", "first"));
    outbox.push(entry("+2", "second"));
    outbox.push(entry("+1", "third"));

    expect(outbox.list().map((item) => item.body)).toEqual(["first", "second", "third"]);
    expect(outbox.last()?.body).toBe("third");
    expect(outbox.last("+2")?.body).toBe("second");
    expect(outbox.last("+3")).toBeUndefined();
  });

  it("drops the oldest messages beyond its limit and empties on clear", () => {
    const outbox = createSmsOutbox(2);
    for (const body of ["a", "b", "c"]) outbox.push(entry("+1", body));

    expect(outbox.list().map((item) => item.body)).toEqual(["b", "c"]);
    outbox.clear();
    expect(outbox.list()).toEqual([]);
  });
});

describe("sms sender factory", () => {
  it("refuses an unknown provider as gatewayMisconfigured", () => {
    const { createSender } = buildFactory();
    const unknown = { provider: "carrier-pigeon" } as unknown as Parameters<typeof createSender>[0];

    expect(() => createSender(unknown)).toThrow(SmsDeliveryError);
  });
});
