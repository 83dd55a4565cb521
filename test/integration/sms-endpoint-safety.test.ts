import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CreateSmsGatewayAccountDocument,
  IdentityStoresDocument,
  SmsGatewayAccountsDocument,
  StartPhoneVerificationDocument,
  UpdateIdentityStoreSmsSettingsDocument,
  UpdateSmsGatewayAccountDocument,
  type SmsGatewayAccountInput,
} from "../generated/graphql.js";
import { codesOf } from "../kit/graphql-client.js";
import { startSmsGatewayStub, type SmsGatewayStub } from "../kit/sms-gateway-stub.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

const ADMIN = "admin@wingtiptoysonline.com";
const STORE = "wingtiptoysonline.com";
const TEMPLATE = "Your verification code is [Code]";
const MINUTE = 60_000;

/** Endpoints inside the server's own network, in the spellings attackers use (issue 8, finding 5). */
const INTERNAL_ENDPOINTS: [kind: string, endpoint: string][] = [
  ["cloud metadata (link-local)", "https://169.254.169.254/latest/meta-data/iam/security-credentials/"],
  ["ECS task metadata (link-local)", "https://169.254.170.2/v2/credentials"],
  ["loopback", "https://127.0.0.1/sms"],
  ["loopback elsewhere in 127/8, with a port", "https://127.0.0.2:8443/sms"],
  ["localhost", "https://localhost/sms"],
  ["localhost, upper case with a final dot", "https://LOCALHOST./sms"],
  ["a .localhost name", "https://sms.localhost/sms"],
  ["IPv6 loopback", "https://[::1]/sms"],
  ["10/8", "https://10.0.0.5/sms"],
  ["10/8, top", "https://10.255.255.254/sms"],
  ["172.16/12", "https://172.16.0.1/sms"],
  ["172.16/12, top", "https://172.31.255.254/sms"],
  ["192.168/16", "https://192.168.1.1/sms"],
  ["100.64/10 (carrier-grade NAT)", "https://100.64.0.1/sms"],
  ["0.0.0.0", "https://0.0.0.0/sms"],
  ["0 (short for 0.0.0.0)", "https://0/sms"],
  ["IPv6 unspecified", "https://[::]/sms"],
  ["IPv4-mapped IPv6 loopback", "https://[::ffff:127.0.0.1]/sms"],
  ["IPv4-mapped IPv6 loopback, hex", "https://[::ffff:7f00:1]/sms"],
  ["IPv4-mapped IPv6 metadata", "https://[::ffff:169.254.169.254]/sms"],
  ["IPv4-compatible IPv6 loopback", "https://[::127.0.0.1]/sms"],
  ["decimal IPv4", "https://2130706433/sms"],
  ["hex IPv4", "https://0x7f000001/sms"],
  ["octal IPv4", "https://017700000001/sms"],
  ["short IPv4", "https://127.1/sms"],
  ["octal dotted IPv4", "https://0177.0.0.1/sms"],
  ["hex dotted metadata", "https://0xa9.0xfe.0xa9.0xfe/sms"],
  ["IPv6 unique local", "https://[fd00::1]/sms"],
  ["AWS metadata over IPv6 (unique local)", "https://[fd00:ec2::254]/latest/meta-data/"],
  ["IPv6 link-local", "https://[fe80::1]/sms"],
  ["NAT64 of loopback", "https://[64:ff9b::7f00:1]/sms"],
  ["6to4 of loopback", "https://[2002:7f00:1::]/sms"],
  ["multicast", "https://224.0.0.1/sms"],
  ["broadcast", "https://255.255.255.255/sms"],
  ["benchmarking range", "https://198.18.0.1/sms"],
  ["GCE metadata name (.internal)", "https://metadata.google.internal/computeMetadata/v1/"],
  ["single-label name (search-domain lookup)", "https://metadata/computeMetadata/v1/"],
  ["mDNS name (.local)", "https://printer.local/sms"],
  ["home network name (.home.arpa)", "https://router.home.arpa/sms"],
  ["plain http to a public name", "http://sms.example.com/send"],
];

describe("SMS gateway endpoints with production rules (SMS_ALLOW_PRIVATE_ENDPOINTS off)", () => {
  let server: TestServer;
  let admin: string;
  let stub: SmsGatewayStub;
  let userNumber = 0;

  const create = (input: SmsGatewayAccountInput) => server.execute(CreateSmsGatewayAccountDocument, { input }, { token: admin });
  const accountCount = async () => (await server.execute(SmsGatewayAccountsDocument, undefined, { token: admin })).data!.smsGatewayAccounts.length;

  /** A new user asks for a code to enrol `phoneNumber`: the send happens on their request. */
  async function startEnrolment(phoneNumber: string) {
    const upn = `endpoint.user${++userNumber}@wingtiptoysonline.com`;
    await server.request(`mutation($u: String!) { createUser(input: { userPrincipalName: $u }) { id } }`, { u: upn }, { token: admin });
    const token = await server.tokenFor(upn);
    return server.execute(StartPhoneVerificationDocument, { input: { phoneNumber, phoneType: "mobile" } }, { token });
  }

  beforeAll(async () => {
    server = await startTestServer({ env: { SMS_ALLOW_PRIVATE_ENDPOINTS: "false" } });
    stub = await startSmsGatewayStub();
  });
  afterAll(async () => {
    await server?.stop();
    await stub?.close();
  });
  beforeEach(async () => {
    server.clock.advance(16 * MINUTE);
    admin = await server.tokenFor(ADMIN);
  });

  it(`refuses ${INTERNAL_ENDPOINTS.length} kinds of internal endpoint when saved, and stores none`, async () => {
    const before = await accountCount();
    const accepted: string[] = [];
    for (const [kind, endpoint] of INTERNAL_ENDPOINTS) {
      for (const provider of ["webhook", "twilio"] as const) {
        const input: SmsGatewayAccountInput =
          provider === "webhook"
            ? { name: `Hook ${kind}`, provider, endpoint }
            : { name: `Twilio ${kind}`, provider, endpoint, senderId: "+12065550100", credentials: "AC0123:token" };
        const result = await create(input);
        if (!result.errors) accepted.push(`${provider} ${kind}: ${endpoint}`);
        else {
          expect(codesOf(result), `${provider} ${kind}`).toEqual(["BAD_USER_INPUT"]);
          expect(result.errors[0]!.extensions, `${provider} ${kind}`).toMatchObject({ field: "endpoint", reason: "endpointNotAllowed" });
        }
      }
    }
    expect(accepted).toEqual([]);
    expect(await accountCount()).toBe(before);
    expect(INTERNAL_ENDPOINTS.length).toBeGreaterThanOrEqual(33);
  });

  it("refuses an internal endpoint on update too, keeping the stored one", async () => {
    const created = await create({ name: "Public webhook", provider: "webhook", endpoint: "https://sms.example.com/send" });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createSmsGatewayAccount.id;
    const updated = await server.execute(UpdateSmsGatewayAccountDocument, { id, input: { name: "Public webhook", provider: "webhook", endpoint: "https://[::ffff:169.254.169.254]/" } }, { token: admin });
    expect(updated.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "endpointNotAllowed" });
    const row = await server.app.database.prisma.smsGatewayAccount.findUnique({ where: { id } });
    expect(row!.endpoint).toBe("https://sms.example.com/send");
  });

  it("accepts public https endpoints", async () => {
    for (const endpoint of ["https://93.184.215.14/sms", "https://[2606:4700::6810:85e5]/sms", "https://api.twilio.com/2010-04-01/Accounts/{SID}/Messages.json"]) {
      const result = await create({ name: `Public ${endpoint}`, provider: "webhook", endpoint });
      expect(result.errors, endpoint).toBeUndefined();
    }
  });

  describe("when sending through an endpoint stored before these rules (or whose DNS changed)", () => {
    let accountId: string;
    let consoleId: string;

    beforeAll(async () => {
      const token = await server.tokenFor(ADMIN);
      consoleId = (await server.execute(IdentityStoresDocument, undefined, { token })).data!.identityStores[0]!.smsGatewayAccount!.id;
      const created = await server.execute(CreateSmsGatewayAccountDocument, { input: { name: "Rebound webhook", provider: "webhook", endpoint: "https://sms.example.com/send" } }, { token });
      accountId = created.data!.createSmsGatewayAccount.id;
      const used = await server.execute(UpdateIdentityStoreSmsSettingsDocument, { identityStoreId: STORE, input: { smsGatewayAccountId: accountId, smsMessageTemplate: TEMPLATE } }, { token });
      expect(used.errors).toBeUndefined();
    });
    afterAll(async () => {
      await server.execute(UpdateIdentityStoreSmsSettingsDocument, { identityStoreId: STORE, input: { smsGatewayAccountId: consoleId, smsMessageTemplate: TEMPLATE } }, { token: await server.tokenFor(ADMIN) });
    });

    /** Writes the endpoint straight into the database, as an older version (or a DNS change) would leave it. */
    const storeEndpoint = (endpoint: string) => server.app.database.prisma.smsGatewayAccount.update({ where: { id: accountId }, data: { endpoint } });

    it("does not connect, and answers the same for an open port, a closed port and an address that never answers", async () => {
      const closedPort = await (async () => {
        const probe = await startSmsGatewayStub();
        const port = new URL(probe.url).port;
        await probe.close();
        return port;
      })();
      const openPort = new URL(stub.url).port;
      const endpoints = [
        `${stub.url}/sms`,
        `http://127.0.0.1:${closedPort}/sms`,
        `https://127.0.0.1:${openPort}/sms`,
        `https://localhost:${openPort}/sms`,
        `https://[::ffff:127.0.0.1]:${openPort}/sms`,
        `https://2130706433:${closedPort}/sms`,
        "https://169.254.169.254/latest/meta-data/",
        "https://10.255.255.1:22/",
      ];
      const answers = [];
      let number = 2065550180;
      for (const endpoint of endpoints) {
        await storeEndpoint(endpoint);
        const started = Date.now();
        const result = await startEnrolment(`+1 ${number++}`);
        answers.push({ endpoint, ms: Date.now() - started, codes: codesOf(result), extensions: result.errors?.[0]?.extensions, message: result.errors?.[0]?.message });
      }
      for (const answer of answers) {
        expect(answer.codes, answer.endpoint).toEqual(["PRECONDITION_FAILED"]);
        expect(answer.extensions, answer.endpoint).toMatchObject({ code: "PRECONDITION_FAILED", reason: "smsDeliveryFailed", deliveryFailure: "endpointNotAllowed", retryable: false });
        // Nothing in the answer depends on the port or on what listens there.
        expect(answer.extensions, answer.endpoint).toEqual(answers[0]!.extensions);
        expect(answer.message, answer.endpoint).toBe(answers[0]!.message);
        // Refused before connecting: no timeout spent on an address that never answers.
        expect(answer.ms, answer.endpoint).toBeLessThan(2000);
      }
      expect(stub.requests).toEqual([]);
    });
  });
});

describe("SMS gateway endpoints in development (SMS_ALLOW_PRIVATE_ENDPOINTS on)", () => {
  let server: TestServer;
  let admin: string;
  let redirecting: SmsGatewayStub;
  let target: SmsGatewayStub;

  beforeAll(async () => {
    server = await startTestServer({ env: { SMS_ALLOW_PRIVATE_ENDPOINTS: "true" } });
    [redirecting, target] = await Promise.all([startSmsGatewayStub(), startSmsGatewayStub()]);
    redirecting.respondWith((_request, response) => {
      response.writeHead(302, { location: `${target.url}/internal/admin` });
      response.end();
    });
    admin = await server.tokenFor(ADMIN);
  });
  afterAll(async () => {
    await server?.stop();
    await Promise.all([redirecting?.close(), target?.close()]);
  });

  it("accepts loopback but still refuses link-local metadata and 0.0.0.0", async () => {
    const accepted = await server.execute(CreateSmsGatewayAccountDocument, { input: { name: "Local stub", provider: "webhook", endpoint: `${target.url}/sms` } }, { token: admin });
    expect(accepted.errors).toBeUndefined();
    for (const endpoint of ["http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://0.0.0.0:8080/"]) {
      const refused = await server.execute(CreateSmsGatewayAccountDocument, { input: { name: `Refused ${endpoint}`, provider: "webhook", endpoint } }, { token: admin });
      expect(refused.errors?.[0]?.extensions, endpoint).toMatchObject({ code: "BAD_USER_INPUT", reason: "endpointNotAllowed" });
    }
  });

  it("does not follow a gateway's redirect, even to an allowed address", async () => {
    const created = await server.execute(CreateSmsGatewayAccountDocument, { input: { name: "Redirecting", provider: "webhook", endpoint: `${redirecting.url}/sms` } }, { token: admin });
    const used = await server.execute(
      UpdateIdentityStoreSmsSettingsDocument,
      { identityStoreId: STORE, input: { smsGatewayAccountId: created.data!.createSmsGatewayAccount.id, smsMessageTemplate: TEMPLATE } },
      { token: admin },
    );
    expect(used.errors).toBeUndefined();

    await server.request(`mutation { createUser(input: { userPrincipalName: "redirect.user@wingtiptoysonline.com" }) { id } }`, {}, { token: admin });
    const token = await server.tokenFor("redirect.user@wingtiptoysonline.com");
    const result = await server.execute(StartPhoneVerificationDocument, { input: { phoneNumber: "+1 2065550190", phoneType: "mobile" } }, { token });

    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "PRECONDITION_FAILED", reason: "smsDeliveryFailed", deliveryFailure: "gatewayMisconfigured", retryable: false });
    expect(redirecting.requests).toHaveLength(1);
    expect(target.requests).toEqual([]);
  });
});
