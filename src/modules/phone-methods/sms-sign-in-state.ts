/** Whether a phone can be used for SMS sign-in, and if not, why not. */
export const SmsSignInState = {
  notSupported: "notSupported",
  notAllowedByPolicy: "notAllowedByPolicy",
  notEnabled: "notEnabled",
  phoneNumberNotUnique: "phoneNumberNotUnique",
  ready: "ready",
  notConfigured: "notConfigured",
} as const;
export type SmsSignInState = (typeof SmsSignInState)[keyof typeof SmsSignInState];
