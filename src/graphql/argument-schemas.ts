import { authenticationArgs } from "../modules/authentication/authentication.args.js";
import { directorySettingsArgs } from "../modules/directory-settings/directory-settings.args.js";
import { oneTimeCodesArgs } from "../modules/one-time-codes/one-time-codes.args.js";
import { passwordMethodsArgs } from "../modules/password-methods/password-methods.args.js";
import { phoneMethodsArgs } from "../modules/phone-methods/phone-methods.args.js";
import { policyArgs } from "../modules/policy/policy.args.js";
import { signInArgs } from "../modules/sign-in/sign-in.args.js";
import { smsGatewaysArgs } from "../modules/sms-gateways/sms-gateways.args.js";
import { subscriptionsArgs } from "../modules/subscriptions.args.js";
import { usersArgs } from "../modules/users/users.args.js";
import type { ArgumentSchemas } from "./argument-validation.js";

/** Every field's argument schema, each owned by its feature. */
export const ARGUMENT_SCHEMAS: ArgumentSchemas = {
  ...usersArgs,
  ...authenticationArgs,
  ...phoneMethodsArgs,
  ...policyArgs,
  ...passwordMethodsArgs,
  ...signInArgs,
  ...oneTimeCodesArgs,
  ...smsGatewaysArgs,
  ...directorySettingsArgs,
  ...subscriptionsArgs,
};
