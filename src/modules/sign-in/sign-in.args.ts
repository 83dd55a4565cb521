import { z } from "zod";
import { REQUESTABLE_SCOPES } from "../../auth/scopes.js";
import { secret, userPrincipalName } from "../../graphql/argument-validation.js";

/** Scopes asked for at sign-in: known delegated scopes only; omitted for the defaults. */
export const requestedScopes = z
  .array(z.enum(REQUESTABLE_SCOPES, { message: `must each be one of ${REQUESTABLE_SCOPES.join(", ")}` }))
  .min(1, "must name at least one scope (omit it for the defaults)")
  .max(16, "must be at most 16 scopes")
  .nullish();

/** Arguments of password sign-in. */
export const signInArgs = {
  "Mutation.signInWithPassword": z.object({ userPrincipalName, password: secret, scopes: requestedScopes }),
};
