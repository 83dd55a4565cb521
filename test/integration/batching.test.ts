import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OwnMethodsHotPathDocument, UserPageMethodIdsDocument, UsersWithMethodsDocument } from "../generated/graphql.js";
import { startStatementCounter, type StatementCounter } from "../kit/statement-counter.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

describe("relation reads are batched (DataLoader)", () => {
  // The reset and SMS delivery workers poll the database: kept quiet so that only the query's statements count.
  const quiet = { workerOptions: { pollMs: 3_600_000 }, smsDeliveryOptions: { pollMs: 3_600_000 } };
  let owner: TestServer;
  let counter: StatementCounter;
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    owner = await startTestServer(quiet);
    const prisma = owner.app.database.prisma;
    const users = Array.from({ length: 110 }, (_, i) => ({ id: randomUUID(), userPrincipalName: `bulk${String(i).padStart(3, "0")}@wingtiptoysonline.com`, passwordHash: "x" }));
    await prisma.user.createMany({ data: users });
    await prisma.phoneMethod.createMany({
      data: users.flatMap((u, i) => [
        { userId: u.id, phoneType: "mobile" as const, phoneNumber: `+1206555${String(1000 + i)}`, smsSignInEnabled: i % 2 === 0 },
        { userId: u.id, phoneType: "office" as const, phoneNumber: `+1425555${String(1000 + i)}` },
      ]),
    });
    await prisma.directoryRoleAssignment.createMany({ data: users.slice(0, 5).map((u) => ({ userId: u.id, role: "AUTHENTICATION_ADMINISTRATOR" as const })) });
    // A second server on the same database, through a proxy that counts what it sends.
    counter = await startStatementCounter(owner.app.database.connectionString);
    server = await startTestServer({ ...quiet, databaseUrl: counter.url, seed: false });
    token = await server.tokenFor("admin@wingtiptoysonline.com", ["UserAuthenticationMethod.Read.All"]);
  });
  afterAll(async () => {
    await server?.stop();
    await counter?.stop();
    await owner?.stop();
  });

  // The fewest of three runs: background work (a worker's first claim, housekeeping at start)
  // shares the pool and may add a statement to one run, never take one away. Each run waits
  // until the process's shared SMS policy (kept 100 ms) is stale, so every run reads it once.
  const policyStale = () => new Promise((resolve) => setTimeout(resolve, 150));
  const fewestOfThree = async <R extends { errors?: unknown }>(run: () => Promise<R>) => {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      await policyStale();
      counter.reset();
      const res = await run();
      runs.push({ used: counter.count(), res });
      expect(res.errors).toBeUndefined();
    }
    return runs.reduce((best, r) => (r.used < best.used ? r : best));
  };
  const statementsFor = async (first: number) => {
    const fewest = await fewestOfThree(() => server.execute(UsersWithMethodsDocument, { first }, { token }));
    expect(fewest.res.data!.users.nodes).toHaveLength(first);
    return fewest;
  };
  const fewestStatements = async (run: () => Promise<{ errors?: unknown }>) => (await fewestOfThree(run)).used;

  it("reads 100 users with all their methods and states in a constant number of statements", async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(100);
    expect(large.used).toBe(small.used);
    expect(large.used).toBeGreaterThan(0);
    expect(large.used).toBeLessThanOrEqual(10);
    const withPhones = large.res.data!.users.nodes.filter((u) => u.authentication.methods.length === 3);
    expect(withPhones.length).toBeGreaterThan(90);
    expect(withPhones[0]!.authentication.methods[0]).toMatchObject({ phoneType: "mobile" });
  });

  it("reads a page of users' method ids in at most 3 statements, whatever the page size (caller included)", async () => {
    const ten = await fewestStatements(() => server.execute(UserPageMethodIdsDocument, { first: 10 }, { token }));
    const hundred = await fewestStatements(() => server.execute(UserPageMethodIdsDocument, { first: 100 }, { token }));
    expect(hundred).toBe(ten);
    expect(hundred).toBeLessThanOrEqual(3);
  });

  it("answers the caller's own methods and their SMS sign-in states in 1 statement once the process knows the caller and their phones (the SMS policy, when the process's copy is older than 100 ms)", async () => {
    const avery = await server.tokenFor("avery.howard@wingtiptoysonline.com", ["UserAuthenticationMethod.Read"]);
    const averyId = await owner.userId("avery.howard@wingtiptoysonline.com");
    const phone = await owner.app.database.prisma.phoneMethod.create({ data: { userId: averyId, phoneType: "mobile", phoneNumber: "+12065550100", smsSignInEnabled: true } });
    // Written behind the API's back (the pages above were read, and remembered): announced as the API would.
    await owner.app.events.publish("authenticationMethodChanged", { userId: averyId, kind: "added", method: { type: "phone", phoneType: "mobile", phoneNumber: phone.phoneNumber, smsSignInEnabled: true, createdAt: phone.createdAt.toISOString() } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await policyStale();
    counter.reset();
    const first = await server.execute(OwnMethodsHotPathDocument, undefined, { token: avery });
    expect(first.data!.me.authentication.methods).toHaveLength(2);
    // The first request of a token's session reads its caller too (user, roles, session: one statement).
    expect(counter.count()).toBeLessThanOrEqual(3);
    const used = await fewestStatements(() => server.execute(OwnMethodsHotPathDocument, undefined, { token: avery }));
    expect(used).toBeLessThanOrEqual(1);
  });
});
