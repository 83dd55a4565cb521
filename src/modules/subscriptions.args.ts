import { z } from "zod";
import { id, optionalUserReference } from "../graphql/argument-validation.js";

/** Arguments of the subscriptions (checked before subscribing). */
export const subscriptionsArgs = {
  "Subscription.operationStatusChanged": z.object({ operationId: id }),
  "Subscription.authenticationMethodsChanged": z.object({ userId: optionalUserReference }),
};
