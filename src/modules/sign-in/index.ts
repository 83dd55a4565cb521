import type { AuditTrail } from "../audit/audit-trail.js";
import type { PasswordHasher } from "../../lib/password-hasher.js";
import type { DirectorySettingsService } from "../directory-settings/directory-settings.service.js";
import type { PhoneMethodsService } from "../phone-methods/phone-methods.service.js";
import type { RateLimiter } from "../rate-limits/rate-limiter.js";
import type { SessionsService } from "../sessions/sessions.service.js";
import type { UsersService } from "../users/users.service.js";
import { signInArgs } from "./sign-in.args.js";
import { SignInResolver } from "./sign-in.resolver.js";
import { createSignInService, type SignInLimits } from "./sign-in.service.js";

/** Signing in with a password, the tokens signed-in users get, and what they must do next. */
export const signInFeature = {
  resolvers: [SignInResolver],
  argumentSchemas: signInArgs,
  create(deps: {
    audit: AuditTrail;
    users: UsersService;
    hasher: PasswordHasher;
    sessions: SessionsService;
    rateLimiter: RateLimiter;
    limits: SignInLimits;
    settings: DirectorySettingsService;
    phones: PhoneMethodsService;
  }) {
    const { limits, ...rest } = deps;
    return { signIn: createSignInService({ ...rest, lockout: limits }) };
  },
};
