import { z } from "zod";
import { id } from "../../graphql/argument-validation.js";

/** Arguments of a user's `authentication` fields. */
export const authenticationArgs = {
  "Authentication.phoneMethod": z.object({ id }),
  "Authentication.operation": z.object({ id }),
};
