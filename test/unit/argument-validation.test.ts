import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ARGUMENT_SCHEMAS } from "../../src/modules/index.js";
import { argumentSchemaGaps, assertValidArguments, cursor, id, name, phoneNumber, secret, smsTemplate, userPrincipalName } from "../../src/graphql/argument-validation.js";
import { buildSchemaForPrinting } from "../../src/graphql/emit-schema.js";
import { DomainError } from "../../src/errors/domain-error.js";

describe("argument schemas", () => {
  it("cover every argument of every field, root and nested, and nothing else", async () => {
    const schema = await buildSchemaForPrinting();
    expect(argumentSchemaGaps(schema, ARGUMENT_SCHEMAS)).toEqual([]);
    // The walk sees nested fields and subscriptions too.
    expect(Object.keys(ARGUMENT_SCHEMAS)).toEqual(
      expect.arrayContaining(["Authentication.phoneMethod", "Authentication.operation", "Subscription.operationStatusChanged", "Query.users"]),
    );
  });

  it("report a field whose schema is missing or forgets an argument", async () => {
    const schema = await buildSchemaForPrinting();
    const { "Mutation.addPhoneMethod": _dropped, ...rest } = ARGUMENT_SCHEMAS;
    expect(argumentSchemaGaps(schema, rest)).toEqual(["Mutation.addPhoneMethod has no argument schema"]);
    const forgetful = { ...ARGUMENT_SCHEMAS, "Query.user": z.object({}) };
    expect(argumentSchemaGaps(schema, forgetful)).toEqual(["Query.user(id:) is not in its argument schema"]);
    expect(argumentSchemaGaps(schema, { ...ARGUMENT_SCHEMAS, "Query.nobody": z.object({}) })).toEqual(["Query.nobody is not a field with arguments"]);
  });
});

describe("argument building blocks", () => {
  const accepts = (schema: z.ZodType, value: unknown) => expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(true);
  const refuses = (schema: z.ZodType, value: unknown) => expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(false);

  it("accept the ids, names and secrets people use", () => {
    for (const value of ["3179e48a-750b-4051-897c-87b9720928f7", "avery.howard@wingtiptoysonline.com", "wingtiptoysonline.com", "all_users", "Helpdesk", "Авери@пример.рф"]) accepts(id, value);
    for (const value of ["Avery Howard", "علی‌اکبر", "👩‍💻 Dev", "Zoë O'Brien", ""]) accepts(name, value);
    for (const value of ["Perfectly-fine-9", "123456", "", "ACxxxxxxxx:token", "pässwörd with spaces 😀"]) accepts(secret, value);
    for (const value of ["+1 2065550123", "+１ ２０６５５５０１２３", "+1 (206) 555-0123 ext. 42", ""]) accepts(phoneNumber, value);
    accepts(smsTemplate, "Your code:\n[Code]");
    accepts(userPrincipalName, " avery.howard@wingtiptoysonline.com ");
    accepts(cursor, Buffer.from("upn:avery.howard@wingtiptoysonline.com").toString("base64url"));
  });

  it("refuse control characters, invisible characters in ids, lone surrogates and absurd lengths", () => {
    for (const value of ["", "   ", "a\u0000b", "a\u001bb", "a\u007f", "a\u0085", "admin\u200d@x.com", "x\u202eadmin", "\ud800", "x".repeat(257)]) refuses(id, value);
    for (const value of ["Avery\u0000", "Avery\nHoward", "\u202eevil", "x\u2066y", "\udc00", "x".repeat(1025)]) refuses(name, value);
    for (const value of ["pass\u0000word", "code\t", "x".repeat(1025)]) refuses(secret, value);
    for (const value of ["+1 2065550123\u0000", "x".repeat(257)]) refuses(phoneNumber, value);
    for (const value of ["Code\r\n[Code]", "Code\u0000[Code]"]) refuses(smsTemplate, value);
    for (const value of ["аdmin@wingtiptoysonline.com", "admin@wingtiptoysonline.com\u0000", "admin\u200d@x.com"]) refuses(userPrincipalName, value);
    for (const value of ["not a cursor!", Buffer.from("upn:\u0000").toString("base64url")]) refuses(cursor, value);
  });

  it("name the offending argument in a BAD_USER_INPUT error", () => {
    const schema = z.object({ input: z.object({ phoneNumber }) });
    try {
      assertValidArguments(schema, { input: { phoneNumber: "+1\u0000" } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: "BAD_USER_INPUT", meta: { field: "input.phoneNumber", reason: "invalidArgument" } });
    }
  });
});
