import { getIntrospectionQuery, getNamedType, isInterfaceType, isObjectType, type GraphQLNamedType, type GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AddPhoneMethodDocument,
  CreateUserDocument,
  DeletePhoneMethodDocument,
  DisableSmsSignInDocument,
  UpdatePhoneMethodDocument,
  UserMethodsDocument,
  type PhoneMethodInput,
} from "../generated/graphql.js";
import { loadConfig } from "../../src/config/config.js";
import { codesOf, type GraphQLResponse } from "../kit/graphql-client.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

// Spec section 9 (error codes, nothing leaks, bad input changes nothing, query limits) and the
// phone rules of section 5 that answer with an error.

const DOMAIN = "wingtiptoysonline.com";
const ADMIN = `admin@${DOMAIN}`;
const MOBILE_ID = "3179e48a-750b-4051-897c-87b9720928f7";
const ALTERNATE_ID = "b6332ec1-7057-4abe-9331-3d72feddfe41";
const OFFICE_ID = "e37fc753-ff3b-4958-9484-eaa9425c82bc";
const ERROR_CODES = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT", "CONFLICT", "PRECONDITION_FAILED", "RATE_LIMITED", "INTERNAL_SERVER_ERROR"];

// The deepest path a non-introspection query can take through today's schema is 6 fields
// (users > edges > node > authentication > phoneMethod > id), so the default limit of 10 can't be
// reached by a valid query: this file's server runs with a limit of 5 to exercise the check.
const MAX_DEPTH = 5;
const DEEPEST_SCHEMA_PATH = 6;

/** Longest chain of object fields from the root types; Infinity if the schema is recursive. */
function deepestFieldPath(schema: GraphQLSchema): number {
  const depthOf = (type: GraphQLNamedType, visiting: Set<string>): number => {
    if (!isObjectType(type) && !isInterfaceType(type)) return 0;
    if (visiting.has(type.name)) return Infinity;
    const inner = new Set([...visiting, type.name]);
    const implementations = isInterfaceType(type) ? schema.getPossibleTypes(type) : [];
    const fieldDepths = Object.values(type.getFields()).map((f) => 1 + depthOf(getNamedType(f.type), inner));
    return Math.max(0, ...fieldDepths, ...implementations.map((t) => depthOf(t, visiting)));
  };
  return Math.max(...[schema.getQueryType(), schema.getMutationType()].filter((t) => t != null).map((t) => depthOf(t!, new Set())));
}

describe("errors and limits (spec section 9)", () => {
  let server: TestServer;
  let adminReader: string;
  let directoryToken: string;
  /** Every error response this file provokes, checked at the end for leaks. */
  const errorResponses: { what: string; response: GraphQLResponse<unknown> }[] = [];

  const remember = <T extends GraphQLResponse<unknown>>(what: string, response: T): T => {
    if (response.errors?.length) errorResponses.push({ what, response });
    return response;
  };

  /** A fresh user (no password) and a self-service token for it. */
  async function freshUser(alias: string): Promise<{ id: string; token: string }> {
    const created = await server.execute(CreateUserDocument, { input: { userPrincipalName: `${alias}@${DOMAIN}` } }, { token: directoryToken });
    expect(created.errors).toBeUndefined();
    return { id: created.data!.createUser.id, token: await server.tokenFor(`${alias}@${DOMAIN}`, ["UserAuthenticationMethod.ReadWrite"]) };
  }

  async function phonesOf(userId: string) {
    const res = await server.execute(UserMethodsDocument, { id: userId }, { token: adminReader });
    expect(res.errors).toBeUndefined();
    return res.data!.user!.authentication.methods.map((m) => ("phoneType" in m ? [m.id, m.phoneType, m.phoneNumber, m.smsSignInState] : [m.id]));
  }

  const add = async (token: string, input: PhoneMethodInput, what = `add ${input.phoneType} ${JSON.stringify(input.phoneNumber)}`) =>
    remember(what, await server.execute(AddPhoneMethodDocument, { input }, { token }));

  beforeAll(async () => {
    server = await startTestServer({ env: { QUERY_MAX_DEPTH: String(MAX_DEPTH) } });
    adminReader = await server.tokenFor(ADMIN, ["UserAuthenticationMethod.Read.All"]);
    directoryToken = await server.appToken(["User.ReadWrite.All"]);
  });
  afterAll(() => server?.stop());

  describe("query depth", () => {
    it("is limited to 10 levels by default", () => {
      expect(loadConfig({ NODE_ENV: "test" }).limits).toMatchObject({ maxDepth: 10, maxCost: 5000 });
    });

    it(`can't exceed ${DEEPEST_SCHEMA_PATH} levels with valid fields in today's schema, so this file lowers the limit to ${MAX_DEPTH}`, () => {
      expect(deepestFieldPath(server.app.schema)).toBe(DEEPEST_SCHEMA_PATH);
    });

    it(`answers a query of exactly ${MAX_DEPTH} levels`, async () => {
      const res = remember("5 levels", await server.request(`{ users(first: 1) { nodes { authentication { methods { id } } } } }`, {}, { token: adminReader }));
      expect(res.errors).toBeUndefined();
      expect(res.data.users.nodes).toHaveLength(1);
    });

    it(`refuses a query one level deeper, before running it (no data at all, HTTP 400, reason queryTooDeep)`, async () => {
      const res = remember("6 levels", await server.request(`{ users(first: 1) { edges { node { authentication { methods { id } } } } } }`, {}, { token: adminReader }));
      expect(res.status).toBe(400);
      expect(res.data).toBeUndefined();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "queryTooDeep" });
    });

    it("counts the fields inside fragments and inline fragments where they are spread", async () => {
      const query = `
        query Deep { users(first: 1) { edges { ...Edge } } }
        fragment Edge on UserEdge { node { authentication { methods { ... on PhoneAuthenticationMethod { id } } } } }`;
      const res = remember("6 levels via fragments", await server.request(query, {}, { token: adminReader }));
      expect(res.data).toBeUndefined();
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "queryTooDeep" });
    });

    it("refuses a deep query even without a token: limits come before authentication", async () => {
      const res = remember("6 levels anonymous", await server.request(`{ users(first: 1) { edges { node { authentication { methods { id } } } } } }`));
      expect(res.errors?.[0]?.extensions).toMatchObject({ reason: "queryTooDeep" });
    });

    it("does not count introspection, so Sandbox's standard introspection query still works", async () => {
      const res = remember("introspection", await server.request(getIntrospectionQuery()));
      expect(res.errors).toBeUndefined();
      expect(res.data.__schema.queryType.name).toBe("Query");
    });
  });

  describe("query cost", () => {
    const userFields = `id userPrincipalName displayName directoryRoles
      authentication {
        methods { id createdDateTime }
        phoneMethods { id phoneNumber phoneType smsSignInState createdDateTime }
        passwordMethods { id password createdDateTime }
      }`;
    const costly = (first: string, variables = "") => `query Costly${variables} {
      users(first: ${first}) {
        nodes { ${userFields} }
        again: nodes { ${userFields} }
        andAgain: nodes { ${userFields} }
        edges { cursor node { id userPrincipalName displayName directoryRoles } }
        pageInfo { hasNextPage endCursor }
      }
    }`;

    it("answers a broad query within the default budget of 5000 (50 users, many fields)", async () => {
      const res = remember("cost within budget", await server.request(costly("50"), {}, { token: adminReader }));
      expect(res.errors).toBeUndefined();
      expect(res.data.users.nodes.length).toBeGreaterThan(0);
    });

    it("refuses the same query for 100 users before running it, with reason queryTooCostly", async () => {
      const res = remember("cost over budget", await server.request(costly("100"), {}, { token: adminReader }));
      expect(res.status).toBe(400);
      expect(res.data).toBeUndefined();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "queryTooCostly" });
    });

    it("takes `first` from variables too", async () => {
      const res = remember("cost via variable", await server.request(costly("$first", "($first: Int)"), { first: 100 }, { token: adminReader }));
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "queryTooCostly" });
    });

    it("counts a fragment every time it is spread, and refuses a costly mutation before it runs: nothing is stored", async () => {
      const user = await freshUser("limits-costly-mutation");
      const fragments = [`fragment F0 on PhoneAuthenticationMethod { id phoneNumber }`];
      for (let i = 1; i <= 12; i++) fragments.push(`fragment F${i} on PhoneAuthenticationMethod { ...F${i - 1} ... on PhoneAuthenticationMethod { ...F${i - 1} } }`);
      const mutation = `mutation { addPhoneMethod(input: { phoneNumber: "+1 4255550100", phoneType: office }) { ...F12 } }\n${fragments.join("\n")}`;
      const res = remember("costly mutation", await server.request(mutation, {}, { token: user.token }));
      expect(res.data).toBeUndefined();
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "queryTooCostly" });
      expect(await phonesOf(user.id)).toEqual([]);
    });
  });

  describe("malformed requests", () => {
    it("a syntax error answers BAD_USER_INPUT with HTTP 400 and no stack trace", async () => {
      const res = remember("syntax error", await server.request(`{ me { id `, {}, { token: adminReader }));
      expect(res.status).toBe(400);
      expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
      expect(res.errors![0]!.message).toMatch(/syntax error/i);
      expect(res.errors![0]!.extensions).not.toHaveProperty("stacktrace");
    });

    it("an unknown field answers BAD_USER_INPUT with HTTP 400, naming the field", async () => {
      const res = remember("unknown field", await server.request(`{ me { id favouriteColour } }`, {}, { token: adminReader }));
      expect(res.status).toBe(400);
      expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
      expect(res.errors![0]!.message).toContain("favouriteColour");
    });

    it("an unknown enum value in a mutation's input answers BAD_USER_INPUT and stores nothing", async () => {
      const user = await freshUser("limits-bad-enum");
      const res = remember("unknown phoneType", await server.request(`mutation { addPhoneMethod(input: { phoneNumber: "+1 4255550101", phoneType: pager }) { id } }`, {}, { token: user.token }));
      expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
      expect(await phonesOf(user.id)).toEqual([]);
    });

    it("a variable of the wrong type answers BAD_USER_INPUT and stores nothing", async () => {
      const user = await freshUser("limits-bad-variable");
      const res = remember(
        "wrong variable type",
        await server.request(`mutation Add($input: PhoneMethodInput!) { addPhoneMethod(input: $input) { id } }`, { input: { phoneNumber: 2065550123, phoneType: "mobile" } }, { token: user.token }),
      );
      expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
      expect(await phonesOf(user.id)).toEqual([]);
    });

    it("a page larger than 100 users answers BAD_USER_INPUT", async () => {
      const res = remember("first: 101", await server.request(`{ users(first: 101) { nodes { id } } }`, {}, { token: adminReader }));
      expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
      expect(res.errors![0]!.extensions).toMatchObject({ field: "first" });
    });

    it("an invalid cursor answers BAD_USER_INPUT", async () => {
      const res = remember("bad cursor", await server.request(`{ users(first: 2, after: "not-a-cursor") { nodes { id } } }`, {}, { token: adminReader }));
      expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
    });
  });

  describe("phone numbers that don't parse", () => {
    let user: { id: string; token: string };
    beforeAll(async () => {
      user = await freshUser("limits-bad-numbers");
    });

    it.each([["12345"], ["+1 2065550"], ["not a phone"], [""], ["   "], ["+999 2065550123"], ["+1 206555012345678901"], [`+1 ${"2".repeat(70)}`]])(
      "adding %j answers BAD_USER_INPUT (reason invalidPhoneNumber) and stores nothing",
      async (phoneNumber) => {
        const res = await add(user.token, { phoneNumber, phoneType: "mobile" });
        expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
        expect(res.errors![0]!.extensions).toMatchObject({ reason: "invalidPhoneNumber", field: "phoneNumber" });
        expect(res.data ?? null).toBeNull();
        expect(await phonesOf(user.id)).toEqual([]);
      },
    );

    it("changing a stored number to one that doesn't parse keeps the old number", async () => {
      const added = await add(user.token, { phoneNumber: "+1 4255550102", phoneType: "office" });
      expect(added.errors).toBeUndefined();
      for (const phoneNumber of ["12345", "+1 2065550", "not a phone", ""]) {
        const res = remember(`update to ${phoneNumber}`, await server.execute(UpdatePhoneMethodDocument, { id: OFFICE_ID, input: { phoneNumber, phoneType: "office" } }, { token: user.token }));
        expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
      }
      expect(await phonesOf(user.id)).toEqual([[OFFICE_ID, "office", "+1 4255550102", "notSupported"]]);
    });
  });

  describe("one phone per type, and the mobile / alternateMobile rules", () => {
    it("a second phone of the same type answers CONFLICT (reason phoneTypeAlreadyRegistered) and keeps the first", async () => {
      const user = await freshUser("limits-conflict");
      expect((await add(user.token, { phoneNumber: "+1 2065550103", phoneType: "mobile" })).errors).toBeUndefined();
      const second = await add(user.token, { phoneNumber: "+1 2065550104", phoneType: "mobile" });
      expect(codesOf(second)).toEqual(["CONFLICT"]);
      expect(second.errors![0]!.extensions).toMatchObject({ reason: "phoneTypeAlreadyRegistered" });
      expect(await phonesOf(user.id)).toEqual([[MOBILE_ID, "mobile", "+1 2065550103", "ready"]]);
    });

    it("an alternateMobile without a mobile answers PRECONDITION_FAILED (reason mobileRequired) and stores nothing", async () => {
      const user = await freshUser("limits-alternate-first");
      const res = await add(user.token, { phoneNumber: "+1 2065550105", phoneType: "alternateMobile" });
      expect(codesOf(res)).toEqual(["PRECONDITION_FAILED"]);
      expect(res.errors![0]!.extensions).toMatchObject({ reason: "mobileRequired" });
      expect(await phonesOf(user.id)).toEqual([]);
    });

    it("deleting the mobile while an alternateMobile exists answers PRECONDITION_FAILED (reason alternateMobileExists) and deletes nothing", async () => {
      const user = await freshUser("limits-alternate-exists");
      expect((await add(user.token, { phoneNumber: "+1 2065550106", phoneType: "mobile" })).errors).toBeUndefined();
      expect((await add(user.token, { phoneNumber: "+1 2065550107", phoneType: "alternateMobile" })).errors).toBeUndefined();
      const before = await phonesOf(user.id);
      expect(before.map((p) => p[0])).toEqual([MOBILE_ID, ALTERNATE_ID]);

      const res = remember("delete mobile with alternate", await server.execute(DeletePhoneMethodDocument, { id: MOBILE_ID }, { token: user.token }));
      expect(codesOf(res)).toEqual(["PRECONDITION_FAILED"]);
      expect(res.errors![0]!.extensions).toMatchObject({ reason: "alternateMobileExists" });
      expect(await phonesOf(user.id)).toEqual(before);
    });

    it("a ready mobile is the default sign-in method: deleting it answers PRECONDITION_FAILED (reason defaultSignInMethod) until SMS sign-in is disabled", async () => {
      const user = await freshUser("limits-default-method");
      const added = await add(user.token, { phoneNumber: "+1 2065550108", phoneType: "mobile" });
      expect(added.data!.addPhoneMethod.smsSignInState).toBe("ready");

      const refused = remember("delete ready mobile", await server.execute(DeletePhoneMethodDocument, { id: MOBILE_ID }, { token: user.token }));
      expect(codesOf(refused)).toEqual(["PRECONDITION_FAILED"]);
      expect(refused.errors![0]!.extensions).toMatchObject({ reason: "defaultSignInMethod" });
      expect(await phonesOf(user.id)).toEqual([[MOBILE_ID, "mobile", "+1 2065550108", "ready"]]);

      const disabled = await server.execute(DisableSmsSignInDocument, { id: MOBILE_ID }, { token: user.token });
      expect(disabled.errors).toBeUndefined();
      expect(disabled.data!.disableSmsSignIn.smsSignInState).toBe("notEnabled");

      const deleted = await server.execute(DeletePhoneMethodDocument, { id: MOBILE_ID }, { token: user.token });
      expect(deleted.errors).toBeUndefined();
      expect(deleted.data!.deletePhoneMethod).toBe(MOBILE_ID);
      expect(await phonesOf(user.id)).toEqual([]);
    });

    it("updatePhoneMethod can't change a phone's type: BAD_USER_INPUT (reason phoneTypeImmutable), number kept", async () => {
      const user = await freshUser("limits-type-change");
      expect((await add(user.token, { phoneNumber: "+1 2065550109", phoneType: "mobile" })).errors).toBeUndefined();
      const before = await phonesOf(user.id);
      for (const phoneType of ["office", "alternateMobile"] as const) {
        const res = remember(`mobile -> ${phoneType}`, await server.execute(UpdatePhoneMethodDocument, { id: MOBILE_ID, input: { phoneNumber: "+1 2065550110", phoneType } }, { token: user.token }));
        expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
        expect(res.errors![0]!.extensions).toMatchObject({ reason: "phoneTypeImmutable", field: "phoneType" });
      }
      expect(await phonesOf(user.id)).toEqual(before);
    });
  });

  describe("what errors reveal", () => {
    it("every error this file provoked carries a catalogue code and no stack trace, SQL or Prisma detail", () => {
      expect(errorResponses.length).toBeGreaterThanOrEqual(25);
      for (const { what, response } of errorResponses) {
        const json = JSON.stringify(response.errors);
        for (const error of response.errors!) {
          expect(ERROR_CODES, what).toContain(error.extensions?.code);
        }
        expect(json, what).not.toMatch(/stacktrace/i);
        expect(json, what).not.toMatch(/prisma/i);
        expect(json, what).not.toMatch(/\bSELECT\b|\bINSERT INTO\b|\bUPDATE "|\bDELETE FROM\b/);
        // A stack frame ("at fn (file:1:2)" or "at file:1:2"), not prose such as "at most 64 characters".
        expect(json, what).not.toMatch(/\bat (?:\S+ \()?(?:file:\/\/|node:|\/)\S*:\d+:\d+/);
      }
    });
  });
});
