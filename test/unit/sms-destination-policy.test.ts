import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/errors/domain-error.js";
import type { Logger } from "../../src/logging/logger.js";
import type { IdentityStoreRecord } from "../../src/modules/directory-settings/directory-settings.repository.js";
import {
  createSmsDestinationPolicy,
  numberPrefixOf,
  validateAllowedCountryCallingCodes,
  validateSmsDailyLimit,
} from "../../src/modules/directory-settings/sms-destination-policy.js";
import type { RateLimiter } from "../../src/modules/rate-limits/rate-limiter.js";

const store = (overrides: Partial<IdentityStoreRecord> = {}): IdentityStoreRecord => ({
  id: "contoso.com",
  name: "contoso.com",
  passwordEnabled: true,
  smsEnabled: true,
  smsGatewayAccountId: null,
  smsMessageTemplate: "Code [Code]",
  smsAllowedCountryCallingCodes: ["1", "44"],
  smsDailyLimitPerCountry: 1000,
  smsDailyLimitPerPrefix: 50,
  ...overrides,
});

/** The rate limiter's consume contract, in memory: counts every hit, refuses past the limit. */
function countingLimiter(): Pick<RateLimiter, "consume"> & { counts: Map<string, number> } {
  const counts = new Map<string, number>();
  return {
    counts,
    async consume(rule, subject) {
      const key = `${rule.name}:${subject}`;
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      if (count > rule.limit) throw new DomainError("RATE_LIMITED", rule.message, { reason: rule.reason, retryAfterSeconds: rule.windowSeconds });
    },
  };
}

function capturingLogger(): Logger & { lines: { fields: object; message?: string }[] } {
  const lines: { fields: object; message?: string }[] = [];
  const log = (fields: object, message?: string) => void lines.push({ fields, message });
  return { lines, debug: log, info: log, warn: log, error: log };
}

const reasonOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "allowed";
  } catch (error) {
    return `${(error as DomainError).code} ${(error as DomainError).meta.reason}`;
  }
};

describe("SMS destination policy", () => {
  it("texts only the allowed countries, and every country when the list is empty", async () => {
    const rateLimiter = countingLimiter();
    const policy = createSmsDestinationPolicy({ rateLimiter, logger: capturingLogger() });
    expect(await reasonOf(policy.assertSendAllowed(store(), "+12065550123"))).toBe("allowed");
    expect(await reasonOf(policy.assertSendAllowed(store(), "+447400123456x9"))).toBe("allowed");
    expect(await reasonOf(policy.assertSendAllowed(store(), "+33612345678"))).toBe("PRECONDITION_FAILED destinationNotAllowed");
    expect(await reasonOf(policy.assertSendAllowed(store(), "+80012345678"))).toBe("PRECONDITION_FAILED destinationNotAllowed");
    // A refused destination uses up nothing.
    expect([...rateLimiter.counts.keys()].filter((key) => key.includes("+33") || key.includes("+800"))).toEqual([]);
    expect(await reasonOf(policy.assertSendAllowed(store({ smsAllowedCountryCallingCodes: [] }), "+33612345678"))).toBe("allowed");
  });

  it("checks the allow list alone, counting nothing, where a send may never happen", async () => {
    const rateLimiter = countingLimiter();
    const policy = createSmsDestinationPolicy({ rateLimiter, logger: capturingLogger() });
    expect(await reasonOf(policy.assertDestinationAllowed(store(), "+12065550123"))).toBe("allowed");
    expect(await reasonOf(policy.assertDestinationAllowed(store(), "+4915123456789"))).toBe("PRECONDITION_FAILED destinationNotAllowed");
    expect(rateLimiter.counts.size).toBe(0);
  });

  it("caps a prefix before the country, so a pumped range doesn't use up the country's budget", async () => {
    const rateLimiter = countingLimiter();
    const policy = createSmsDestinationPolicy({ rateLimiter, logger: capturingLogger() });
    const capped = store({ smsDailyLimitPerPrefix: 2, smsDailyLimitPerCountry: 3 });
    const outcomes = [];
    for (const number of ["+14255550001", "+14255550002", "+14255550003", "+14255550004"]) outcomes.push(await reasonOf(policy.assertSendAllowed(capped, number)));
    expect(outcomes).toEqual(["allowed", "allowed", "RATE_LIMITED smsPrefixDailyLimit", "RATE_LIMITED smsPrefixDailyLimit"]);
    expect(rateLimiter.counts.get("sms-destination:country:contoso.com:+1")).toBe(2);
    expect(await reasonOf(policy.assertSendAllowed(capped, "+12065550001"))).toBe("allowed");
    expect(await reasonOf(policy.assertSendAllowed(capped, "+12065560001"))).toBe("RATE_LIMITED smsCountryDailyLimit");
    // Caps are per identity store.
    expect(await reasonOf(policy.assertSendAllowed({ ...capped, id: "fabrikam.com" }, "+14255550005"))).toBe("allowed");
  });

  it("logs refusals with the masked number and the country, never the number or its prefix", async () => {
    const logger = capturingLogger();
    const policy = createSmsDestinationPolicy({ rateLimiter: countingLimiter(), logger });
    await reasonOf(policy.assertSendAllowed(store(), "+33612345678"));
    expect(logger.lines).toEqual([
      {
        fields: { identityStoreId: "contoso.com", destination: "+33 *****5678", destinationCountry: "+33", reason: "destinationNotAllowed" },
        message: "SMS send refused by the destination policy",
      },
    ]);
    expect(JSON.stringify(logger.lines)).not.toContain("3361234");
  });

  it("names a prefix by the E.164 number without its last 4 digits", () => {
    expect(numberPrefixOf("+14255550123")).toBe("+1425555");
    expect(numberPrefixOf("+447400123456")).toBe("+44740012");
  });

  it("reads allow lists as sorted, unique country calling codes and refuses anything else", () => {
    expect(validateAllowedCountryCallingCodes(["44", "+1", " 1 ", "353"])).toEqual(["1", "44", "353"]);
    for (const codes of [[], ["999"], ["0"], ["881"], ["FR"], ["+"], ["1", "44x"]]) {
      expect(() => validateAllowedCountryCallingCodes(codes), JSON.stringify(codes)).toThrow(DomainError);
    }
  });

  it("accepts daily caps from 1 to 1,000,000", () => {
    expect(validateSmsDailyLimit(1, "smsDailyLimitPerPrefix")).toBe(1);
    expect(validateSmsDailyLimit(1_000_000, "smsDailyLimitPerCountry")).toBe(1_000_000);
    for (const value of [0, -1, 1_000_001, 1.5]) expect(() => validateSmsDailyLimit(value, "smsDailyLimitPerCountry")).toThrow(DomainError);
  });
});
