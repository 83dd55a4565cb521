import { z } from "zod";
import { id, optionalUserReference as userId, secret } from "../../graphql/argument-validation.js";

/** Arguments of the password method mutations. */
export const passwordMethodsArgs = {
  "Mutation.resetPassword": z.object({ userId, id, newPassword: secret.nullish() }),
};
