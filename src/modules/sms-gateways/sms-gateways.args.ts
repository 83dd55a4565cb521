import { z } from "zod";
import { endpointUrl, id, name, secret } from "../../graphql/argument-validation.js";
import { SmsProvider } from "../../graphql/enums.js";

const smsGatewayAccountInput = z.object({
  name,
  provider: z.enum(SmsProvider),
  endpoint: endpointUrl.nullish(),
  senderId: name.nullish(),
  credentials: secret.nullish(),
  isDefault: z.boolean().nullish(),
});

/** Arguments of the SMS gateway account mutations. */
export const smsGatewaysArgs = {
  "Mutation.createSmsGatewayAccount": z.object({ input: smsGatewayAccountInput }),
  "Mutation.updateSmsGatewayAccount": z.object({ id, input: smsGatewayAccountInput }),
  "Mutation.deleteSmsGatewayAccount": z.object({ id }),
};
