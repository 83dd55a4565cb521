import { z } from "zod";
import { id } from "../../graphql/argument-validation.js";

/** Arguments of the operation fields (checked before subscribing). */
export const operationsArgs = {
  "Subscription.operationStatusChanged": z.object({ operationId: id }),
};
