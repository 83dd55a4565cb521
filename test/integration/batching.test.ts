import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsersWithMethodsDocument } from "../generated/graphql.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

describe("relation reads are batched (DataLoader)", () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    // The reset and SMS delivery workers poll the same pool: keep them quiet so only the query's statements count.
    server = await startTestServer({ workerOptions: { pollMs: 3_600_000 }, smsDeliveryOptions: { pollMs: 3_600_000 } });
    token = await server.tokenFor("admin@wingtiptoysonline.com", ["UserAuthenticationMethod.Read.All"]);
    const prisma = server.app.database.prisma;
    const users = Array.from({ length: 110 }, (_, i) => ({ id: randomUUID(), userPrincipalName: `bulk${String(i).padStart(3, "0")}@wingtiptoysonline.com`, passwordHash: "x" }));
    await prisma.user.createMany({ data: users });
    await prisma.phoneMethod.createMany({
      data: users.flatMap((u, i) => [
        { userId: u.id, phoneType: "mobile" as const, phoneNumber: `+1206555${String(1000 + i)}`, smsSignInEnabled: i % 2 === 0 },
        { userId: u.id, phoneType: "office" as const, phoneNumber: `+1425555${String(1000 + i)}` },
      ]),
    });
    await prisma.directoryRoleAssignment.createMany({ data: users.slice(0, 5).map((u) => ({ userId: u.id, role: "AUTHENTICATION_ADMINISTRATOR" as const })) });
  });
  afterAll(() => server?.stop());

  const statementsFor = async (first: number) => {
    const before = server.app.database.statementCount();
    const res = await server.execute(UsersWithMethodsDocument, { first }, { token });
    const used = server.app.database.statementCount() - before;
    expect(res.errors).toBeUndefined();
    expect(res.data!.users.nodes).toHaveLength(first);
    return { used, res };
  };

  it("reads 100 users with all their methods and states in a constant number of statements", async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(100);
    expect(large.used).toBe(small.used);
    expect(large.used).toBeLessThanOrEqual(10);
    const withPhones = large.res.data!.users.nodes.filter((u) => u.authentication.methods.length === 3);
    expect(withPhones.length).toBeGreaterThan(90);
    expect(withPhones[0]!.authentication.methods[0]).toMatchObject({ phoneType: "mobile" });
  });
});
