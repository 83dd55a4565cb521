import { z } from "zod";
import { id, smsTemplate } from "../../graphql/argument-validation.js";
import { NoticeKind } from "./notice-templates.js";

const kind = z.enum(NoticeKind);

/** Arguments of the notice settings mutations (the service checks templates, with reasons). */
export const noticesArgs = {
  "Mutation.setNoticeEnabled": z.object({ identityStoreId: id, kind, enabled: z.boolean() }),
  "Mutation.updateIdentityStoreNoticeTemplates": z.object({
    identityStoreId: id,
    templates: z
      .array(z.object({ kind, template: smsTemplate.nullish() }))
      .min(1, "must name at least one kind")
      .max(20, "must name at most 20 kinds"),
  }),
};
