import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphQLResponse } from "../kit/graphql-client.js";
import { connectWs, executeWs } from "../kit/subscriptions.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

// Sign-in rules that must hold under parallel requests (issue: sign-in and SMS abuse, findings
// 1-3). Each test fires real parallel requests at a started server, on either database.

const DOMAIN = "wingtiptoysonline.com";
const SIGN_IN = `mutation($upn: String!, $password: String!) { signInWithPassword(userPrincipalName: $upn, password: $password) { isVerified accessToken } }`;
const PASSWORD = "Correct-horse-9";

const reasonOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.reason;

describe("password sign-in under parallel attack", () => {
  let server: TestServer;
  let directoryApp: string;

  beforeAll(async () => {
    server = await startTestServer({
      env: { TRUST_PROXY: "loopback", SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: "10", PASSWORD_HASH_CONCURRENCY: "2" },
    });
    directoryApp = await server.appToken(["User.ReadWrite.All"]);
  });
  afterAll(() => server?.stop());

  const signIn = (upn: string, password: string, address: string) =>
    fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address },
      body: JSON.stringify({ query: SIGN_IN, variables: { upn, password } }),
    }).then(async (r) => ({ ...((await r.json()) as GraphQLResponse<{ signInWithPassword: { isVerified: boolean; accessToken: string | null } }>), status: r.status }));

  async function createUser(alias: string) {
    const res = await server.request(`mutation($upn: String!, $password: String!) { createUser(input: { userPrincipalName: $upn, password: $password }) { id } }`, { upn: `${alias}@${DOMAIN}`, password: PASSWORD }, { token: directoryApp });
    expect(res.errors).toBeUndefined();
    return `${alias}@${DOMAIN}`;
  }

  it("checks at most 5 of 50 parallel sign-ins for one name (49 wrong, 1 right): the lock can't be raced", async () => {
    const upn = await createUser("raced-lockout");
    // Each request from its own address, so only the per-name lockout is in play.
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signIn(upn, i === 25 ? PASSWORD : `Wrong-guess-${i}`, `198.18.0.${i + 1}`)),
    );
    const checked = results.filter((r) => !r.errors);
    const locked = results.filter((r) => reasonOf(r) === "accountLocked");
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(checked.length + locked.length).toBe(50);
    // However the race went, the failures recorded never pass the limit.
    const bucket = await server.app.database.prisma.rateLimitBucket.findUnique({ where: { key: `password-sign-in-failures:${upn}` } });
    expect(bucket!.count).toBeLessThanOrEqual(5);
  });

  it("sequentially, locks after 5 failures even for the right password", async () => {
    const upn = await createUser("sequential-lockout");
    for (let i = 0; i < 5; i++) expect((await signIn(upn, `Wrong-${i}`, "198.18.1.1")).data!.signInWithPassword.isVerified).toBe(false);
    const right = await signIn(upn, PASSWORD, "198.18.1.2");
    expect(right.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", reason: "accountLocked" });
  });

  it("a right password takes back its own reservation: a user who signs in isn't pushed toward the lock", async () => {
    const upn = await createUser("released-reservation");
    for (let i = 0; i < 8; i++) expect((await signIn(upn, PASSWORD, `198.18.2.${i + 1}`)).data!.signInWithPassword.isVerified).toBe(true);
  });

  it("refuses the 11th of 100 parallel sign-ins from one address (different names), while another address signs in, and never hashes more than 2 at once", async () => {
    const upn = await createUser("neighbour");
    const attack = Promise.all(Array.from({ length: 100 }, (_, i) => signIn(`nobody-${i}@${DOMAIN}`, "Wrong-password-1", "203.0.113.50")));
    const neighbour = await signIn(upn, PASSWORD, "198.51.100.7");
    const results = await attack;
    expect(neighbour.data!.signInWithPassword.isVerified).toBe(true);
    const refused = results.filter((r) => reasonOf(r) === "tooManySignInAttempts");
    expect(results.filter((r) => !r.errors)).toHaveLength(10);
    expect(refused).toHaveLength(90);
    expect(results.every((r) => r.status < 500)).toBe(true);
    expect(server.app.hasher.peakConcurrency()).toBeLessThanOrEqual(2);
  });

  it("counts sign-ins over graphql-ws against the same per-address limit, in parallel on one socket", async () => {
    const client = connectWs(server.url);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => executeWs(client, SIGN_IN, { upn: `ws-nobody-${i}@${DOMAIN}`, password: "Wrong-password-1" })),
    );
    expect(results.filter((r) => !r.errors && r.data?.signInWithPassword)).toHaveLength(10);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.reason === "tooManySignInAttempts")).toHaveLength(40);
    await client.dispose();
  });
});

describe("password hashing is bounded under load from many addresses", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      env: { TRUST_PROXY: "loopback", SCRYPT_COST: "16384", PASSWORD_HASH_CONCURRENCY: "2", SIGN_IN_MAX_IN_PROGRESS: "8" },
    });
  });
  afterAll(() => server?.stop());

  it("refuses sign-ins as busy (RATE_LIMITED signInBusy, retry after 1 s) instead of queueing hashes without bound", async () => {
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        fetch(server.url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `198.19.${Math.floor(i / 200)}.${(i % 200) + 1}` },
          body: JSON.stringify({ query: SIGN_IN, variables: { upn: `someone-${i}@${DOMAIN}`, password: "Wrong-password-1" } }),
        }).then((r) => r.json() as Promise<GraphQLResponse<unknown>>),
      ),
    );
    const busy = results.filter((r) => reasonOf(r) === "signInBusy");
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]!.errors![0]!.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 1 });
    expect(results.filter((r) => !r.errors).length).toBeGreaterThanOrEqual(8);
    expect(server.app.hasher.peakConcurrency()).toBeLessThanOrEqual(2);
  });
});

describe("the last Global Administrator under parallel removal", () => {
  let server: TestServer;
  let directoryApp: string;
  beforeAll(async () => {
    server = await startTestServer();
    directoryApp = await server.appToken(["User.ReadWrite.All"]);
  });
  afterAll(() => server?.stop());

  const globalAdministrators = async () =>
    (await server.app.database.prisma.directoryRoleAssignment.findMany({ where: { role: "GLOBAL_ADMINISTRATOR" } })).map((a) => a.userId);

  async function makeGlobalAdministrator(alias: string): Promise<string> {
    const created = await server.request(`mutation($upn: String!) { createUser(input: { userPrincipalName: $upn }) { id } }`, { upn: `${alias}@${DOMAIN}` }, { token: directoryApp });
    const id = created.data.createUser.id as string;
    await server.request(`mutation($id: ID!) { assignDirectoryRole(userId: $id, role: GLOBAL_ADMINISTRATOR) { id } }`, { id }, { token: directoryApp });
    return id;
  }

  it.each([1, 2, 3, 4, 5])("trial %i: 50 parallel deleteUser / removeDirectoryRole on the two remaining Global Administrators leave exactly one", async (trial) => {
    const a = await makeGlobalAdministrator(`ga-a-${trial}`);
    const b = await makeGlobalAdministrator(`ga-b-${trial}`);
    for (const other of (await globalAdministrators()).filter((id) => id !== a && id !== b)) {
      const removed = await server.request(`mutation($id: ID!) { removeDirectoryRole(userId: $id, role: GLOBAL_ADMINISTRATOR) { id } }`, { id: other }, { token: directoryApp });
      expect(removed.errors).toBeUndefined();
    }
    expect((await globalAdministrators()).sort()).toEqual([a, b].sort());

    const requests = Array.from({ length: 50 }, (_, i) => {
      const target = i % 2 === 0 ? a : b;
      return i % 4 < 2
        ? server.request(`mutation($id: ID!) { deleteUser(id: $id) }`, { id: target }, { token: directoryApp })
        : server.request(`mutation($id: ID!) { removeDirectoryRole(userId: $id, role: GLOBAL_ADMINISTRATOR) { id } }`, { id: target }, { token: directoryApp });
    });
    const results = await Promise.all(requests);
    expect(results.every((r) => r.status < 500 && (r.errors ?? []).every((e) => e.extensions?.code !== "INTERNAL_SERVER_ERROR"))).toBe(true);
    expect(results.some((r) => reasonOf(r) === "lastGlobalAdministrator")).toBe(true);
    expect(await globalAdministrators()).toHaveLength(1);
  });
});
