import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AddPhoneMethodDocument,
  AssignDirectoryRoleDocument,
  AuthenticationMethodsPolicyDocument,
  CreateUserDocument,
  DeletePhoneMethodDocument,
  DeleteUserDocument,
  DisableSmsSignInDocument,
  EnableSmsSignInDocument,
  PhoneMethodDocument,
  RemoveDirectoryRoleDocument,
  UpdatePhoneMethodDocument,
  UpdateSmsPolicyDocument,
  UserDirectoryRolesDocument,
  UserMethodIdsDocument,
  type DirectoryRole,
  type SmsAuthenticationMethodConfigurationInput,
} from "../generated/graphql.js";
import { codesOf, type GraphQLResponse } from "../kit/graphql-client.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

// Spec section 3, black-box: every cell of the delegated matrix, app-only tokens, directory
// administration and policy. Callers and targets are fresh users whose roles live in the database.

const DOMAIN = "wingtiptoysonline.com";
const PASSWORD_ID = "28c10230-6103-485e-b985-444c60001490";
const MOBILE_ID = "3179e48a-750b-4051-897c-87b9720928f7";
const OFFICE_ID = "e37fc753-ff3b-4958-9484-eaa9425c82bc";
const OFFICE_PHONE = { phoneNumber: "+1 4255550199", phoneType: "office" as const };
const USER_PASSWORD = "Kx7!Qz-Wp-2031";
const NO_SUCH_USER_ID = "0b7d9c1e-1234-4abc-8def-0123456789ab";
const NO_SUCH_UPN = `nobody.here@${DOMAIN}`;

type ScopeChoice = "none" | "Read" | "ReadWrite" | "Read.All" | "ReadWrite.All";
type RoleChoice = "none" | DirectoryRole;
type TargetKind = "non-admin user" | "admin user";
type Access = "read" | "write";
type AppPermissionChoice = "none" | "Read.All" | "ReadWrite.All";

const SCOPE_CHOICES: ScopeChoice[] = ["none", "Read", "ReadWrite", "Read.All", "ReadWrite.All"];
const ROLE_CHOICES: RoleChoice[] = ["none", "AUTHENTICATION_ADMINISTRATOR", "PRIVILEGED_AUTHENTICATION_ADMINISTRATOR", "GLOBAL_ADMINISTRATOR"];
const TARGET_KINDS: TargetKind[] = ["non-admin user", "admin user"];
const ACCESSES: Access[] = ["read", "write"];
const APP_PERMISSION_CHOICES: AppPermissionChoice[] = ["none", "Read.All", "ReadWrite.All"];

const scopesFor = (choice: ScopeChoice) => (choice === "none" ? [] : [`UserAuthenticationMethod.${choice}`]);
const appPermissionsFor = (choice: AppPermissionChoice) => (choice === "none" ? [] : [`UserAuthenticationMethod.${choice}`]);

/** The oracle: section 3 written out on its own, independent of src/auth/permissions.ts. */
function delegatedMayAccess(cell: { self: boolean; scope: ScopeChoice; role: RoleChoice; targetIsAdmin: boolean; access: Access }): boolean {
  const { self, scope, role, targetIsAdmin, access } = cell;
  if (scope === "none") return false;
  const writes = scope === "ReadWrite" || scope === "ReadWrite.All";
  if (access === "write" && !writes) return false;
  if (self) return true;
  if (!scope.endsWith(".All")) return false;
  if (role === "GLOBAL_ADMINISTRATOR" || role === "PRIVILEGED_AUTHENTICATION_ADMINISTRATOR") return true;
  if (role === "AUTHENTICATION_ADMINISTRATOR") return !targetIsAdmin;
  return false;
}

function appMayAccess(permission: AppPermissionChoice, access: Access): boolean {
  if (access === "read") return permission === "Read.All" || permission === "ReadWrite.All";
  return permission === "ReadWrite.All";
}

const roleSlug = (role: RoleChoice) => role.toLowerCase().replaceAll("_", "-");
const callerUpn = (role: RoleChoice) => `matrix-caller-${roleSlug(role)}@${DOMAIN}`;
const TARGET_UPN: Record<TargetKind, string> = {
  "non-admin user": `matrix-target-user@${DOMAIN}`,
  "admin user": `matrix-target-admin@${DOMAIN}`,
};
const verdict = (allowed: boolean) => (allowed ? "allowed" : "FORBIDDEN");
const withArticle = (target: TargetKind) => (target === "admin user" ? "an admin user" : "a non-admin user");
// it.each rows led by the test name: "%s" prints it whole, where "$field" would quote and truncate it.
const named = <T>(rows: T[], name: (row: T) => string): [string, T][] => rows.map((row) => [name(row), row]);

interface DelegatedCell {
  title: string;
  self: boolean;
  scope: ScopeChoice;
  target: TargetKind | "itself";
  access: Access;
  allowed: boolean;
}

function delegatedCells(role: RoleChoice): DelegatedCell[] {
  const cells: DelegatedCell[] = [];
  for (const access of ACCESSES) {
    const verb = access === "read" ? "reads" : "changes";
    for (const scope of SCOPE_CHOICES) {
      const allowed = delegatedMayAccess({ self: true, scope, role, targetIsAdmin: role !== "none", access });
      cells.push({ title: `${verb} its own methods with scope ${scope}: ${verdict(allowed)}`, self: true, scope, target: "itself", access, allowed });
      for (const target of TARGET_KINDS) {
        const allowed = delegatedMayAccess({ self: false, scope, role, targetIsAdmin: target === "admin user", access });
        cells.push({ title: `${verb} ${withArticle(target)}'s methods with scope ${scope}: ${verdict(allowed)}`, self: false, scope, target, access, allowed });
      }
    }
  }
  return cells;
}

describe("permissions (spec section 3)", () => {
  let server: TestServer;
  let directoryToken: string;
  let observerToken: string;
  const ids = new Map<string, string>();

  const idOf = (upn: string) => {
    const id = ids.get(upn);
    if (!id) throw new Error(`no test user ${upn}`);
    return id;
  };

  async function createUser(upn: string, roles: DirectoryRole[] = []): Promise<string> {
    const created = await server.execute(
      CreateUserDocument,
      { input: { userPrincipalName: upn, displayName: upn.split("@")[0], password: USER_PASSWORD } },
      { token: directoryToken },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createUser.id;
    for (const role of roles) {
      const assigned = await server.execute(AssignDirectoryRoleDocument, { userId: id, role }, { token: directoryToken });
      expect(assigned.errors).toBeUndefined();
    }
    ids.set(upn, id);
    return id;
  }

  /** The target's method ids as seen by an all-powerful observer. */
  async function methodIdsOf(userId: string): Promise<string[]> {
    const res = await server.execute(UserMethodIdsDocument, { id: userId }, { token: observerToken });
    expect(res.errors).toBeUndefined();
    return res.data!.user!.authentication.methods.map((m) => m.id);
  }

  async function expectRead(token: string, targetId: string, allowed: boolean) {
    const res = await server.execute(UserMethodIdsDocument, { id: targetId }, { token });
    if (allowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data!.user!.id).toBe(targetId);
      expect(res.data!.user!.authentication.methods.map((m) => m.id)).toContain(PASSWORD_ID);
    } else {
      expect(codesOf(res)).toEqual(["FORBIDDEN"]);
      expect(res.data?.user ?? null).toBeNull();
    }
  }

  /** Adds an office phone: proves the write when allowed (then removes it), proves nothing changed when refused. */
  async function expectWrite(token: string, targetId: string, allowed: boolean) {
    const before = await methodIdsOf(targetId);
    expect(before).not.toContain(OFFICE_ID);
    const res = await server.execute(AddPhoneMethodDocument, { userId: targetId, input: OFFICE_PHONE }, { token });
    if (allowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data!.addPhoneMethod).toMatchObject({ id: OFFICE_ID, phoneType: "office", phoneNumber: "+1 4255550199" });
      expect(await methodIdsOf(targetId)).toEqual([OFFICE_ID, ...before]);
      const cleanup = await server.execute(DeletePhoneMethodDocument, { userId: targetId, id: OFFICE_ID }, { token: observerToken });
      expect(cleanup.errors).toBeUndefined();
    } else {
      expect(codesOf(res)).toEqual(["FORBIDDEN"]);
      expect(res.data ?? null).toBeNull();
      expect(await methodIdsOf(targetId)).toEqual(before);
    }
  }

  beforeAll(async () => {
    server = await startTestServer();
    directoryToken = await server.appToken(["User.ReadWrite.All"]);
    observerToken = await server.appToken(["UserAuthenticationMethod.ReadWrite.All"]);
    for (const role of ROLE_CHOICES) await createUser(callerUpn(role), role === "none" ? [] : [role]);
    await createUser(TARGET_UPN["non-admin user"]);
    await createUser(TARGET_UPN["admin user"], ["AUTHENTICATION_ADMINISTRATOR"]);
  });
  afterAll(() => server?.stop());

  describe("the delegated matrix: caller x scope x caller's directory role x target x access", () => {
    describe.each(ROLE_CHOICES)("a caller whose directory role is %s", (role) => {
      it.each(named(delegatedCells(role), (c) => c.title))("%s", async (_title, { self, scope, target, access, allowed }) => {
        const token = await server.tokenFor(callerUpn(role), scopesFor(scope));
        const targetId = self ? idOf(callerUpn(role)) : idOf(TARGET_UPN[target as TargetKind]);
        if (access === "read") await expectRead(token, targetId, allowed);
        else await expectWrite(token, targetId, allowed);
      });
    });
  });

  describe("application (app-only) tokens: permission x target x access", () => {
    const cells = APP_PERMISSION_CHOICES.flatMap((permission) =>
      TARGET_KINDS.flatMap((target) =>
        ACCESSES.map((access) => {
          const allowed = appMayAccess(permission, access);
          return {
            title: `with permission ${permission} ${access === "read" ? "reads" : "changes"} ${withArticle(target)}'s methods: ${verdict(allowed)}`,
            permission,
            target,
            access,
            allowed,
          };
        }),
      ),
    );
    it.each(named(cells, (c) => c.title))("%s", async (_title, { permission, target, access, allowed }) => {
      const token = await server.appToken(appPermissionsFor(permission));
      const targetId = idOf(TARGET_UPN[target]);
      if (access === "read") await expectRead(token, targetId, allowed);
      else await expectWrite(token, targetId, allowed);
    });
  });

  describe("Authentication Administrator versus Privileged Authentication Administrator on administrators", () => {
    const adminTargets: { name: string; upn: string }[] = [
      { name: "the Global Administrator admin@", upn: `admin@${DOMAIN}` },
      { name: "the Privileged Authentication Administrator privadmin@", upn: `privadmin@${DOMAIN}` },
      { name: "an Authentication Administrator (the admin target)", upn: TARGET_UPN["admin user"] },
    ];

    it.each(named(adminTargets, (r) => `authadmin@ (Authentication Administrator) may neither read nor change ${r.name}`))("%s", async (_name, { upn }) => {
      const token = await server.tokenFor(`authadmin@${DOMAIN}`, ["UserAuthenticationMethod.ReadWrite.All"]);
      const targetId = ids.get(upn) ?? (await server.userId(upn));
      await expectRead(token, targetId, false);
      await expectWrite(token, targetId, false);
    });

    it.each(named(adminTargets, (r) => `privadmin@ (Privileged Authentication Administrator) may read and change ${r.name}`))("%s", async (_name, { upn }) => {
      const token = await server.tokenFor(`privadmin@${DOMAIN}`, ["UserAuthenticationMethod.ReadWrite.All"]);
      const targetId = ids.get(upn) ?? (await server.userId(upn));
      await expectRead(token, targetId, true);
      await expectWrite(token, targetId, true);
    });

    it("authadmin@ may read and change a user who holds no administrator role", async () => {
      const token = await server.tokenFor(`authadmin@${DOMAIN}`, ["UserAuthenticationMethod.ReadWrite.All"]);
      await expectRead(token, idOf(TARGET_UPN["non-admin user"]), true);
      await expectWrite(token, idOf(TARGET_UPN["non-admin user"]), true);
    });

    it("a user gaining an administrator role is shielded from an Authentication Administrator from the next request", async () => {
      const upn = `matrix-promoted@${DOMAIN}`;
      const targetId = await createUser(upn);
      const token = await server.tokenFor(`authadmin@${DOMAIN}`, ["UserAuthenticationMethod.Read.All"]);
      await expectRead(token, targetId, true);
      await server.execute(AssignDirectoryRoleDocument, { userId: targetId, role: "PRIVILEGED_AUTHENTICATION_ADMINISTRATOR" }, { token: directoryToken });
      await expectRead(token, targetId, false);
    });
  });

  describe("every phone mutation, not only addPhoneMethod, is refused without write access", () => {
    const PHONE_TARGET = `matrix-phone-target@${DOMAIN}`;
    let targetId: string;
    const mobile = { phoneNumber: "+1 2065550177", phoneType: "mobile" as const };

    beforeAll(async () => {
      targetId = await createUser(PHONE_TARGET, ["AUTHENTICATION_ADMINISTRATOR"]);
      const added = await server.execute(AddPhoneMethodDocument, { userId: targetId, input: mobile }, { token: observerToken });
      expect(added.data?.addPhoneMethod.smsSignInState).toBe("ready");
    });

    const callers = [
      { who: "an Authentication Administrator (ReadWrite.All) on an administrator", token: () => server.tokenFor(callerUpn("AUTHENTICATION_ADMINISTRATOR"), scopesFor("ReadWrite.All")) },
      { who: "a Global Administrator with only Read.All", token: () => server.tokenFor(callerUpn("GLOBAL_ADMINISTRATOR"), scopesFor("Read.All")) },
      { who: "an app with Read.All", token: () => server.appToken(appPermissionsFor("Read.All")) },
    ];
    const mutations = [
      { name: "updatePhoneMethod", run: (token: string) => server.execute(UpdatePhoneMethodDocument, { userId: targetId, id: MOBILE_ID, input: { ...mobile, phoneNumber: "+1 2065550178" } }, { token }) },
      { name: "disableSmsSignIn", run: (token: string) => server.execute(DisableSmsSignInDocument, { userId: targetId, id: MOBILE_ID }, { token }) },
      { name: "enableSmsSignIn", run: (token: string) => server.execute(EnableSmsSignInDocument, { userId: targetId, id: MOBILE_ID }, { token }) },
      { name: "deletePhoneMethod", run: (token: string) => server.execute(DeletePhoneMethodDocument, { userId: targetId, id: MOBILE_ID }, { token }) },
    ];
    const rows = callers.flatMap((caller) => mutations.map((mutation) => ({ caller, mutation })));

    it.each(named(rows, (r) => `${r.mutation.name} is FORBIDDEN to ${r.caller.who}, and the phone is untouched`))("%s", async (_name, { caller, mutation }) => {
      const before = await server.execute(PhoneMethodDocument, { userId: targetId, id: MOBILE_ID }, { token: observerToken });
      expect(before.data!.user!.authentication.phoneMethod).toMatchObject({ phoneNumber: "+1 2065550177", smsSignInState: "ready" });
      const res = await mutation.run(await caller.token());
      expect(codesOf(res)).toEqual(["FORBIDDEN"]);
      const after = await server.execute(PhoneMethodDocument, { userId: targetId, id: MOBILE_ID }, { token: observerToken });
      expect(after.data).toEqual(before.data);
    });
  });

  describe("the caller's directory roles come from the database, per request", () => {
    it("a role assigned after the token was issued applies, and stops applying once removed", async () => {
      const upn = `matrix-late-role@${DOMAIN}`;
      const callerId = await createUser(upn);
      const token = await server.tokenFor(upn, ["UserAuthenticationMethod.Read.All"]);
      const targetId = idOf(TARGET_UPN["non-admin user"]);
      await expectRead(token, targetId, false);

      await server.execute(AssignDirectoryRoleDocument, { userId: callerId, role: "AUTHENTICATION_ADMINISTRATOR" }, { token: directoryToken });
      await expectRead(token, targetId, true);

      await server.execute(RemoveDirectoryRoleDocument, { userId: callerId, role: "AUTHENTICATION_ADMINISTRATOR" }, { token: directoryToken });
      await expectRead(token, targetId, false);
    });
  });

  describe("users that don't exist", () => {
    const mayLookAround = [
      { who: "a Global Administrator with Read.All", access: "read" as Access, token: () => server.tokenFor(callerUpn("GLOBAL_ADMINISTRATOR"), scopesFor("Read.All")) },
      { who: "a Privileged Authentication Administrator with ReadWrite.All", access: "write" as Access, token: () => server.tokenFor(callerUpn("PRIVILEGED_AUTHENTICATION_ADMINISTRATOR"), scopesFor("ReadWrite.All")) },
      { who: "an Authentication Administrator with Read.All", access: "read" as Access, token: () => server.tokenFor(callerUpn("AUTHENTICATION_ADMINISTRATOR"), scopesFor("Read.All")) },
      { who: "an Authentication Administrator with ReadWrite.All", access: "write" as Access, token: () => server.tokenFor(callerUpn("AUTHENTICATION_ADMINISTRATOR"), scopesFor("ReadWrite.All")) },
      { who: "an app with Read.All", access: "read" as Access, token: () => server.appToken(appPermissionsFor("Read.All")) },
      { who: "an app with ReadWrite.All", access: "write" as Access, token: () => server.appToken(appPermissionsFor("ReadWrite.All")) },
    ];
    const mayNotLookAround = [
      { who: "a user without a role, with Read.All", access: "read" as Access, token: () => server.tokenFor(callerUpn("none"), scopesFor("Read.All")) },
      { who: "a user without a role, with ReadWrite.All", access: "write" as Access, token: () => server.tokenFor(callerUpn("none"), scopesFor("ReadWrite.All")) },
      { who: "a Global Administrator with only the self scope ReadWrite", access: "read" as Access, token: () => server.tokenFor(callerUpn("GLOBAL_ADMINISTRATOR"), scopesFor("ReadWrite")) },
      { who: "a Global Administrator with Read.All trying to write", access: "write" as Access, token: () => server.tokenFor(callerUpn("GLOBAL_ADMINISTRATOR"), scopesFor("Read.All")) },
      { who: "an app without permissions", access: "read" as Access, token: () => server.appToken([]) },
      { who: "an app with Read.All trying to write", access: "write" as Access, token: () => server.appToken(appPermissionsFor("Read.All")) },
    ];

    const attempt = async (token: string, access: Access, ref: string): Promise<GraphQLResponse<unknown>> =>
      access === "read"
        ? server.execute(UserMethodIdsDocument, { id: ref }, { token })
        : server.execute(AddPhoneMethodDocument, { userId: ref, input: OFFICE_PHONE }, { token });

    it.each(named(mayLookAround, (r) => `answer NOT_FOUND (by id and by UPN) to ${r.who}`))("%s", async (_name, { access, token }) => {
      const t = await token();
      expect(codesOf(await attempt(t, access, NO_SUCH_USER_ID))).toEqual(["NOT_FOUND"]);
      expect(codesOf(await attempt(t, access, NO_SUCH_UPN))).toEqual(["NOT_FOUND"]);
    });

    it.each(named(mayNotLookAround, (r) => `answer FORBIDDEN (by id and by UPN), not revealing existence, to ${r.who}`))("%s", async (_name, { access, token }) => {
      const t = await token();
      expect(codesOf(await attempt(t, access, NO_SUCH_USER_ID))).toEqual(["FORBIDDEN"]);
      expect(codesOf(await attempt(t, access, NO_SUCH_UPN))).toEqual(["FORBIDDEN"]);
    });
  });

  describe("naming users by userPrincipalName", () => {
    it("accepts the UPN in any case for reads", async () => {
      const token = await server.tokenFor(callerUpn("GLOBAL_ADMINISTRATOR"), scopesFor("Read.All"));
      const upn = TARGET_UPN["non-admin user"];
      for (const ref of [upn, upn.toUpperCase(), "Matrix-Target-User@WingtipToysOnline.COM"]) {
        const res = await server.execute(UserMethodIdsDocument, { id: ref }, { token });
        expect(res.errors).toBeUndefined();
        expect(res.data!.user!.id).toBe(idOf(upn));
      }
    });

    it("accepts the UPN in any case as a mutation's userId, including the caller's own", async () => {
      const upn = callerUpn("none");
      const token = await server.tokenFor(upn, scopesFor("ReadWrite"));
      const added = await server.execute(AddPhoneMethodDocument, { userId: upn.toUpperCase(), input: OFFICE_PHONE }, { token });
      expect(added.errors).toBeUndefined();
      expect(await methodIdsOf(idOf(upn))).toContain(OFFICE_ID);
      const deleted = await server.execute(DeletePhoneMethodDocument, { userId: "Matrix-Caller-None@WINGTIPTOYSONLINE.com", id: OFFICE_ID }, { token });
      expect(deleted.errors).toBeUndefined();
      expect(await methodIdsOf(idOf(upn))).not.toContain(OFFICE_ID);
    });
  });

  describe("directory administration (createUser, deleteUser, assignDirectoryRole, removeDirectoryRole)", () => {
    const VICTIM = `matrix-directory-victim@${DOMAIN}`;
    const refused = [
      { who: "a user without a role (ReadWrite.All)", token: () => server.tokenFor(callerUpn("none"), scopesFor("ReadWrite.All")) },
      { who: "an Authentication Administrator (ReadWrite.All)", token: () => server.tokenFor(callerUpn("AUTHENTICATION_ADMINISTRATOR"), scopesFor("ReadWrite.All")) },
      { who: "a Privileged Authentication Administrator (ReadWrite.All)", token: () => server.tokenFor(callerUpn("PRIVILEGED_AUTHENTICATION_ADMINISTRATOR"), scopesFor("ReadWrite.All")) },
      { who: "an app with UserAuthenticationMethod.ReadWrite.All", token: () => server.appToken(["UserAuthenticationMethod.ReadWrite.All"]) },
      { who: "an app with Policy.ReadWrite.AuthenticationMethod", token: () => server.appToken(["Policy.ReadWrite.AuthenticationMethod"]) },
      { who: "an app with User.Read.All", token: () => server.appToken(["User.Read.All"]) },
      // Section 3: every mutation needs a ReadWrite scope, the role alone is not enough.
      { who: "a Global Administrator whose token has only a Read scope", token: () => server.tokenFor(callerUpn("GLOBAL_ADMINISTRATOR"), scopesFor("Read.All")) },
      { who: "a Global Administrator whose token has no scope", token: () => server.tokenFor(callerUpn("GLOBAL_ADMINISTRATOR"), []) },
    ];

    const rolesOf = async (ref: string) => {
      const res = await server.execute(UserDirectoryRolesDocument, { id: ref }, { token: observerToken });
      return { codes: codesOf(res), roles: res.data?.user?.directoryRoles };
    };

    beforeAll(async () => {
      await createUser(VICTIM, ["AUTHENTICATION_ADMINISTRATOR"]);
    });

    it.each(named(refused, (r) => `are FORBIDDEN to ${r.who}, and change nothing`))("%s", async (_name, { token }) => {
      const t = await token();
      const newUpn = `matrix-not-created@${DOMAIN}`;
      const created = await server.execute(CreateUserDocument, { input: { userPrincipalName: newUpn } }, { token: t });
      expect(codesOf(created)).toEqual(["FORBIDDEN"]);
      expect((await rolesOf(newUpn)).codes).toEqual(["NOT_FOUND"]);

      const assigned = await server.execute(AssignDirectoryRoleDocument, { userId: VICTIM, role: "GLOBAL_ADMINISTRATOR" }, { token: t });
      expect(codesOf(assigned)).toEqual(["FORBIDDEN"]);
      const removed = await server.execute(RemoveDirectoryRoleDocument, { userId: VICTIM, role: "AUTHENTICATION_ADMINISTRATOR" }, { token: t });
      expect(codesOf(removed)).toEqual(["FORBIDDEN"]);
      const deleted = await server.execute(DeleteUserDocument, { id: VICTIM }, { token: t });
      expect(codesOf(deleted)).toEqual(["FORBIDDEN"]);

      expect(await rolesOf(VICTIM)).toEqual({ codes: [], roles: ["AUTHENTICATION_ADMINISTRATOR"] });
    });

    it("still let a Global Administrator with only a Read scope list users and read the settings", async () => {
      const t = await server.tokenFor(callerUpn("GLOBAL_ADMINISTRATOR"), scopesFor("Read"));
      const res = await server.request("{ users(first: 2) { nodes { id } } identityStores { id } smsGatewayAccounts { id } securityRoles { id } }", {}, { token: t });
      expect(res.errors).toBeUndefined();
      expect(res.data.users.nodes).toHaveLength(2);
      expect(res.data.identityStores).toHaveLength(1);
    });

    it("searches userPrincipalName and displayName case-insensitively, with % and _ matched literally", async () => {
      const t = await server.tokenFor(callerUpn("GLOBAL_ADMINISTRATOR"), scopesFor("Read"));
      const search = async (text: string) =>
        ((await server.request("query($s: String) { users(first: 100, search: $s) { nodes { userPrincipalName } } }", { s: text }, { token: t })).data.users.nodes as { userPrincipalName: string }[]).map(
          (u) => u.userPrincipalName,
        );
      expect(await search("AVERY")).toEqual(["avery.howard@wingtiptoysonline.com"]);
      expect(await search("Avery Howard")).toEqual(["avery.howard@wingtiptoysonline.com"]);
      // As LIKE patterns these would match every user.
      expect(await search("%")).toEqual([]);
      expect(await search("_")).toEqual([]);
      expect(await search("\\")).toEqual([]);
    });

    const allowed = [
      { who: "an app with User.ReadWrite.All", slug: "app", token: () => server.appToken(["User.ReadWrite.All"]) },
      { who: "a Global Administrator", slug: "ga", token: () => server.tokenFor(callerUpn("GLOBAL_ADMINISTRATOR"), scopesFor("ReadWrite.All")) },
    ];

    it.each(named(allowed, (r) => `are allowed to ${r.who}`))("%s", async (_name, { slug, token }) => {
      const t = await token();
      const upn = `matrix-made-by-${slug}@${DOMAIN}`;
      const created = await server.execute(CreateUserDocument, { input: { userPrincipalName: upn, displayName: "Made" } }, { token: t });
      expect(created.errors).toBeUndefined();
      const id = created.data!.createUser.id;
      expect(created.data!.createUser).toMatchObject({ userPrincipalName: upn, directoryRoles: [] });

      const assigned = await server.execute(AssignDirectoryRoleDocument, { userId: id, role: "AUTHENTICATION_ADMINISTRATOR" }, { token: t });
      expect(assigned.errors).toBeUndefined();
      expect(await rolesOf(id)).toEqual({ codes: [], roles: ["AUTHENTICATION_ADMINISTRATOR"] });

      const removed = await server.execute(RemoveDirectoryRoleDocument, { userId: upn, role: "AUTHENTICATION_ADMINISTRATOR" }, { token: t });
      expect(removed.errors).toBeUndefined();
      expect(await rolesOf(id)).toEqual({ codes: [], roles: [] });

      const deleted = await server.execute(DeleteUserDocument, { id }, { token: t });
      expect(deleted.data?.deleteUser).toBe(id);
      expect((await rolesOf(id)).codes).toEqual(["NOT_FOUND"]);
    });
  });

  describe("the authentication methods policy update", () => {
    const SEEDED: SmsAuthenticationMethodConfigurationInput = {
      state: "enabled",
      includeTargets: [{ targetType: "group", id: "all_users", isUsableForSignIn: true }],
    };
    const readPolicy = async () => {
      const res = await server.execute(AuthenticationMethodsPolicyDocument, undefined, { token: observerToken });
      expect(res.errors).toBeUndefined();
      return res.data!.authenticationMethodsPolicy.sms;
    };

    const refused = [
      { who: "a user without a role", token: () => server.tokenFor(callerUpn("none"), scopesFor("ReadWrite.All")) },
      { who: "an Authentication Administrator", token: () => server.tokenFor(callerUpn("AUTHENTICATION_ADMINISTRATOR"), scopesFor("ReadWrite.All")) },
      { who: "a Privileged Authentication Administrator", token: () => server.tokenFor(callerUpn("PRIVILEGED_AUTHENTICATION_ADMINISTRATOR"), scopesFor("ReadWrite.All")) },
      { who: "an app with UserAuthenticationMethod.ReadWrite.All", token: () => server.appToken(["UserAuthenticationMethod.ReadWrite.All"]) },
      { who: "an app with User.ReadWrite.All", token: () => server.appToken(["User.ReadWrite.All"]) },
      { who: "an app with Policy.Read.All", token: () => server.appToken(["Policy.Read.All"]) },
      { who: "a Global Administrator whose token has only a Read scope", token: () => server.tokenFor(callerUpn("GLOBAL_ADMINISTRATOR"), scopesFor("Read")) },
    ];

    it.each(named(refused, (r) => `is FORBIDDEN to ${r.who}, and the policy stays as it was`))("%s", async (_name, { token }) => {
      const before = await readPolicy();
      const res = await server.execute(UpdateSmsPolicyDocument, { input: { state: "disabled", includeTargets: [] } }, { token: await token() });
      expect(codesOf(res)).toEqual(["FORBIDDEN"]);
      expect(await readPolicy()).toEqual(before);
    });

    const allowed = [
      { who: "a Global Administrator", token: () => server.tokenFor(callerUpn("GLOBAL_ADMINISTRATOR"), scopesFor("ReadWrite.All")) },
      { who: "an app with Policy.ReadWrite.AuthenticationMethod", token: () => server.appToken(["Policy.ReadWrite.AuthenticationMethod"]) },
    ];

    it.each(named(allowed, (r) => `is allowed to ${r.who}`))("%s", async (_name, { token }) => {
      const t = await token();
      const changed: SmsAuthenticationMethodConfigurationInput = {
        state: "enabled",
        includeTargets: [...SEEDED.includeTargets, { targetType: "user", id: idOf(TARGET_UPN["non-admin user"]), isUsableForSignIn: false }],
      };
      const res = await server.execute(UpdateSmsPolicyDocument, { input: changed }, { token: t });
      expect(res.errors).toBeUndefined();
      expect(await readPolicy()).toEqual(changed);

      const restored = await server.execute(UpdateSmsPolicyDocument, { input: SEEDED }, { token: t });
      expect(restored.errors).toBeUndefined();
      expect(await readPolicy()).toEqual(SEEDED);
    });
  });
});
