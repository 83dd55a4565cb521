import { z } from "zod";
import { cursor, id, name } from "../../graphql/argument-validation.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const filter = z
  .object({
    activity: name.nullish(),
    actorId: id.nullish(),
    targetUserId: id.refine((value) => UUID.test(value), "must be a user id").nullish(),
    since: z.date().nullish(),
    until: z.date().nullish(),
  })
  .nullish();

/** Arguments of the audit trail's fields. */
export const auditArgs = {
  "Query.auditEvents": z.object({ filter, first: z.number().int().nullish(), after: cursor.nullish() }),
  "Subscription.auditEventRecorded": z.object({ filter }),
};
