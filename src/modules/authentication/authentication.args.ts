import { z } from "zod";
import { id, optionalUserReference } from "../../graphql/argument-validation.js";

/** Arguments of a user's `authentication` fields and of the method changes subscription (checked before subscribing). */
export const authenticationArgs = {
  "Authentication.phoneMethod": z.object({ id }),
  "Authentication.operation": z.object({ id }),
  "Subscription.authenticationMethodsChanged": z.object({ userId: optionalUserReference }),
};
