import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AddSecurityRoleMemberDocument,
  AddSecurityRoleMemberListedDocument,
  RemoveSecurityRoleMemberDocument,
  RemoveSecurityRoleMemberListedDocument,
  SecurityRoleMembersDocument,
  SecurityRoleMembersWithRolesDocument,
} from "../generated/graphql.js";
import { codesOf } from "../kit/graphql-client.js";
import { startStatementCounter, type StatementCounter } from "../kit/statement-counter.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

const ADMIN = "admin@wingtiptoysonline.com";
const AVERY = "avery.howard@wingtiptoysonline.com";
const AUTHADMIN = "authadmin@wingtiptoysonline.com";
const PRIVADMIN = "privadmin@wingtiptoysonline.com";

describe("security role members", () => {
  let server: TestServer;
  let admin: string;
  let roleIds: Record<string, string>;

  const members = async () => {
    const result = await server.execute(SecurityRoleMembersDocument, undefined, { token: admin });
    expect(result.errors).toBeUndefined();
    return Object.fromEntries(result.data!.securityRoles.map((r) => [r.name, r.members.map((m) => m.userPrincipalName)]));
  };

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.tokenFor(ADMIN);
    const roles = await server.execute(SecurityRoleMembersDocument, undefined, { token: admin });
    roleIds = Object.fromEntries(roles.data!.securityRoles.map((r) => [r.name, r.id]));
  });
  afterAll(() => server?.stop());

  it("lists no members before any are added", async () => {
    expect(await members()).toEqual({ Helpdesk: [], Users: [] });
  });

  it("lists members of several roles in one request, ordered by userPrincipalName, and drops them once removed", async () => {
    for (const [role, user] of [
      ["Helpdesk", PRIVADMIN],
      ["Helpdesk", AVERY],
      ["Users", AVERY],
      ["Users", AUTHADMIN],
      ["Users", ADMIN],
    ] as const) {
      expect((await server.execute(AddSecurityRoleMemberDocument, { securityRoleId: roleIds[role]!, userId: user }, { token: admin })).errors).toBeUndefined();
    }
    expect(await members()).toEqual({ Helpdesk: [AVERY, PRIVADMIN], Users: [ADMIN, AUTHADMIN, AVERY] });

    const full = await server.execute(SecurityRoleMembersDocument, undefined, { token: admin });
    const helpdesk = full.data!.securityRoles.find((r) => r.name === "Helpdesk")!;
    expect(helpdesk.members[0]).toEqual({ id: await server.userId(AVERY), userPrincipalName: AVERY, displayName: "Avery Howard" });

    await server.execute(RemoveSecurityRoleMemberDocument, { securityRoleId: roleIds.Users!, userId: AVERY }, { token: admin });
    await server.execute(RemoveSecurityRoleMemberDocument, { securityRoleId: "Helpdesk", userId: PRIVADMIN }, { token: admin });
    expect(await members()).toEqual({ Helpdesk: [AVERY], Users: [ADMIN, AUTHADMIN] });
  });

  it("answers the mutations with the members as they are after the change", async () => {
    const added = await server.execute(AddSecurityRoleMemberListedDocument, { securityRoleId: roleIds.Helpdesk!, userId: AUTHADMIN }, { token: admin });
    expect(added.errors).toBeUndefined();
    expect(added.data!.addSecurityRoleMember.members.map((m) => m.userPrincipalName)).toEqual([AUTHADMIN, AVERY]);

    // Two changes in one document: each answer reads the members after its own change.
    const both = await server.request(
      `mutation($role: ID!) {
        first: removeSecurityRoleMember(securityRoleId: $role, userId: "${AUTHADMIN}") { members { userPrincipalName } }
        second: removeSecurityRoleMember(securityRoleId: $role, userId: "${AVERY}") { members { userPrincipalName } }
      }`,
      { role: roleIds.Helpdesk },
      { token: admin },
    );
    expect(both.errors).toBeUndefined();
    expect(both.data.first.members).toEqual([{ userPrincipalName: AVERY }]);
    expect(both.data.second.members).toEqual([]);

    const removed = await server.execute(RemoveSecurityRoleMemberListedDocument, { securityRoleId: roleIds.Users!, userId: ADMIN }, { token: admin });
    expect(removed.data!.removeSecurityRoleMember.members.map((m) => m.userPrincipalName)).toEqual([AUTHADMIN]);
  });

  it("is not readable by callers who may not read security roles", async () => {
    await server.execute(AddSecurityRoleMemberDocument, { securityRoleId: roleIds.Helpdesk!, userId: AVERY }, { token: admin });
    const avery = await server.tokenFor(AVERY, ["UserAuthenticationMethod.ReadWrite"]);
    const privAdmin = await server.tokenFor(PRIVADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
    for (const token of [avery, privAdmin]) {
      const result = await server.execute(SecurityRoleMembersDocument, undefined, { token });
      expect(codesOf(result)).toEqual(["FORBIDDEN"]);
      expect(result.data ?? null).toBeNull();
    }
    expect(codesOf(await server.execute(SecurityRoleMembersDocument))).toEqual(["UNAUTHENTICATED"]);

    // Whoever may read the roles reads their members: an application with Policy.Read.All.
    const reader = await server.appToken(["Policy.Read.All"]);
    const read = await server.execute(SecurityRoleMembersDocument, undefined, { token: reader });
    expect(read.errors).toBeUndefined();
    expect(read.data!.securityRoles.find((r) => r.name === "Helpdesk")!.members.map((m) => m.userPrincipalName)).toEqual([AVERY]);
  });
});

describe("security role members are batched (DataLoader)", () => {
  // The background workers poll the database: kept quiet so that only the query's statements count.
  const quiet = { workerOptions: { pollMs: 3_600_000 }, smsDeliveryOptions: { pollMs: 3_600_000 } };
  let owner: TestServer;
  let counter: StatementCounter;
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    owner = await startTestServer(quiet);
    const prisma = owner.app.database.prisma;
    const users = Array.from({ length: 40 }, (_, i) => ({ id: randomUUID(), userPrincipalName: `member${String(i).padStart(2, "0")}@wingtiptoysonline.com` }));
    await prisma.user.createMany({ data: users });
    const roles = Array.from({ length: 20 }, (_, i) => ({ id: randomUUID(), name: `Role ${String(i).padStart(2, "0")}` }));
    await prisma.securityRole.createMany({ data: roles });
    // Every role has members; some users are in several roles.
    await prisma.securityRoleMember.createMany({
      data: roles.flatMap((role, r) => users.filter((_, u) => (u + r) % 4 === 0).map((user) => ({ securityRoleId: role.id, userId: user.id }))),
    });
    counter = await startStatementCounter(owner.app.database.connectionString);
    server = await startTestServer({ ...quiet, databaseUrl: counter.url, seed: false });
    token = await server.tokenFor(ADMIN);
  });
  afterAll(async () => {
    await server?.stop();
    await counter?.stop();
    await owner?.stop();
  });

  // The fewest of three runs: background work sharing the pool may add a statement to one run, never take one away.
  const fewestStatements = async (run: () => Promise<{ errors?: unknown }>) => {
    let fewest = Infinity;
    for (let i = 0; i < 3; i++) {
      counter.reset();
      const result = await run();
      expect(result.errors).toBeUndefined();
      fewest = Math.min(fewest, counter.count());
    }
    return fewest;
  };

  it("reads the members of every role in one statement: who calls, the roles, their members", async () => {
    const result = await server.execute(SecurityRoleMembersDocument, undefined, { token });
    expect(result.data!.securityRoles).toHaveLength(22);
    expect(result.data!.securityRoles.find((r) => r.name === "Role 01")!.members).toHaveLength(10);
    expect(await fewestStatements(() => server.execute(SecurityRoleMembersDocument, undefined, { token }))).toBeLessThanOrEqual(3);
  });

  it("adds one batched statement for the members' directory roles, whatever the number of members", async () => {
    const withRoles = await fewestStatements(() => server.execute(SecurityRoleMembersWithRolesDocument, undefined, { token }));
    expect(withRoles).toBeLessThanOrEqual(4);
  });
});
