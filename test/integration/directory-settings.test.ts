import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AddPhoneMethodDocument,
  AddSecurityRoleMemberDocument,
  IdentityStoresDocument,
  RemoveSecurityRoleMemberDocument,
  SecurityRolesDocument,
  SetAuthenticationTypeEnabledDocument,
  SetAuthenticationTypeEnforcedDocument,
  SignInWithPasswordDocument,
  StartPhoneVerificationDocument,
  UpdateIdentityStoreSmsSettingsDocument,
} from "../generated/graphql.js";
import { codesOf } from "../kit/graphql-client.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

const ADMIN = "admin@wingtiptoysonline.com";
const AVERY = "avery.howard@wingtiptoysonline.com";
const STORE = "wingtiptoysonline.com";
const DEFAULT_TEMPLATE = "Your verification code is [Code]";
const MINUTE = 60_000;

describe("directory settings: identity stores and security roles", () => {
  let server: TestServer;
  let admin: string;
  let helpdeskId: string;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());
  beforeEach(async () => {
    server.clock.advance(16 * MINUTE);
    admin = await server.tokenFor(ADMIN);
  });

  it("shows the demo identity store: password and SMS enabled, console gateway, default template", async () => {
    const result = await server.execute(IdentityStoresDocument, undefined, { token: admin });
    expect(result.errors).toBeUndefined();
    expect(result.data!.identityStores).toEqual([
      {
        id: STORE,
        name: STORE,
        enabledAuthenticationTypes: ["password", "sms"],
        smsMessageTemplate: DEFAULT_TEMPLATE,
        smsGatewayAccount: expect.objectContaining({ provider: "console", isDefault: true, hasCredentials: false }),
      },
    ]);
  });

  it("lists the seeded security roles, enforcing nothing", async () => {
    const result = await server.execute(SecurityRolesDocument, undefined, { token: admin });
    expect(result.data!.securityRoles.map((r) => [r.name, r.enforcedAuthenticationTypes])).toEqual([
      ["Helpdesk", []],
      ["Users", []],
    ]);
    helpdeskId = result.data!.securityRoles[0]!.id;
  });

  it("lets only settings administrators read or change settings", async () => {
    const avery = await server.tokenFor(AVERY, ["UserAuthenticationMethod.ReadWrite"]);
    const privAdmin = await server.tokenFor("privadmin@wingtiptoysonline.com", ["UserAuthenticationMethod.ReadWrite.All"]);
    for (const token of [avery, privAdmin]) {
      expect(codesOf(await server.execute(IdentityStoresDocument, undefined, { token }))).toEqual(["FORBIDDEN"]);
      expect(codesOf(await server.execute(SecurityRolesDocument, undefined, { token }))).toEqual(["FORBIDDEN"]);
      expect(codesOf(await server.execute(UpdateIdentityStoreSmsSettingsDocument, { identityStoreId: STORE, input: { smsMessageTemplate: "Code [Code]" } }, { token }))).toEqual(["FORBIDDEN"]);
      expect(codesOf(await server.execute(SetAuthenticationTypeEnabledDocument, { identityStoreId: STORE, type: "sms", enabled: false }, { token }))).toEqual(["FORBIDDEN"]);
      expect(codesOf(await server.execute(SetAuthenticationTypeEnforcedDocument, { securityRoleId: helpdeskId, type: "sms", enforced: true }, { token }))).toEqual(["FORBIDDEN"]);
      expect(codesOf(await server.execute(AddSecurityRoleMemberDocument, { securityRoleId: helpdeskId, userId: AVERY }, { token }))).toEqual(["FORBIDDEN"]);
    }
    expect(codesOf(await server.execute(IdentityStoresDocument))).toEqual(["UNAUTHENTICATED"]);

    const reader = await server.appToken(["Policy.Read.All"]);
    expect((await server.execute(IdentityStoresDocument, undefined, { token: reader })).errors).toBeUndefined();
    expect(codesOf(await server.execute(SetAuthenticationTypeEnabledDocument, { identityStoreId: STORE, type: "sms", enabled: true }, { token: reader }))).toEqual(["FORBIDDEN"]);

    const writer = await server.appToken(["Policy.ReadWrite.AuthenticationMethod"]);
    const enabled = await server.execute(SetAuthenticationTypeEnabledDocument, { identityStoreId: STORE, type: "sms", enabled: true }, { token: writer });
    expect(enabled.errors).toBeUndefined();
  });

  describe("message templates", () => {
    const update = (smsMessageTemplate: string) =>
      server.execute(UpdateIdentityStoreSmsSettingsDocument, { identityStoreId: STORE, input: { smsMessageTemplate } }, { token: admin });

    it("refuses templates without [Code] exactly once, or longer than one SMS", async () => {
      const tooLong = `${"x".repeat(155)}[Code]`; // 161 characters with a 6-digit code
      for (const template of ["Your code", "[Code] and [Code]", "Your code is [code]", "", tooLong]) {
        const result = await update(template);
        expect(codesOf(result), template).toEqual(["BAD_USER_INPUT"]);
        expect(result.errors![0]!.extensions!.field).toBe("smsMessageTemplate");
      }
      const stores = await server.execute(IdentityStoresDocument, undefined, { token: admin });
      expect(stores.data!.identityStores[0]!.smsMessageTemplate).toBe(DEFAULT_TEMPLATE);
    });

    it("measures the message as SMS does: 77 emoji and [Code] are three UCS-2 segments, not 160 characters", async () => {
      for (const [template, segments] of [
        [`${"😀".repeat(77)}[Code]`, "3 SMS segments (UCS-2, 160 characters)"],
        [`${"ш".repeat(65)}[Code]`, "2 SMS segments (UCS-2, 71 characters)"],
        [`${"€".repeat(78)}[Code]`, "2 SMS segments (GSM-7, 162 characters)"],
      ] as const) {
        const result = await update(template);
        expect(codesOf(result), template).toEqual(["BAD_USER_INPUT"]);
        expect(result.errors![0]!.extensions).toMatchObject({ field: "smsMessageTemplate", reason: "templateTooLong" });
        expect(result.errors![0]!.message).toContain(`the message is ${segments}; at most 1 is allowed`);
      }
      const row = await server.app.database.prisma.identityStore.findUnique({ where: { name: STORE } });
      expect(row!.smsMessageTemplate).toBe(DEFAULT_TEMPLATE);
      // One segment each: 64 Cyrillic letters (UCS-2, 70 units) and 77 euro signs (GSM-7, 160 septets) with the code.
      expect((await update(`${"ш".repeat(64)}[Code]`)).errors).toBeUndefined();
      expect((await update(`${"€".repeat(77)}[Code]`)).errors).toBeUndefined();
      expect((await update(DEFAULT_TEMPLATE)).errors).toBeUndefined();
    });

    it("accepts exactly 160 characters and texts the template with the code in it", async () => {
      const longest = `${"x".repeat(154)}[Code]`;
      expect((await update(longest)).errors).toBeUndefined();
      const saved = await update("Wingtip: [Code] is your code. Don't share it.");
      expect(saved.data!.updateIdentityStoreSmsSettings.smsMessageTemplate).toBe("Wingtip: [Code] is your code. Don't share it.");

      const avery = await server.tokenFor(AVERY);
      const started = await server.execute(StartPhoneVerificationDocument, { input: { phoneNumber: "+1 4255550150", phoneType: "office" } }, { token: avery });
      expect(started.errors).toBeUndefined();
      expect(server.app.smsOutbox.last("+14255550150")!.body).toMatch(/^Wingtip: \d{6} is your code\. Don't share it\.$/);
      expect((await update(DEFAULT_TEMPLATE)).errors).toBeUndefined();
    });

    it("refuses an unknown gateway account and an unknown store", async () => {
      const unknownAccount = await server.execute(
        UpdateIdentityStoreSmsSettingsDocument,
        { identityStoreId: STORE, input: { smsGatewayAccountId: "00000000-0000-4000-8000-000000000000", smsMessageTemplate: DEFAULT_TEMPLATE } },
        { token: admin },
      );
      expect(codesOf(unknownAccount)).toEqual(["BAD_USER_INPUT"]);
      const unknownStore = await server.execute(UpdateIdentityStoreSmsSettingsDocument, { identityStoreId: "contoso.com", input: { smsMessageTemplate: DEFAULT_TEMPLATE } }, { token: admin });
      expect(codesOf(unknownStore)).toEqual(["NOT_FOUND"]);
    });
  });

  describe("enabled and enforced authentication types", () => {
    it("won't disable a type a security role enforces, nor enforce a disabled type", async () => {
      const enforced = await server.execute(SetAuthenticationTypeEnforcedDocument, { securityRoleId: helpdeskId, type: "sms", enforced: true }, { token: admin });
      expect(enforced.data!.setAuthenticationTypeEnforced).toMatchObject({ name: "Helpdesk", enforcedAuthenticationTypes: ["sms"] });

      const refused = await server.execute(SetAuthenticationTypeEnabledDocument, { identityStoreId: STORE, type: "sms", enabled: false }, { token: admin });
      expect(codesOf(refused)).toEqual(["PRECONDITION_FAILED"]);
      expect(refused.errors![0]!.extensions!.reason).toBe("authenticationTypeEnforced");
      const stores = await server.execute(IdentityStoresDocument, undefined, { token: admin });
      expect(stores.data!.identityStores[0]!.enabledAuthenticationTypes).toEqual(["password", "sms"]);

      await server.execute(SetAuthenticationTypeEnforcedDocument, { securityRoleId: "Helpdesk", type: "sms", enforced: false }, { token: admin });
      const disabled = await server.execute(SetAuthenticationTypeEnabledDocument, { identityStoreId: STORE, type: "sms", enabled: false }, { token: admin });
      expect(disabled.data!.setAuthenticationTypeEnabled.enabledAuthenticationTypes).toEqual(["password"]);

      const enforceDisabled = await server.execute(SetAuthenticationTypeEnforcedDocument, { securityRoleId: helpdeskId, type: "sms", enforced: true }, { token: admin });
      expect(codesOf(enforceDisabled)).toEqual(["PRECONDITION_FAILED"]);
      expect(enforceDisabled.errors![0]!.extensions!.reason).toBe("authenticationTypeDisabled");

      const enabled = await server.execute(SetAuthenticationTypeEnabledDocument, { identityStoreId: STORE, type: "sms", enabled: true }, { token: admin });
      expect(enabled.data!.setAuthenticationTypeEnabled.enabledAuthenticationTypes).toEqual(["password", "sms"]);
    });

    it("refuses SMS enrolment with a clear reason while SMS is disabled", async () => {
      await server.execute(SetAuthenticationTypeEnabledDocument, { identityStoreId: STORE, type: "sms", enabled: false }, { token: admin });
      const avery = await server.tokenFor(AVERY);
      const refused = await server.execute(StartPhoneVerificationDocument, { input: { phoneNumber: "+1 4255550151", phoneType: "mobile" } }, { token: avery });
      expect(codesOf(refused)).toEqual(["PRECONDITION_FAILED"]);
      expect(refused.errors![0]!.extensions!.reason).toBe("smsDisabled");
      await server.execute(SetAuthenticationTypeEnabledDocument, { identityStoreId: STORE, type: "sms", enabled: true }, { token: admin });
    });

    it("answers NOT_FOUND for unknown stores, roles and users", async () => {
      expect(codesOf(await server.execute(SetAuthenticationTypeEnabledDocument, { identityStoreId: "nope", type: "sms", enabled: true }, { token: admin }))).toEqual(["NOT_FOUND"]);
      expect(codesOf(await server.execute(SetAuthenticationTypeEnforcedDocument, { securityRoleId: "nope", type: "sms", enforced: true }, { token: admin }))).toEqual(["NOT_FOUND"]);
      expect(codesOf(await server.execute(AddSecurityRoleMemberDocument, { securityRoleId: helpdeskId, userId: "nobody@wingtiptoysonline.com" }, { token: admin }))).toEqual(["NOT_FOUND"]);
    });
  });

  describe("a role enforcing SMS", () => {
    const signIn = (password: string) => server.execute(SignInWithPasswordDocument, { userPrincipalName: AVERY, password });

    it("tells a member without a mobile to register one when signing in with a password", async () => {
      expect((await signIn(server.passwords[AVERY]!)).data!.signInWithPassword).toMatchObject({ isVerified: true, requiredActions: [] });

      await server.execute(SetAuthenticationTypeEnforcedDocument, { securityRoleId: helpdeskId, type: "sms", enforced: true }, { token: admin });
      const added = await server.execute(AddSecurityRoleMemberDocument, { securityRoleId: helpdeskId, userId: AVERY }, { token: admin });
      expect(added.data!.addSecurityRoleMember.name).toBe("Helpdesk");
      expect((await signIn(server.passwords[AVERY]!)).data!.signInWithPassword).toMatchObject({ isVerified: true, requiredActions: ["registerSms"] });

      // An office phone is not a mobile.
      const avery = await server.tokenFor(AVERY);
      await server.execute(AddPhoneMethodDocument, { input: { phoneNumber: "+1 4255550152", phoneType: "office" } }, { token: avery });
      expect((await signIn(server.passwords[AVERY]!)).data!.signInWithPassword.requiredActions).toEqual(["registerSms"]);

      await server.execute(AddPhoneMethodDocument, { input: { phoneNumber: "+1 4255550153", phoneType: "mobile" } }, { token: avery });
      expect((await signIn(server.passwords[AVERY]!)).data!.signInWithPassword.requiredActions).toEqual([]);
    });

    it("stops asking once the user leaves the role", async () => {
      const upn = "enforced.member@wingtiptoysonline.com";
      const password = "Correct-Horse-42";
      await server.request(`mutation($u: String!, $p: String!) { createUser(input: { userPrincipalName: $u, password: $p }) { id } }`, { u: upn, p: password }, { token: admin });
      await server.execute(AddSecurityRoleMemberDocument, { securityRoleId: helpdeskId, userId: upn }, { token: admin });
      const before = await server.execute(SignInWithPasswordDocument, { userPrincipalName: upn, password });
      expect(before.data!.signInWithPassword.requiredActions).toEqual(["registerSms"]);
      await server.execute(RemoveSecurityRoleMemberDocument, { securityRoleId: helpdeskId, userId: upn }, { token: admin });
      const after = await server.execute(SignInWithPasswordDocument, { userPrincipalName: upn, password });
      expect(after.data!.signInWithPassword.requiredActions).toEqual([]);
    });
  });
});
