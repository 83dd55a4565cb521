import { parse, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { measureOperation } from "../../src/graphql/operation-limits.js";
import { displayPhoneNumber, maskPhoneNumber, normalisePhoneNumber } from "../../src/lib/phone-number.js";
import { checkPasswordPolicy, generateStrongPassword } from "../../src/lib/password-policy.js";
import { DomainError } from "../../src/errors/domain-error.js";

describe("password policy", () => {
  const user = { userPrincipalName: "avery.howard@wingtiptoysonline.com", displayName: "Avery Howard" };
  it.each([
    ["Short1!", false],
    ["alllowercase", false],
    ["lowercase123", false],
    ["Lowercase123", true],
    ["lower-case-only!", false],
    ["Has-Avery-in-it1", false],
    ["has.howard.too1A", false],
    ["Perfectly-fine-9", true],
  ])("%s is %s", (password, ok) => {
    expect(checkPasswordPolicy(password, user) === undefined).toBe(ok);
  });

  it("generates 16-character passwords that always pass", () => {
    for (let i = 0; i < 200; i++) {
      const password = generateStrongPassword();
      expect(password).toHaveLength(16);
      expect(checkPasswordPolicy(password, user)).toBeUndefined();
    }
  });
});

describe("phone numbers", () => {
  it("normalises any international spelling to E.164 with extension, shown in Graph's form", () => {
    const n = normalisePhoneNumber("+1 (206) 555-0123 ext. 42");
    expect(n).toEqual({ e164: "+12065550123", stored: "+12065550123x42" });
    expect(displayPhoneNumber(n.stored)).toBe("+1 2065550123x42");
    expect(maskPhoneNumber(n.stored)).toBe("+1 ******0123");
  });

  it.each(["", "2065550123", "+1 206555", "+999 123", "not a phone", "+1 2065550123".repeat(10)])("refuses %j as BAD_USER_INPUT", (raw) => {
    expect(() => normalisePhoneNumber(raw)).toThrow(DomainError);
    try {
      normalisePhoneNumber(raw);
    } catch (e) {
      expect((e as DomainError).code).toBe("BAD_USER_INPUT");
    }
  });
});

describe("query measurement", () => {
  const measure = (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    const fragments = Object.fromEntries(document.definitions.filter((d) => d.kind === "FragmentDefinition").map((d) => [d.name.value, d]));
    const operation = document.definitions.find((d) => d.kind === "OperationDefinition") as OperationDefinitionNode;
    return measureOperation(operation, fragments as never, variables);
  };

  it("counts depth through fragments and ignores introspection", () => {
    expect(measure("{ me { id } }")).toEqual({ depth: 2, cost: 2 });
    expect(measure("{ me { ...F } } fragment F on User { authentication { methods { id } } }").depth).toBe(4);
    expect(measure("{ __schema { types { fields { type { ofType { ofType { name } } } } } } }")).toEqual({ depth: 0, cost: 0 });
  });

  it("multiplies lists by first, from literals or variables, with a default for users", () => {
    expect(measure("{ users(first: 10) { nodes { id } } }").cost).toBe(1 + 10 * 2);
    expect(measure("query($n: Int) { users(first: $n) { nodes { id } } }", { n: 100 }).cost).toBe(1 + 100 * 2);
    expect(measure("{ users { nodes { id } } }").cost).toBe(1 + 50 * 2);
  });

  it("does not loop on self-referencing fragments", () => {
    expect(() => measure("{ me { ...A } } fragment A on User { id ...A }")).not.toThrow();
  });
});
