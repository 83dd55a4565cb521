import { z } from "zod";
import { secret, userPrincipalName } from "../../graphql/argument-validation.js";

/** Arguments of password sign-in. */
export const signInArgs = {
  "Mutation.signInWithPassword": z.object({ userPrincipalName, password: secret }),
};
