import { z } from "zod";
import { id, optionalUserReference as userId, phoneNumber } from "../../graphql/argument-validation.js";
import { PhoneType } from "../../graphql/enums.js";

/** PhoneMethodInput, shared with the one-time code flows that register a phone. */
export const phoneMethodInput = z.object({ phoneNumber, phoneType: z.enum(PhoneType) });

/** Arguments of the phone method mutations. */
export const phoneMethodsArgs = {
  "Mutation.addPhoneMethod": z.object({ userId, input: phoneMethodInput }),
  "Mutation.updatePhoneMethod": z.object({ userId, id, input: phoneMethodInput }),
  "Mutation.deletePhoneMethod": z.object({ userId, id }),
  "Mutation.enableSmsSignIn": z.object({ userId, id }),
  "Mutation.disableSmsSignIn": z.object({ userId, id }),
};
