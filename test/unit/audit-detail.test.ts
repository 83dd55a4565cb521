import { describe, expect, it } from "vitest";
import { maskPhoneForLog } from "../../src/lib/phone-number.js";
import { redactDetail, redactUnknownName } from "../../src/modules/audit/audit-detail.js";

describe("audit event details", () => {
  it("masks a phone number to its country, first digits and last four", () => {
    expect(maskPhoneForLog("+12065550123")).toBe("+1 206***0123");
    expect(maskPhoneForLog("+12065550123x42")).toBe("+1 206***0123");
    expect(maskPhoneForLog("+447700900123")).toBe("+44 770***0123");
    expect(maskPhoneForLog("not a number")).toBe("***er");
  });

  it("drops secrets and masks phone numbers wherever they are, keeping numbers already masked", () => {
    const detail = redactDetail({
      password: "hunter2",
      newPassword: "x",
      code: "123456",
      refreshToken: "r",
      credentials: "c",
      passwordHash: "h",
      sealedMessage: "s",
      phoneNumber: "+12065550123",
      nested: { senderId: "+1 (206) 555-0199", masked: "+1 206***0123", reason: "wrongPassword" },
      list: ["+12065550142"],
    });
    expect(detail).toEqual({
      phoneNumber: "+1 206***0123",
      nested: { senderId: "+1 206***0199", masked: "+1 206***0123", reason: "wrongPassword" },
      list: ["+1 206***0142"],
    });
  });

  it("keeps an unknown sign-in name as its domain only", () => {
    expect(redactUnknownName("mallory@fabrikam.example")).toBe("***@fabrikam.example");
    expect(redactUnknownName("no-domain")).toBe("***");
  });
});
