import { z } from "zod";
import { id, optionalUserReference as userId, phoneNumber, secret } from "../../graphql/argument-validation.js";
import { phoneMethodInput } from "../phone-methods/phone-methods.args.js";
import { requestedScopes } from "../sign-in/sign-in.args.js";

const challengeId = id;
const code = secret;

/** Arguments of the SMS one-time code flows. */
export const oneTimeCodesArgs = {
  "Mutation.startPhoneVerification": z.object({ userId, input: phoneMethodInput }),
  "Mutation.verifyPhone": z.object({ challengeId, code }),
  "Mutation.startSmsChallenge": z.object({ userId, id }),
  "Mutation.verifySmsChallenge": z.object({ challengeId, code }),
  "Mutation.validateChallengeToken": z.object({ token: secret }),
  "Mutation.startSmsSignIn": z.object({ phoneNumber }),
  "Mutation.completeSmsSignIn": z.object({ challengeId, code, scopes: requestedScopes }),
  "Query.smsDeliveries": z.object({ first: z.number().int().nullish() }),
};
