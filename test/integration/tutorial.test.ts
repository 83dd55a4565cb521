import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AddPhoneMethodDocument,
  DeletePhoneMethodDocument,
  MyMethodsDocument,
  UserMethodsDocument,
} from "../generated/graphql.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

const AVERY = "avery.howard@wingtiptoysonline.com";
const PASSWORD_ID = "28c10230-6103-485e-b985-444c60001490";
const MOBILE_ID = "3179e48a-750b-4051-897c-87b9720928f7";
const OFFICE_ID = "e37fc753-ff3b-4958-9484-eaa9425c82bc";

describe("the seed document's tutorial, as a person in Sandbox walks it", () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer();
    token = await server.tokenFor(AVERY, ["UserAuthenticationMethod.ReadWrite"]);
  });
  afterAll(() => server?.stop());

  it("lists only Avery's password, with the well-known id and no secret", async () => {
    const res = await server.execute(UserMethodsDocument, { id: AVERY }, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data!.user!.userPrincipalName).toBe(AVERY);
    expect(res.data!.user!.authentication.methods).toEqual([
      expect.objectContaining({ __typename: "PasswordAuthenticationMethod", id: PASSWORD_ID, password: null }),
    ]);
  });

  it("adds a mobile that is ready for SMS sign-in, and an office phone that is not supported", async () => {
    const mobile = await server.execute(AddPhoneMethodDocument, { input: { phoneNumber: "+1 2065550123", phoneType: "mobile" } }, { token });
    expect(mobile.errors).toBeUndefined();
    expect(mobile.data!.addPhoneMethod).toMatchObject({ id: MOBILE_ID, phoneNumber: "+1 2065550123", phoneType: "mobile", smsSignInState: "ready" });

    const office = await server.execute(AddPhoneMethodDocument, { input: { phoneNumber: "+1 4255550199", phoneType: "office" } }, { token });
    expect(office.errors).toBeUndefined();
    expect(office.data!.addPhoneMethod).toMatchObject({ id: OFFICE_ID, phoneNumber: "+1 4255550199", phoneType: "office", smsSignInState: "notSupported" });
  });

  it("lists phones in type order, then deletes the office phone", async () => {
    const listed = await server.execute(MyMethodsDocument, undefined, { token });
    expect(listed.data!.me.authentication.phoneMethods.map((p) => [p.id, p.phoneNumber, p.phoneType])).toEqual([
      [MOBILE_ID, "+1 2065550123", "mobile"],
      [OFFICE_ID, "+1 4255550199", "office"],
    ]);
    expect(listed.data!.me.authentication.methods.map((m) => m.id)).toEqual([MOBILE_ID, OFFICE_ID, PASSWORD_ID]);

    const deleted = await server.execute(DeletePhoneMethodDocument, { id: OFFICE_ID }, { token });
    expect(deleted.data!.deletePhoneMethod).toBe(OFFICE_ID);

    const after = await server.execute(MyMethodsDocument, undefined, { token });
    expect(after.data!.me.authentication.methods.map((m) => [m.__typename, m.id])).toEqual([
      ["PhoneAuthenticationMethod", MOBILE_ID],
      ["PasswordAuthenticationMethod", PASSWORD_ID],
    ]);
    expect(after.data!.me.authentication.passwordMethods).toEqual([expect.objectContaining({ id: PASSWORD_ID, password: null })]);
  });
});
