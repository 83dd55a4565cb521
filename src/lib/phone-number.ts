import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { badInput } from "../errors/domain-error.js";
import { createLruCache } from "./lru-cache.js";

export interface NormalisedPhoneNumber {
  /** Stored form: E.164 plus `x{extension}` when there is one, e.g. `+12065550123x42`. */
  stored: string;
  /** E.164 alone: where an SMS is sent. */
  e164: string;
}

/**
 * Parses a number a person typed (international form, any spacing/punctuation) and refuses
 * anything libphonenumber-js doesn't consider a valid number.
 */
export function normalisePhoneNumber(raw: string): NormalisedPhoneNumber {
  const input = raw.trim();
  if (input.length === 0 || input.length > 64) throw badInput("Phone number is required and must be at most 64 characters", { reason: "invalidPhoneNumber", field: "phoneNumber" });
  if (!input.startsWith("+")) {
    throw badInput('Phone number must be in international form, e.g. "+1 2065550123"', { reason: "invalidPhoneNumber", field: "phoneNumber" });
  }
  const parsed = parsePhoneNumberFromString(input, { extract: false });
  if (!parsed || !parsed.isValid()) {
    throw badInput(`"${input}" is not a valid phone number`, { reason: "invalidPhoneNumber", field: "phoneNumber" });
  }
  const e164 = parsed.number;
  return { e164, stored: parsed.ext ? `${e164}x${parsed.ext}` : e164 };
}

const displayed = createLruCache<string, string>(10_000);

/** Graph's display form: `+{country code} {national number}[x{extension}]` (remembered: every read shows numbers). */
export function displayPhoneNumber(stored: string): string {
  let display = displayed.get(stored);
  if (display === undefined) {
    display = formatForDisplay(stored);
    displayed.set(stored, display);
  }
  return display;
}

function formatForDisplay(stored: string): string {
  const [e164, ext] = stored.split("x");
  const parsed = parsePhoneNumberFromString(e164!);
  if (!parsed) return stored;
  return `+${parsed.countryCallingCode} ${parsed.nationalNumber}${ext ? `x${ext}` : ""}`;
}

/** `+1 *******0123`: enough for a person to recognise their phone, no more. */
export function maskPhoneNumber(stored: string): string {
  const display = displayPhoneNumber(stored.split("x")[0]!);
  const [cc, national = ""] = display.split(" ");
  return `${cc} ${"*".repeat(Math.max(0, national.length - 4))}${national.slice(-4)}`;
}

/**
 * `+1 206***0123`: the country, the first digits of the national number and the last four, for
 * logs and the audit trail (an operator can tell numbers apart; nobody can dial one). Anything
 * that doesn't parse as a phone number shows its last two characters only.
 */
export function maskPhoneForLog(stored: string): string {
  const display = displayPhoneNumber(stored.split("x")[0]!);
  const [cc, national = ""] = display.split(" ");
  if (!cc?.startsWith("+") || national.length < 6) return `***${stored.slice(-2)}`;
  const lead = Math.min(3, national.length - 7);
  return `${cc} ${national.slice(0, Math.max(0, lead))}***${national.slice(-4)}`;
}

export function smsDestination(stored: string): string {
  return stored.split("x")[0]!;
}
