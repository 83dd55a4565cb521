import { z } from "zod";
import { id } from "../../graphql/argument-validation.js";
import { AuthenticationMethodState, AuthenticationMethodTargetType } from "../../graphql/enums.js";

/** Arguments of the authentication methods policy mutations. */
export const policyArgs = {
  "Mutation.updateSmsAuthenticationMethodConfiguration": z.object({
    input: z.object({
      state: z.enum(AuthenticationMethodState),
      includeTargets: z.array(z.object({ targetType: z.enum(AuthenticationMethodTargetType), id, isUsableForSignIn: z.boolean() })),
    }),
  }),
};
