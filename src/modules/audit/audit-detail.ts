import { maskPhoneForLog } from "../../lib/phone-number.js";

// Keys whose values are secrets wherever they appear: dropped, never stored or logged.
const SECRET_KEY = /^(password|newPassword|currentPassword|code|token|accessToken|refreshToken|secret|credentials?|authorization|apiKey|sealed\w*|\w*Hash)$/i;
// Keys that hold a phone number: masked.
const PHONE_KEY = /phone(Number)?$/i;
// A value that looks like a full phone number, whatever its key.
const PHONE_LIKE = /^\+?\d[\d\s().-]{6,}\d(x\d+)?$/;
// Already masked by maskPhoneForLog (kept as it is).
const MASKED = /^(\+\d{1,3} \d{0,3})?\*{3}\d{2,4}$/;
const MAX_DEPTH = 4;
const MAX_STRING = 512;

/**
 * What an audit event may say about a change: secrets dropped, phone numbers masked, strings
 * bounded. Services pass details that are safe already; this is the second line.
 */
export function redactDetail(value: unknown, key = "", depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") {
    if (MASKED.test(value)) return value;
    if (PHONE_KEY.test(key) || PHONE_LIKE.test(value.trim())) return maskPhoneForLog(value.replace(/[\s().-]/g, ""));
    return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  }
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return value.toString();
  if (depth >= MAX_DEPTH || typeof value !== "object") return null;
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactDetail(v, key, depth + 1));
  const entries = Object.entries(value as Record<string, unknown>).filter(([k, v]) => !SECRET_KEY.test(k) && v !== undefined);
  return Object.fromEntries(entries.map(([k, v]) => [k, redactDetail(v, k, depth + 1)]));
}

/** A sign-in name as the trail may keep it when no user has it: its domain only. */
export const redactUnknownName = (name: string) => {
  const domain = name.split("@")[1];
  return domain ? `***@${domain}` : "***";
};
