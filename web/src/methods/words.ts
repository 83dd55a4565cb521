import type { AuthenticationMethodSignInState, AuthenticationPhoneType } from "../graphql.js";

/** Phone types in words. */
export const PHONE_TYPE_WORDS: Record<AuthenticationPhoneType, string> = {
  mobile: "Mobile",
  alternateMobile: "Alternate mobile",
  office: "Office",
};

export const PHONE_TYPES = Object.keys(PHONE_TYPE_WORDS) as AuthenticationPhoneType[];

/** A phone's SMS sign-in state in words, as its tile shows it. */
export const SMS_SIGN_IN_STATE_WORDS: Record<AuthenticationMethodSignInState, string> = {
  ready: "SMS sign-in enabled",
  notEnabled: "SMS sign-in not enabled",
  notSupported: "SMS sign-in not available for this phone type",
  notAllowedByPolicy: "SMS sign-in not allowed by your organization's policy",
  phoneNumberNotUnique: "SMS sign-in unavailable: number in use",
  notConfigured: "SMS sign-in not set up in your organization",
};

/** The contract's words for a number someone else signs in with (reason `phoneNumberNotUnique`). */
export const NUMBER_IN_USE =
  "This phone number is already in use by someone else in your organization. Contact your administrator.";

/** "Last changed" dates: in the reader's locale and time zone. */
export function formatDateTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(date);
}
