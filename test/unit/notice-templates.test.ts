import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/errors/domain-error.js";
import { DEFAULT_NOTICE_TEMPLATES, lastFourDigitsOf, NOTICE_KINDS, renderNotice, validateNoticeTemplate } from "../../src/modules/notices/notice-templates.js";

describe("notice templates", () => {
  it("has a built-in text for every kind that passes its own rules", () => {
    for (const kind of NOTICE_KINDS) expect(validateNoticeTemplate(kind, DEFAULT_NOTICE_TEMPLATES[kind]), kind).toBe(DEFAULT_NOTICE_TEMPLATES[kind]);
  });

  it("fills in the last four digits only, whatever the stored number's extension", () => {
    expect(lastFourDigitsOf("+12065550123")).toBe("0123");
    expect(lastFourDigitsOf("+12065550123x77")).toBe("0123");
    expect(renderNotice("Phone ...[Last4] added; [Last4]", "0123")).toBe("Phone ...0123 added; 0123");
  });

  it("refuses [Code], unknown placeholders, [Last4] where there is no phone, and more than one SMS", () => {
    const reasonOf = (kind: (typeof NOTICE_KINDS)[number], template: string) => {
      try {
        validateNoticeTemplate(kind, template);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        return (error as DomainError).meta.reason;
      }
    };
    expect(reasonOf("phoneAdded", "Code [Code]")).toBe("invalidTemplate");
    expect(reasonOf("phoneAdded", "[last4] added")).toBe("invalidTemplate");
    expect(reasonOf("passwordChanged", "[Last4]")).toBe("invalidTemplate");
    expect(reasonOf("phoneAdded", "")).toBe("invalidTemplate");
    // [Last4] (7 characters) becomes 4 digits: 163 characters as written fit.
    expect(reasonOf("phoneAdded", `${"a".repeat(156)}[Last4]`)).toBeNull();
    expect(reasonOf("phoneAdded", `${"a".repeat(157)}[Last4]`)).toBe("templateTooLong");
    expect(reasonOf("passwordReset", "€".repeat(81))).toBe("templateTooLong");
  });
});
