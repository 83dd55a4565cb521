import { registerEnumType } from "type-graphql";

export enum AuthenticationPhoneType {
  mobile = "mobile",
  alternateMobile = "alternateMobile",
  office = "office",
}
registerEnumType(AuthenticationPhoneType, { name: "AuthenticationPhoneType" });

export enum AuthenticationMethodSignInState {
  notSupported = "notSupported",
  notAllowedByPolicy = "notAllowedByPolicy",
  notEnabled = "notEnabled",
  phoneNumberNotUnique = "phoneNumberNotUnique",
  ready = "ready",
  notConfigured = "notConfigured",
}
registerEnumType(AuthenticationMethodSignInState, { name: "AuthenticationMethodSignInState" });

export enum DirectoryRole {
  GLOBAL_ADMINISTRATOR = "GLOBAL_ADMINISTRATOR",
  PRIVILEGED_AUTHENTICATION_ADMINISTRATOR = "PRIVILEGED_AUTHENTICATION_ADMINISTRATOR",
  AUTHENTICATION_ADMINISTRATOR = "AUTHENTICATION_ADMINISTRATOR",
}
registerEnumType(DirectoryRole, { name: "DirectoryRole" });

export enum AuthenticationMethodState {
  enabled = "enabled",
  disabled = "disabled",
}
registerEnumType(AuthenticationMethodState, { name: "AuthenticationMethodState" });

export enum AuthenticationMethodTargetType {
  user = "user",
  group = "group",
}
registerEnumType(AuthenticationMethodTargetType, { name: "AuthenticationMethodTargetType" });

export enum SmsProvider {
  console = "console",
  webhook = "webhook",
  twilio = "twilio",
}
registerEnumType(SmsProvider, { name: "SmsProvider" });

export enum AuthenticationType {
  password = "password",
  sms = "sms",
}
registerEnumType(AuthenticationType, { name: "AuthenticationType" });
