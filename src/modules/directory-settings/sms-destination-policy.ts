import { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { badInput, DomainError } from "../../errors/domain-error.js";
import { maskPhoneNumber, smsDestination } from "../../lib/phone-number.js";
import type { Logger } from "../../logging/logger.js";
import type { RateLimiter, RateLimitRule } from "../rate-limits/rate-limiter.js";
import type { IdentityStoreRecord } from "./directory-settings.repository.js";

/** The column defaults (prisma/schema.prisma): a fresh store allows every country at these rates. */
export const DEFAULT_SMS_DAILY_LIMIT_PER_COUNTRY = 1000;
export const DEFAULT_SMS_DAILY_LIMIT_PER_PREFIX = 50;
export const MAX_SMS_DAILY_LIMIT = 1_000_000;

/**
 * A number's prefix is its E.164 form without the last 4 digits (`+1425555` for `+14255550123`):
 * a block of 10,000 numbers, the size of range that premium-rate and pumped numbers come in.
 */
export const PREFIX_HIDDEN_DIGITS = 4;

const DAY_SECONDS = 24 * 60 * 60;

// Calling codes of the countries libphonenumber-js knows. Non-geographic codes (+800 freephone,
// +881/+882 satellite) are not countries: a store with an allow list never texts them.
const COUNTRY_CALLING_CODES: ReadonlySet<string> = new Set(getCountries().map((country) => getCountryCallingCode(country)));

export const isCountryCallingCode = (code: string): boolean => COUNTRY_CALLING_CODES.has(code);

/** The store's allow list, or null when every country is allowed (stored as an empty list). */
export const allowedCountryCallingCodesOf = (store: Pick<IdentityStoreRecord, "smsAllowedCountryCallingCodes">): string[] | null =>
  store.smsAllowedCountryCallingCodes.length > 0 ? store.smsAllowedCountryCallingCodes : null;

export const numberPrefixOf = (e164: string): string => e164.slice(0, Math.max(1, e164.length - PREFIX_HIDDEN_DIGITS));

/**
 * An allow list as an administrator typed it ("44", "+44"): real country calling codes, at least
 * one (null, not an empty list, allows every country), without duplicates, in numeric order.
 */
export function validateAllowedCountryCallingCodes(raw: readonly string[]): string[] {
  const field = "smsAllowedCountryCallingCodes";
  if (raw.length === 0) {
    throw badInput("List at least one country calling code, or set null to allow every country", { field, reason: "emptyAllowList" });
  }
  const codes = raw.map((value) => value.trim().replace(/^\+/, ""));
  const unknown = codes.filter((code) => !/^\d{1,3}$/.test(code) || !isCountryCallingCode(code));
  if (unknown.length > 0) {
    throw badInput(`Not a country calling code: ${unknown.map((code) => JSON.stringify(code.slice(0, 8))).join(", ")}`, { field, reason: "unknownCountryCallingCode" });
  }
  return [...new Set(codes)].sort((a, b) => Number(a) - Number(b));
}

/** A daily cap: a whole number of sends from 1 to MAX_SMS_DAILY_LIMIT. */
export function validateSmsDailyLimit(value: number, field: "smsDailyLimitPerCountry" | "smsDailyLimitPerPrefix"): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_SMS_DAILY_LIMIT) {
    throw badInput(`${field} must be a whole number from 1 to ${MAX_SMS_DAILY_LIMIT}`, { field, reason: "invalidSmsDailyLimit" });
  }
  return value;
}

/**
 * SMS pumping (toll fraud) defence: an identity store texts only the destination countries it
 * allows, and at most its daily caps per destination country and per number prefix.
 */
export function createSmsDestinationPolicy(deps: { rateLimiter: Pick<RateLimiter, "consume">; logger: Logger }) {
  const { rateLimiter, logger } = deps;

  const refused = (store: IdentityStoreRecord, e164: string, countryCallingCode: string | undefined, error: DomainError): DomainError => {
    // The masked number and the country only: a prefix next to the last 4 digits is the whole number.
    logger.warn(
      { identityStoreId: store.id, destination: maskPhoneNumber(e164), destinationCountry: countryCallingCode ? `+${countryCallingCode}` : null, reason: error.meta.reason },
      "SMS send refused by the destination policy",
    );
    return error;
  };

  const dailyRule = (name: string, limit: number, reason: string, message: string): RateLimitRule => ({ name, limit, windowSeconds: DAY_SECONDS, reason, message });

  /** The destination's calling code; PRECONDITION_FAILED `destinationNotAllowed` outside the store's allow list. */
  function allowedCountryOf(store: IdentityStoreRecord, e164: string): string {
    const countryCallingCode = parsePhoneNumberFromString(e164)?.countryCallingCode;
    const allowed = allowedCountryCallingCodesOf(store);
    if (!countryCallingCode || (allowed && !allowed.includes(countryCallingCode))) {
      throw refused(store, e164, countryCallingCode, new DomainError("PRECONDITION_FAILED", "Codes can't be texted to this country", { reason: "destinationNotAllowed" }));
    }
    return countryCallingCode;
  }

  /**
   * The allow list alone, counting nothing: for a request path that must not count sends that
   * may never happen (SMS sign-in for a number that is nobody's), with the caps applied at sending.
   */
  async function assertDestinationAllowed(store: IdentityStoreRecord, number: string): Promise<void> {
    allowedCountryOf(store, smsDestination(number));
  }

  /**
   * Refuses a send to `number` (E.164, an extension is ignored) outside the store's allow list
   * (PRECONDITION_FAILED `destinationNotAllowed`, nothing counted) or past a daily cap
   * (RATE_LIMITED `smsPrefixDailyLimit` / `smsCountryDailyLimit` with `retryAfterSeconds`);
   * otherwise counts the send against both caps.
   */
  async function assertSendAllowed(store: IdentityStoreRecord, number: string): Promise<void> {
    const e164 = smsDestination(number);
    const countryCallingCode = allowedCountryOf(store, e164);
    // The prefix first: a pumping run on one range is stopped there without using up the
    // country's budget that everyone else in that country shares.
    const caps = [
      { rule: dailyRule("sms-destination:prefix", store.smsDailyLimitPerPrefix, "smsPrefixDailyLimit", "Too many codes were sent to numbers like this one today"), subject: `${store.id}:${numberPrefixOf(e164)}` },
      { rule: dailyRule("sms-destination:country", store.smsDailyLimitPerCountry, "smsCountryDailyLimit", "Too many codes were sent to this country today"), subject: `${store.id}:+${countryCallingCode}` },
    ];
    for (const { rule, subject } of caps) {
      try {
        await rateLimiter.consume(rule, subject);
      } catch (error) {
        throw error instanceof DomainError ? refused(store, e164, countryCallingCode, error) : error;
      }
    }
  }

  return { assertDestinationAllowed, assertSendAllowed };
}

export type SmsDestinationPolicy = ReturnType<typeof createSmsDestinationPolicy>;
