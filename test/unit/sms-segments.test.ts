import { describe, expect, it } from "vitest";
import { countSmsSegments } from "../../src/connectors/sms/sms-segments.js";
import { DomainError } from "../../src/errors/domain-error.js";
import { validateSmsTemplate } from "../../src/modules/directory-settings/sms-template.js";

describe("SMS segment counting", () => {
  it("counts plain GSM-7 text in septets: 160 fit one SMS, 161 take two", () => {
    expect(countSmsSegments("Your verification code is 123456")).toEqual({ encoding: "GSM-7", units: 32, segments: 1 });
    expect(countSmsSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(countSmsSegments("a".repeat(161))).toEqual({ encoding: "GSM-7", units: 161, segments: 2 });
    expect(countSmsSegments("a".repeat(306)).segments).toBe(2);
    expect(countSmsSegments("a".repeat(307)).segments).toBe(3);
  });

  it("keeps GSM-7 for the default alphabet's accents and symbols, newline included", () => {
    const text = "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà\n";
    expect(countSmsSegments(text)).toEqual({ encoding: "GSM-7", units: [...text].length, segments: 1 });
  });

  it("counts each extension-table character (€ { } [ ] ~ ^ | \\) as two septets", () => {
    for (const character of ["€", "{", "}", "[", "]", "~", "^", "|", "\\"]) {
      expect(countSmsSegments(character), character).toEqual({ encoding: "GSM-7", units: 2, segments: 1 });
    }
    expect(countSmsSegments("€".repeat(80))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(countSmsSegments(`${"€".repeat(80)}a`)).toEqual({ encoding: "GSM-7", units: 161, segments: 2 });
    // 153 septets per concatenated part and an escape pair is never split: 77 + 77 euro signs.
    expect(countSmsSegments("€".repeat(154)).segments).toBe(3);
  });

  it("falls back to UCS-2 for any other character, counting UTF-16 units (an emoji is two)", () => {
    expect(countSmsSegments("ç")).toEqual({ encoding: "UCS-2", units: 1, segments: 1 });
    expect(countSmsSegments("Код: 123456")).toEqual({ encoding: "UCS-2", units: 11, segments: 1 });
    expect(countSmsSegments("😀")).toEqual({ encoding: "UCS-2", units: 2, segments: 1 });
    expect(countSmsSegments("x".repeat(69) + "é" + "ш")).toEqual({ encoding: "UCS-2", units: 71, segments: 2 });
    expect(countSmsSegments("ш".repeat(70))).toEqual({ encoding: "UCS-2", units: 70, segments: 1 });
  });

  it("counts 77 emoji and a 6-digit code as three UCS-2 segments (160 UTF-16 units)", () => {
    expect(countSmsSegments(`${"😀".repeat(77)}123456`)).toEqual({ encoding: "UCS-2", units: 160, segments: 3 });
  });
});

describe("SMS template length", () => {
  it("measures the message with the code in it as SMS does and allows one segment", () => {
    expect(validateSmsTemplate("Your verification code is [Code]")).toBe("Your verification code is [Code]");
    expect(validateSmsTemplate(`${"€".repeat(77)}[Code]`)).toHaveLength(83); // 154 + 6 septets
    expect(() => validateSmsTemplate(`${"€".repeat(78)}[Code]`)).toThrow(DomainError);
    expect(validateSmsTemplate(`${"ш".repeat(64)}[Code]`)).toHaveLength(70); // 64 + 6 UCS-2 units
    expect(() => validateSmsTemplate(`${"ш".repeat(65)}[Code]`)).toThrow(DomainError);
  });

  it("refuses 77 emoji and [Code], saying how many segments and what is allowed", () => {
    const refusal = (() => {
      try {
        validateSmsTemplate(`${"😀".repeat(77)}[Code]`);
      } catch (error) {
        return error as DomainError;
      }
      throw new Error("accepted");
    })();
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal.message).toContain("the message is 3 SMS segments (UCS-2, 160 characters); at most 1 is allowed");
    expect(refusal.meta).toMatchObject({ field: "smsMessageTemplate", reason: "templateTooLong" });
  });

  it("allows more segments only when the caller says so", () => {
    expect(validateSmsTemplate(`${"😀".repeat(77)}[Code]`, 3)).toHaveLength(160);
  });

  it("still needs [Code] exactly once", () => {
    expect(() => validateSmsTemplate("😀")).toThrow(/exactly once/);
    expect(() => validateSmsTemplate("[Code] [Code]")).toThrow(/exactly once/);
  });
});
