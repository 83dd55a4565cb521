import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../kit/test-server.js";

// What a token says about its caller (user, roles, revocation, session) is remembered by the
// process between requests, and forgotten as soon as a change is published, or the bus stops
// hearing events.
describe("the process's memory of tokens' callers", () => {
  let server: TestServer;
  let db: pg.Client;
  beforeAll(async () => {
    server = await startTestServer();
    db = new pg.Client({ connectionString: server.app.database.connectionString });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await server?.stop();
  });

  const readAvery = (token: string) => server.request(`{ user(id: "avery.howard@wingtiptoysonline.com") { authentication { methods { id } } } }`, {}, { token });
  const codesOf = (res: { errors?: { extensions?: { code?: unknown } }[] }) => (res.errors ?? []).map((e) => e.extensions?.code);
  const newHelpdesk = async (upn: string) => {
    const admin = await server.appToken(["User.ReadWrite.All", "RoleManagement.ReadWrite.Directory"]);
    const created = await server.request(`mutation($upn: String!) { createUser(input: { userPrincipalName: $upn }) { id } }`, { upn }, { token: admin });
    expect(created.errors).toBeUndefined();
    const id = created.data.createUser.id as string;
    const granted = await server.request(`mutation($id: ID!) { assignDirectoryRole(userId: $id, role: AUTHENTICATION_ADMINISTRATOR) { id } }`, { id }, { token: admin });
    expect(granted.errors).toBeUndefined();
    return { id, admin, token: await server.tokenFor(upn, ["UserAuthenticationMethod.Read.All"]) };
  };

  it("a role removed, a user deleted, a session signed out hold for the very next request on this instance", async () => {
    for (let round = 0; round < 5; round++) {
      const { id, admin, token } = await newHelpdesk(`next.request.${round}@wingtiptoysonline.com`);
      for (let i = 0; i < 3; i++) expect((await readAvery(token)).errors).toBeUndefined();
      const removed = await server.request(`mutation($id: ID!) { removeDirectoryRole(userId: $id, role: AUTHENTICATION_ADMINISTRATOR) { id } }`, { id }, { token: admin });
      expect(removed.errors).toBeUndefined();
      expect(codesOf(await readAvery(token))).toEqual(["FORBIDDEN"]);
      expect((await server.request(`{ me { id } }`, {}, { token })).errors).toBeUndefined();
      expect((await server.request(`mutation { signOut }`, {}, { token })).errors).toBeUndefined();
      expect(codesOf(await server.request(`{ me { id } }`, {}, { token }))).toEqual(["UNAUTHENTICATED"]);
      const other = await server.tokenFor(`next.request.${round}@wingtiptoysonline.com`, ["User.Read"]);
      expect((await server.request(`{ me { id } }`, {}, { token: other })).errors).toBeUndefined();
      expect((await server.request(`mutation($id: ID!) { deleteUser(id: $id) }`, { id }, { token: admin })).errors).toBeUndefined();
      expect(codesOf(await server.request(`{ me { id } }`, {}, { token: other }))).toEqual(["UNAUTHENTICATED"]);
    }
  });

  it("remembers a caller between requests, and forgets every caller when the event listener's connection is lost", async () => {
    const { id, token } = await newHelpdesk("listener.lost@wingtiptoysonline.com");
    expect((await readAvery(token)).errors).toBeUndefined();
    // A change made behind the gateway's back (no event): the remembered roles still answer.
    await db.query(`DELETE FROM "DirectoryRoleAssignment" WHERE "userId" = $1`, [id]);
    expect((await readAvery(token)).errors).toBeUndefined();

    // The gateway's LISTEN connection dies: it may have missed events, so it forgets.
    const { rows } = await db.query(`SELECT pid FROM pg_stat_activity WHERE query ILIKE 'LISTEN authgate_events%' AND datname = current_database()`);
    expect(rows.length).toBeGreaterThan(0);
    for (const { pid } of rows) await db.query(`SELECT pg_terminate_backend($1)`, [pid]);
    const deadline = Date.now() + 3_000;
    let codes = codesOf(await readAvery(token));
    while (codes[0] !== "FORBIDDEN" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      codes = codesOf(await readAvery(token));
    }
    expect(codes).toEqual(["FORBIDDEN"]);

    // It listens again, and events keep holding at once.
    const relisten = Date.now() + 5_000;
    while (Date.now() < relisten && (await db.query(`SELECT 1 FROM pg_stat_activity WHERE query ILIKE 'LISTEN authgate_events%' AND datname = current_database()`)).rowCount === 0) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const again = await newHelpdesk("listener.back@wingtiptoysonline.com");
    expect((await readAvery(again.token)).errors).toBeUndefined();
    await server.request(`mutation($id: ID!) { removeDirectoryRole(userId: $id, role: AUTHENTICATION_ADMINISTRATOR) { id } }`, { id: again.id }, { token: again.admin });
    expect(codesOf(await readAvery(again.token))).toEqual(["FORBIDDEN"]);
  });
});
