import { registerEnumType } from "type-graphql";
import { ChallengePurpose, DirectoryRoleName, OperationStatus, PhoneType, SmsDeliveryStatus, SmsProvider } from "../generated/prisma/enums.js";
import { AuthenticationType } from "../modules/directory-settings/authentication-type.js";
import { VerificationFailureReason } from "../modules/one-time-codes/code-challenges.js";
import { SmsSignInState } from "../modules/phone-methods/sms-sign-in-state.js";
import { AuthenticationMethodState, AuthenticationMethodTargetType } from "../modules/policy/sms-policy.js";

// The GraphQL names of value sets declared once, by the database schema or by their feature.
// GraphQL types take them from here, so that they are registered before the schema is built.

registerEnumType(PhoneType, { name: "AuthenticationPhoneType" });
registerEnumType(SmsSignInState, { name: "AuthenticationMethodSignInState" });
registerEnumType(DirectoryRoleName, { name: "DirectoryRole" });
registerEnumType(AuthenticationMethodState, { name: "AuthenticationMethodState" });
registerEnumType(AuthenticationMethodTargetType, { name: "AuthenticationMethodTargetType" });
registerEnumType(SmsProvider, { name: "SmsProvider" });
registerEnumType(AuthenticationType, { name: "AuthenticationType" });
registerEnumType(OperationStatus, { name: "LongRunningOperationStatus" });
registerEnumType(VerificationFailureReason, { name: "VerificationFailureReason" });
registerEnumType(SmsDeliveryStatus, { name: "SmsDeliveryStatus" });
registerEnumType(ChallengePurpose, { name: "SmsCodePurpose" });

export {
  AuthenticationMethodState,
  AuthenticationMethodTargetType,
  AuthenticationType,
  ChallengePurpose,
  DirectoryRoleName,
  OperationStatus,
  PhoneType,
  SmsDeliveryStatus,
  SmsProvider,
  SmsSignInState,
  VerificationFailureReason,
};
