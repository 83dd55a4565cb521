/** The ways to sign in that an identity store enables and a security role enforces. */
export const AuthenticationType = { password: "password", sms: "sms" } as const;
export type AuthenticationType = (typeof AuthenticationType)[keyof typeof AuthenticationType];
