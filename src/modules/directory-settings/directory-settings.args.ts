import { z } from "zod";
import { id, smsTemplate } from "../../graphql/argument-validation.js";
import { AuthenticationType } from "../../graphql/enums.js";

const type = z.enum(AuthenticationType);

/** Arguments of the identity store and security role mutations. */
export const directorySettingsArgs = {
  "Mutation.updateIdentityStoreSmsSettings": z.object({
    identityStoreId: id,
    input: z.object({
      smsGatewayAccountId: id.nullish(),
      smsMessageTemplate: smsTemplate,
      // Shape and generous bounds only: the service checks the codes and the caps, with reasons.
      smsAllowedCountryCallingCodes: z.array(z.string().max(8, "must be at most 8 characters")).max(300, "must list at most 300 codes").nullish(),
      smsDailyLimitPerCountry: z.number().int().nullish(),
      smsDailyLimitPerPrefix: z.number().int().nullish(),
    }),
  }),
  "Mutation.setAuthenticationTypeEnabled": z.object({ identityStoreId: id, type, enabled: z.boolean() }),
  "Mutation.setAuthenticationTypeEnforced": z.object({ securityRoleId: id, type, enforced: z.boolean() }),
  "Mutation.addSecurityRoleMember": z.object({ securityRoleId: id, userId: id }),
  "Mutation.removeSecurityRoleMember": z.object({ securityRoleId: id, userId: id }),
};
