import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AddPhoneMethodDocument,
  CreateUserDocument,
  DisableSmsSignInDocument,
  EnableSmsSignInDocument,
  PhoneMethodDocument,
  UpdatePhoneMethodDocument,
  UpdateSmsPolicyDocument,
} from "../generated/graphql.js";
import { codesOf } from "../kit/graphql-client.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

const MOBILE_ID = "3179e48a-750b-4051-897c-87b9720928f7";
const ALT_ID = "b6332ec1-7057-4abe-9331-3d72feddfe41";
const ADMIN = "admin@wingtiptoysonline.com";
const ALL = "UserAuthenticationMethod.ReadWrite.All";

describe("SMS sign-in state and its uniqueness", () => {
  let server: TestServer;
  let admin: string;
  let n = 0;
  const newUser = async () => {
    const res = await server.execute(CreateUserDocument, { input: { userPrincipalName: `state${++n}@wingtiptoysonline.com` } }, { token: admin });
    return res.data!.createUser.id;
  };
  const addMobile = (userId: string, phoneNumber: string) =>
    server.execute(AddPhoneMethodDocument, { userId, input: { phoneNumber, phoneType: "mobile" } }, { token: admin });
  const stateOf = async (userId: string, id = MOBILE_ID) =>
    (await server.execute(PhoneMethodDocument, { userId, id }, { token: admin })).data!.user!.authentication.phoneMethod?.smsSignInState;
  const setPolicy = (state: "enabled" | "disabled", includeTargets: { targetType: "user" | "group"; id: string; isUsableForSignIn: boolean }[]) =>
    server.execute(UpdateSmsPolicyDocument, { input: { state, includeTargets } }, { token: admin });

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.tokenFor(ADMIN, [ALL]);
  });
  afterAll(() => server?.stop());

  it("stores numbers normalised and shows Graph's display form", async () => {
    const user = await newUser();
    const res = await addMobile(user, "+1 (206) 555-0100");
    expect(res.data!.addPhoneMethod.phoneNumber).toBe("+1 2065550100");
    const stored = await server.app.database.prisma.phoneMethod.findFirst({ where: { userId: user } });
    expect(stored!.phoneNumber).toBe("+12065550100");
  });

  it("makes a second user's identical mobile phoneNumberNotUnique, and enabling it is a CONFLICT", async () => {
    const [a, b] = [await newUser(), await newUser()];
    expect((await addMobile(a, "+1 2065550111")).data!.addPhoneMethod.smsSignInState).toBe("ready");
    expect((await addMobile(b, "+1 2065550111")).data!.addPhoneMethod.smsSignInState).toBe("phoneNumberNotUnique");
    const enable = await server.execute(EnableSmsSignInDocument, { userId: b, id: MOBILE_ID }, { token: admin });
    expect(codesOf(enable)).toEqual(["CONFLICT"]);
    expect(enable.errors![0]!.extensions!.reason).toBe("phoneNumberNotUnique");
    // Once the first user lets go, the second can take the number.
    await server.execute(DisableSmsSignInDocument, { userId: a, id: MOBILE_ID }, { token: admin });
    expect(await stateOf(a)).toBe("notEnabled");
    expect(await stateOf(b)).toBe("notEnabled");
    const retry = await server.execute(EnableSmsSignInDocument, { userId: b, id: MOBILE_ID }, { token: admin });
    expect(retry.data!.enableSmsSignIn.smsSignInState).toBe("ready");
    expect(await stateOf(a)).toBe("phoneNumberNotUnique");
  });

  it("refuses SMS sign-in on other phone types with reason notSupported", async () => {
    const user = await newUser();
    await addMobile(user, "+1 2065550122");
    const alt = await server.execute(AddPhoneMethodDocument, { userId: user, input: { phoneNumber: "+1 2065550123", phoneType: "alternateMobile" } }, { token: admin });
    expect(alt.data!.addPhoneMethod.smsSignInState).toBe("notSupported");
    const enable = await server.execute(EnableSmsSignInDocument, { userId: user, id: ALT_ID }, { token: admin });
    expect(codesOf(enable)).toEqual(["PRECONDITION_FAILED"]);
    expect(enable.errors![0]!.extensions!.reason).toBe("notSupported");
  });

  it("re-evaluates the state when a ready phone's number changes", async () => {
    const [a, b] = [await newUser(), await newUser()];
    await addMobile(a, "+1 2065550131");
    await addMobile(b, "+1 2065550132");
    const moved = await server.execute(UpdatePhoneMethodDocument, { userId: b, id: MOBILE_ID, input: { phoneNumber: "+1 2065550131", phoneType: "mobile" } }, { token: admin });
    expect(moved.data!.updatePhoneMethod).toMatchObject({ phoneNumber: "+1 2065550131", smsSignInState: "phoneNumberNotUnique" });
    const back = await server.execute(UpdatePhoneMethodDocument, { userId: b, id: MOBILE_ID, input: { phoneNumber: "+1 2065550133", phoneType: "mobile" } }, { token: admin });
    expect(back.data!.updatePhoneMethod.smsSignInState).toBe("ready");
  });

  it("re-evaluates phones when the policy changes, and a new mobile follows the policy", async () => {
    const [inPolicy, outOfPolicy] = [await newUser(), await newUser()];
    await addMobile(inPolicy, "+1 2065550141");
    await addMobile(outOfPolicy, "+1 2065550142");
    expect(await stateOf(outOfPolicy)).toBe("ready");

    const restricted = await setPolicy("enabled", [{ targetType: "user", id: inPolicy, isUsableForSignIn: true }]);
    expect(restricted.errors).toBeUndefined();
    expect(await stateOf(inPolicy)).toBe("ready");
    expect(await stateOf(outOfPolicy)).toBe("notAllowedByPolicy");
    const refused = await server.execute(EnableSmsSignInDocument, { userId: outOfPolicy, id: MOBILE_ID }, { token: admin });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: "PRECONDITION_FAILED", reason: "notAllowedByPolicy" });

    const newcomer = await newUser();
    expect((await addMobile(newcomer, "+1 2065550143")).data!.addPhoneMethod.smsSignInState).toBe("notAllowedByPolicy");

    // Usable for MFA but not for sign-in is still not allowed to sign in.
    await setPolicy("enabled", [{ targetType: "group", id: "all_users", isUsableForSignIn: false }]);
    expect(await stateOf(inPolicy)).toBe("notAllowedByPolicy");

    await setPolicy("disabled", [{ targetType: "group", id: "all_users", isUsableForSignIn: true }]);
    expect(await stateOf(inPolicy)).toBe("notAllowedByPolicy");

    await setPolicy("enabled", [{ targetType: "group", id: "all_users", isUsableForSignIn: true }]);
    expect(await stateOf(inPolicy)).toBe("ready");
    expect(await stateOf(outOfPolicy)).toBe("ready");
    expect(await stateOf(newcomer)).toBe("ready");
  });

  it("targets a security role as a group: its members may sign in by SMS, others not", async () => {
    const helpdesk = (await server.app.database.prisma.securityRole.findUniqueOrThrow({ where: { name: "Helpdesk" } })).id;
    const [member, outsider] = [await newUser(), await newUser()];
    await addMobile(member, "+1 2065550171");
    await addMobile(outsider, "+1 2065550172");
    const joined = await server.request(`mutation($r: ID!, $u: ID!) { addSecurityRoleMember(securityRoleId: $r, userId: $u) { id } }`, { r: helpdesk, u: member }, { token: admin });
    expect(joined.errors).toBeUndefined();
    const res = await setPolicy("enabled", [{ targetType: "group", id: helpdesk, isUsableForSignIn: true }]);
    expect(res.errors).toBeUndefined();
    expect(await stateOf(member)).toBe("ready");
    expect(await stateOf(outsider)).toBe("notAllowedByPolicy");
    await setPolicy("enabled", [{ targetType: "group", id: "all_users", isUsableForSignIn: true }]);
    expect(await stateOf(outsider)).toBe("ready");
  });

  it("shows the policy (which names its targets) to administrators, not to every user", async () => {
    const user = await server.tokenFor("avery.howard@wingtiptoysonline.com", ["UserAuthenticationMethod.ReadWrite"]);
    const refused = await server.request("{ authenticationMethodsPolicy { sms { state } } }", {}, { token: user });
    expect(refused.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const authAdmin = await server.tokenFor("authadmin@wingtiptoysonline.com", ["UserAuthenticationMethod.Read.All"]);
    const shown = await server.request("{ authenticationMethodsPolicy { sms { state } } }", {}, { token: authAdmin });
    expect(shown.errors).toBeUndefined();
    const app = await server.appToken(["Policy.Read.All"]);
    expect((await server.request("{ authenticationMethodsPolicy { sms { state } } }", {}, { token: app })).errors).toBeUndefined();
  });

  it("refuses policy targets that don't exist, and changes nothing", async () => {
    const res = await setPolicy("enabled", [{ targetType: "user", id: "00000000-0000-4000-8000-000000000000", isUsableForSignIn: true }]);
    expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "unknownTarget" });
    const policy = await server.request("{ authenticationMethodsPolicy { sms { state includeTargets { id } } } }", {}, { token: admin });
    expect(policy.data.authenticationMethodsPolicy.sms).toEqual({ state: "enabled", includeTargets: [{ id: "all_users" }] });
  });

  it("lets exactly one of many parallel enableSmsSignIn requests win the same number", async () => {
    const users: string[] = [];
    for (let i = 0; i < 12; i++) users.push(await newUser());
    const holder = await newUser();
    await addMobile(holder, "+1 2065550150");
    for (const u of users) expect((await addMobile(u, "+1 2065550150")).data!.addPhoneMethod.smsSignInState).toBe("phoneNumberNotUnique");
    await server.execute(DisableSmsSignInDocument, { userId: holder, id: MOBILE_ID }, { token: admin });

    const results = await Promise.all(users.map((userId) => server.execute(EnableSmsSignInDocument, { userId, id: MOBILE_ID }, { token: admin })));
    const winners = results.filter((r) => r.data?.enableSmsSignIn.smsSignInState === "ready");
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(users.length - 1);
    for (const l of losers) expect(l.errors![0]!.extensions).toMatchObject({ code: "CONFLICT", reason: "phoneNumberNotUnique" });
    const enabled = await server.app.database.prisma.phoneMethod.count({ where: { phoneNumber: "+12065550150", smsSignInEnabled: true } });
    expect(enabled).toBe(1);
  });

  it("enforces uniqueness in the database itself, not only in the service", async () => {
    const [a, b] = [await newUser(), await newUser()];
    const prisma = server.app.database.prisma;
    await prisma.phoneMethod.create({ data: { userId: a, phoneType: "mobile", phoneNumber: "+12065550160", smsSignInEnabled: true } });
    await expect(
      prisma.phoneMethod.create({ data: { userId: b, phoneType: "mobile", phoneNumber: "+12065550160", smsSignInEnabled: true } }),
    ).rejects.toThrow();
  });
});
