/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AuditEventFilter = {
  activity?: string | null | undefined;
  actorId?: string | number | null | undefined;
  since?: string | null | undefined;
  targetUserId?: string | number | null | undefined;
  until?: string | null | undefined;
};

export type AuthenticationMethodSignInState =
  | 'notAllowedByPolicy'
  | 'notConfigured'
  | 'notEnabled'
  | 'notSupported'
  | 'phoneNumberNotUnique'
  | 'ready';

export type AuthenticationMethodState =
  | 'disabled'
  | 'enabled';

export type AuthenticationMethodTargetType =
  | 'group'
  | 'user';

export type AuthenticationPhoneType =
  | 'alternateMobile'
  | 'mobile'
  | 'office';

export type AuthenticationType =
  | 'password'
  | 'sms';

export type DirectoryRole =
  | 'AUTHENTICATION_ADMINISTRATOR'
  | 'GLOBAL_ADMINISTRATOR'
  | 'PRIVILEGED_AUTHENTICATION_ADMINISTRATOR';

export type IdentityStoreSmsSettingsInput = {
  /** Omitted: unchanged. Countries codes may be texted to, as calling codes without "+" ("1", "44"); null: every country; a list names at least one ("+44" is read as "44") */
  smsAllowedCountryCallingCodes?: Array<string> | null | undefined;
  /** Omitted or null: unchanged. Codes texted per destination country per day (a fixed 24-hour window from the first); past it RATE_LIMITED; 1 to 1000000 */
  smsDailyLimitPerCountry?: number | null | undefined;
  /** Omitted or null: unchanged. Codes texted per number prefix (the E.164 number without its last 4 digits) per day; past it RATE_LIMITED; 1 to 1000000 */
  smsDailyLimitPerPrefix?: number | null | undefined;
  /** Omitted: keep the store's account (or take the default when it has none) */
  smsGatewayAccountId?: string | number | null | undefined;
  smsMessageTemplate: string;
};

export type LongRunningOperationStatus =
  | 'failed'
  | 'notStarted'
  | 'running'
  | 'succeeded';

export type PhoneMethodInput = {
  /** International form, e.g. "+1 2065550123" */
  phoneNumber: string;
  phoneType: AuthenticationPhoneType;
};

export type SmsAuthenticationMethodConfigurationInput = {
  includeTargets: Array<SmsTargetInput>;
  state: AuthenticationMethodState;
};

export type SmsGatewayAccountInput = {
  /** Write-only. webhook: HMAC signing key; twilio: "ACCOUNT_SID:AUTH_TOKEN". On update, omitted keeps the stored value and "" removes it */
  credentials?: string | null | undefined;
  /** http(s) URL; required for webhook, Twilio's API URL by default for twilio */
  endpoint?: string | null | undefined;
  /** true makes this the default account (the first account always is) */
  isDefault?: boolean | null | undefined;
  name: string;
  provider: SmsProvider;
  /** Sender shown on the phone; twilio: a From number or Messaging Service SID */
  senderId?: string | null | undefined;
};

export type SmsProvider =
  | 'console'
  | 'twilio'
  | 'webhook';

export type SmsTargetInput = {
  id: string | number;
  isUsableForSignIn: boolean;
  targetType: AuthenticationMethodTargetType;
};

export type VerificationFailureReason =
  | 'CODE_INVALID_OR_EXPIRED'
  | 'MAX_ATTEMPTS_EXCEEDED';

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { me: { id: string, userPrincipalName: string, displayName: string | null, directoryRoles: Array<DirectoryRole> } };

export type ConsoleSignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleSignOutMutation = { signOut: boolean };

export type ConsoleRefreshAccessTokenMutationVariables = Exact<{
  refreshToken: string;
}>;


export type ConsoleRefreshAccessTokenMutation = { refreshAccessToken: { accessToken: string | null, expiresIn: number | null, refreshToken: string | null, grantedScopes: Array<string> } };

export type AuditLogEventFieldsFragment = { id: string, occurredDateTime: string, activity: string, outcome: string, targetUserId: string | null, targetId: string | null, clientAddress: string | null, requestId: string | null, detail: string | null, actor: { type: string, id: string | null, displayName: string | null } };

export type AuditLogEventsQueryVariables = Exact<{
  filter?: AuditEventFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type AuditLogEventsQuery = { auditEvents: { edges: Array<{ cursor: string, node: { id: string, occurredDateTime: string, activity: string, outcome: string, targetUserId: string | null, targetId: string | null, clientAddress: string | null, requestId: string | null, detail: string | null, actor: { type: string, id: string | null, displayName: string | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AuditLogEventRecordedSubscriptionVariables = Exact<{
  filter?: AuditEventFilter | null | undefined;
}>;


export type AuditLogEventRecordedSubscription = { auditEventRecorded: { id: string, occurredDateTime: string, activity: string, outcome: string, targetUserId: string | null, targetId: string | null, clientAddress: string | null, requestId: string | null, detail: string | null, actor: { type: string, id: string | null, displayName: string | null } } };

export type AuditLogUserQueryVariables = Exact<{
  id: string | number;
}>;


export type AuditLogUserQuery = { user: { id: string, userPrincipalName: string, displayName: string | null } | null };

type MethodsTileFields_PasswordAuthenticationMethod_Fragment = { __typename: 'PasswordAuthenticationMethod', id: string, createdDateTime: string | null };

type MethodsTileFields_PhoneAuthenticationMethod_Fragment = { __typename: 'PhoneAuthenticationMethod', phoneNumber: string, phoneType: AuthenticationPhoneType, smsSignInState: AuthenticationMethodSignInState, id: string, createdDateTime: string | null };

export type MethodsTileFieldsFragment =
  | MethodsTileFields_PasswordAuthenticationMethod_Fragment
  | MethodsTileFields_PhoneAuthenticationMethod_Fragment
;

export type MethodsOfMeQueryVariables = Exact<{ [key: string]: never; }>;


export type MethodsOfMeQuery = { me: { id: string, authentication: { methods: Array<
        | { __typename: 'PasswordAuthenticationMethod', id: string, createdDateTime: string | null }
        | { __typename: 'PhoneAuthenticationMethod', phoneNumber: string, phoneType: AuthenticationPhoneType, smsSignInState: AuthenticationMethodSignInState, id: string, createdDateTime: string | null }
      > } } };

export type MethodsOfUserQueryVariables = Exact<{
  userId: string | number;
}>;


export type MethodsOfUserQuery = { user: { id: string, authentication: { methods: Array<
        | { __typename: 'PasswordAuthenticationMethod', id: string, createdDateTime: string | null }
        | { __typename: 'PhoneAuthenticationMethod', phoneNumber: string, phoneType: AuthenticationPhoneType, smsSignInState: AuthenticationMethodSignInState, id: string, createdDateTime: string | null }
      > } } | null };

export type MethodsChangedSubscriptionVariables = Exact<{
  userId?: string | number | null | undefined;
}>;


export type MethodsChangedSubscription = { authenticationMethodsChanged: { userId: string, kind: string } };

export type MethodsStartPhoneVerificationMutationVariables = Exact<{
  userId?: string | number | null | undefined;
  input: PhoneMethodInput;
}>;


export type MethodsStartPhoneVerificationMutation = { startPhoneVerification: { challengeId: string, expiresDateTime: string, maskedPhoneNumber: string } };

export type MethodsVerifyPhoneMutationVariables = Exact<{
  challengeId: string | number;
  code: string;
}>;


export type MethodsVerifyPhoneMutation = { verifyPhone: { isVerified: boolean, failureReason: VerificationFailureReason | null, method: { phoneNumber: string, phoneType: AuthenticationPhoneType, smsSignInState: AuthenticationMethodSignInState } | null } };

export type MethodsEnableSmsSignInMutationVariables = Exact<{
  userId?: string | number | null | undefined;
  id: string | number;
}>;


export type MethodsEnableSmsSignInMutation = { enableSmsSignIn: { phoneType: AuthenticationPhoneType, smsSignInState: AuthenticationMethodSignInState } };

export type MethodsDisableSmsSignInMutationVariables = Exact<{
  userId?: string | number | null | undefined;
  id: string | number;
}>;


export type MethodsDisableSmsSignInMutation = { disableSmsSignIn: { phoneType: AuthenticationPhoneType, smsSignInState: AuthenticationMethodSignInState } };

export type MethodsDeletePhoneMethodMutationVariables = Exact<{
  userId?: string | number | null | undefined;
  id: string | number;
}>;


export type MethodsDeletePhoneMethodMutation = { deletePhoneMethod: string };

export type ConsoleSignInWithPasswordMutationVariables = Exact<{
  userPrincipalName: string;
  password: string;
  scopes?: Array<string> | string | null | undefined;
}>;


export type ConsoleSignInWithPasswordMutation = { signInWithPassword: { isVerified: boolean, accessToken: string | null, expiresIn: number | null, refreshToken: string | null, grantedScopes: Array<string>, requiredActions: Array<string> } };

export type ConsoleStartSmsSignInMutationVariables = Exact<{
  phoneNumber: string;
}>;


export type ConsoleStartSmsSignInMutation = { startSmsSignIn: { challengeId: string, maskedPhoneNumber: string } };

export type ConsoleCompleteSmsSignInMutationVariables = Exact<{
  challengeId: string | number;
  code: string;
  scopes?: Array<string> | string | null | undefined;
}>;


export type ConsoleCompleteSmsSignInMutation = { completeSmsSignIn: { isVerified: boolean, failureReason: VerificationFailureReason | null, accessToken: string | null, expiresIn: number | null, refreshToken: string | null, grantedScopes: Array<string>, requiredActions: Array<string> } };

export type UserPageUserQueryVariables = Exact<{
  id: string | number;
}>;


export type UserPageUserQuery = { user: { id: string, userPrincipalName: string, displayName: string | null, directoryRoles: Array<DirectoryRole> } | null };

export type ResetUserPasswordMutationVariables = Exact<{
  userId: string | number;
  id: string | number;
  newPassword?: string | null | undefined;
}>;


export type ResetUserPasswordMutation = { resetPassword: { newPassword: string | null, operation: { id: string, status: LongRunningOperationStatus, statusDetail: string | null, lastActionDateTime: string } } };

export type ResetOperationStatusChangedSubscriptionVariables = Exact<{
  operationId: string | number;
}>;


export type ResetOperationStatusChangedSubscription = { operationStatusChanged: { id: string, status: LongRunningOperationStatus, statusDetail: string | null, lastActionDateTime: string } };

export type GatewaysListQueryVariables = Exact<{ [key: string]: never; }>;


export type GatewaysListQuery = { smsGatewayAccounts: Array<{ id: string, name: string, provider: SmsProvider, isDefault: boolean, endpoint: string | null, senderId: string | null, hasCredentials: boolean, createdDateTime: string }> };

export type GatewaysAccountFieldsFragment = { id: string, name: string, provider: SmsProvider, isDefault: boolean, endpoint: string | null, senderId: string | null, hasCredentials: boolean, createdDateTime: string };

export type GatewaysCreateMutationVariables = Exact<{
  input: SmsGatewayAccountInput;
}>;


export type GatewaysCreateMutation = { createSmsGatewayAccount: { id: string, name: string, provider: SmsProvider, isDefault: boolean, endpoint: string | null, senderId: string | null, hasCredentials: boolean, createdDateTime: string } };

export type GatewaysUpdateMutationVariables = Exact<{
  id: string | number;
  input: SmsGatewayAccountInput;
}>;


export type GatewaysUpdateMutation = { updateSmsGatewayAccount: { id: string, name: string, provider: SmsProvider, isDefault: boolean, endpoint: string | null, senderId: string | null, hasCredentials: boolean, createdDateTime: string } };

export type GatewaysDeleteMutationVariables = Exact<{
  id: string | number;
}>;


export type GatewaysDeleteMutation = { deleteSmsGatewayAccount: string };

export type IdentityStoresListQueryVariables = Exact<{ [key: string]: never; }>;


export type IdentityStoresListQuery = { identityStores: Array<{ id: string, name: string, enabledAuthenticationTypes: Array<AuthenticationType>, smsMessageTemplate: string, smsAllowedCountryCallingCodes: Array<string> | null, smsDailyLimitPerCountry: number, smsDailyLimitPerPrefix: number, smsGatewayAccount: { id: string, name: string } | null }>, smsGatewayAccounts: Array<{ id: string, name: string, provider: SmsProvider, isDefault: boolean }> };

export type IdentityStoresStoreFieldsFragment = { id: string, name: string, enabledAuthenticationTypes: Array<AuthenticationType>, smsMessageTemplate: string, smsAllowedCountryCallingCodes: Array<string> | null, smsDailyLimitPerCountry: number, smsDailyLimitPerPrefix: number, smsGatewayAccount: { id: string, name: string } | null };

export type IdentityStoresUpdateSmsMutationVariables = Exact<{
  identityStoreId: string | number;
  input: IdentityStoreSmsSettingsInput;
}>;


export type IdentityStoresUpdateSmsMutation = { updateIdentityStoreSmsSettings: { id: string, name: string, enabledAuthenticationTypes: Array<AuthenticationType>, smsMessageTemplate: string, smsAllowedCountryCallingCodes: Array<string> | null, smsDailyLimitPerCountry: number, smsDailyLimitPerPrefix: number, smsGatewayAccount: { id: string, name: string } | null } };

export type IdentityStoresSetTypeEnabledMutationVariables = Exact<{
  identityStoreId: string | number;
  type: AuthenticationType;
  enabled: boolean;
}>;


export type IdentityStoresSetTypeEnabledMutation = { setAuthenticationTypeEnabled: { id: string, name: string, enabledAuthenticationTypes: Array<AuthenticationType>, smsMessageTemplate: string, smsAllowedCountryCallingCodes: Array<string> | null, smsDailyLimitPerCountry: number, smsDailyLimitPerPrefix: number, smsGatewayAccount: { id: string, name: string } | null } };

export type SecurityRolesListQueryVariables = Exact<{ [key: string]: never; }>;


export type SecurityRolesListQuery = { securityRoles: Array<{ id: string, name: string, enforcedAuthenticationTypes: Array<AuthenticationType>, members: Array<{ id: string, userPrincipalName: string, displayName: string | null }> }> };

export type SecurityRolesRoleFieldsFragment = { id: string, name: string, enforcedAuthenticationTypes: Array<AuthenticationType>, members: Array<{ id: string, userPrincipalName: string, displayName: string | null }> };

export type SecurityRolesSetTypeEnforcedMutationVariables = Exact<{
  securityRoleId: string | number;
  type: AuthenticationType;
  enforced: boolean;
}>;


export type SecurityRolesSetTypeEnforcedMutation = { setAuthenticationTypeEnforced: { id: string, name: string, enforcedAuthenticationTypes: Array<AuthenticationType>, members: Array<{ id: string, userPrincipalName: string, displayName: string | null }> } };

export type SecurityRolesAddMemberMutationVariables = Exact<{
  securityRoleId: string | number;
  userId: string | number;
}>;


export type SecurityRolesAddMemberMutation = { addSecurityRoleMember: { id: string, name: string, enforcedAuthenticationTypes: Array<AuthenticationType>, members: Array<{ id: string, userPrincipalName: string, displayName: string | null }> } };

export type SecurityRolesRemoveMemberMutationVariables = Exact<{
  securityRoleId: string | number;
  userId: string | number;
}>;


export type SecurityRolesRemoveMemberMutation = { removeSecurityRoleMember: { id: string, name: string, enforcedAuthenticationTypes: Array<AuthenticationType>, members: Array<{ id: string, userPrincipalName: string, displayName: string | null }> } };

export type SmsPolicyReadQueryVariables = Exact<{ [key: string]: never; }>;


export type SmsPolicyReadQuery = { authenticationMethodsPolicy: { sms: { state: AuthenticationMethodState, includeTargets: Array<{ targetType: AuthenticationMethodTargetType, id: string, isUsableForSignIn: boolean }> } }, securityRoles: Array<{ id: string, name: string }> };

export type SmsPolicyConfigurationFieldsFragment = { state: AuthenticationMethodState, includeTargets: Array<{ targetType: AuthenticationMethodTargetType, id: string, isUsableForSignIn: boolean }> };

export type SmsPolicyUpdateMutationVariables = Exact<{
  input: SmsAuthenticationMethodConfigurationInput;
}>;


export type SmsPolicyUpdateMutation = { updateSmsAuthenticationMethodConfiguration: { state: AuthenticationMethodState, includeTargets: Array<{ targetType: AuthenticationMethodTargetType, id: string, isUsableForSignIn: boolean }> } };

export type SmsPolicyUserQueryVariables = Exact<{
  id: string | number;
}>;


export type SmsPolicyUserQuery = { user: { id: string, userPrincipalName: string, displayName: string | null } | null };

export type UsersListQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type UsersListQuery = { users: { edges: Array<{ cursor: string, node: { id: string, userPrincipalName: string, displayName: string | null, directoryRoles: Array<DirectoryRole> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export const AuditLogEventFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditLogEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"activity"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetUserId"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"clientAddress"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]} as unknown as DocumentNode<AuditLogEventFieldsFragment, unknown>;
export const MethodsTileFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MethodsTileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthenticationMethod"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdDateTime"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PhoneAuthenticationMethod"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"phoneType"}},{"kind":"Field","name":{"kind":"Name","value":"smsSignInState"}}]}}]}}]} as unknown as DocumentNode<MethodsTileFieldsFragment, unknown>;
export const GatewaysAccountFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GatewaysAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmsGatewayAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"senderId"}},{"kind":"Field","name":{"kind":"Name","value":"hasCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"createdDateTime"}}]}}]} as unknown as DocumentNode<GatewaysAccountFieldsFragment, unknown>;
export const IdentityStoresStoreFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IdentityStoresStoreFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdentityStore"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enabledAuthenticationTypes"}},{"kind":"Field","name":{"kind":"Name","value":"smsMessageTemplate"}},{"kind":"Field","name":{"kind":"Name","value":"smsAllowedCountryCallingCodes"}},{"kind":"Field","name":{"kind":"Name","value":"smsDailyLimitPerCountry"}},{"kind":"Field","name":{"kind":"Name","value":"smsDailyLimitPerPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"smsGatewayAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<IdentityStoresStoreFieldsFragment, unknown>;
export const SecurityRolesRoleFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRolesRoleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRole"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enforcedAuthenticationTypes"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPrincipalName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<SecurityRolesRoleFieldsFragment, unknown>;
export const SmsPolicyConfigurationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SmsPolicyConfigurationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmsAuthenticationMethodConfiguration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"includeTargets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targetType"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isUsableForSignIn"}}]}}]}}]} as unknown as DocumentNode<SmsPolicyConfigurationFieldsFragment, unknown>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPrincipalName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"directoryRoles"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const ConsoleSignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<ConsoleSignOutMutation, ConsoleSignOutMutationVariables>;
export const ConsoleRefreshAccessTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRefreshAccessToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshAccessToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"grantedScopes"}}]}}]}}]} as unknown as DocumentNode<ConsoleRefreshAccessTokenMutation, ConsoleRefreshAccessTokenMutationVariables>;
export const AuditLogEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLogEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditLogEventFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditLogEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"activity"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetUserId"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"clientAddress"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]} as unknown as DocumentNode<AuditLogEventsQuery, AuditLogEventsQueryVariables>;
export const AuditLogEventRecordedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AuditLogEventRecorded"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEventRecorded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditLogEventFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditLogEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"activity"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetUserId"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"clientAddress"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]} as unknown as DocumentNode<AuditLogEventRecordedSubscription, AuditLogEventRecordedSubscriptionVariables>;
export const AuditLogUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLogUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPrincipalName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<AuditLogUserQuery, AuditLogUserQueryVariables>;
export const MethodsOfMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MethodsOfMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"authentication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"methods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MethodsTileFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MethodsTileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthenticationMethod"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdDateTime"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PhoneAuthenticationMethod"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"phoneType"}},{"kind":"Field","name":{"kind":"Name","value":"smsSignInState"}}]}}]}}]} as unknown as DocumentNode<MethodsOfMeQuery, MethodsOfMeQueryVariables>;
export const MethodsOfUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MethodsOfUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"authentication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"methods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MethodsTileFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MethodsTileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthenticationMethod"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdDateTime"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PhoneAuthenticationMethod"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"phoneType"}},{"kind":"Field","name":{"kind":"Name","value":"smsSignInState"}}]}}]}}]} as unknown as DocumentNode<MethodsOfUserQuery, MethodsOfUserQueryVariables>;
export const MethodsChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MethodsChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodsChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<MethodsChangedSubscription, MethodsChangedSubscriptionVariables>;
export const MethodsStartPhoneVerificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MethodsStartPhoneVerification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PhoneMethodInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startPhoneVerification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"maskedPhoneNumber"}}]}}]}}]} as unknown as DocumentNode<MethodsStartPhoneVerificationMutation, MethodsStartPhoneVerificationMutationVariables>;
export const MethodsVerifyPhoneDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MethodsVerifyPhone"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challengeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyPhone"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"challengeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challengeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isVerified"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"method"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"phoneType"}},{"kind":"Field","name":{"kind":"Name","value":"smsSignInState"}}]}}]}}]}}]} as unknown as DocumentNode<MethodsVerifyPhoneMutation, MethodsVerifyPhoneMutationVariables>;
export const MethodsEnableSmsSignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MethodsEnableSmsSignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enableSmsSignIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneType"}},{"kind":"Field","name":{"kind":"Name","value":"smsSignInState"}}]}}]}}]} as unknown as DocumentNode<MethodsEnableSmsSignInMutation, MethodsEnableSmsSignInMutationVariables>;
export const MethodsDisableSmsSignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MethodsDisableSmsSignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableSmsSignIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneType"}},{"kind":"Field","name":{"kind":"Name","value":"smsSignInState"}}]}}]}}]} as unknown as DocumentNode<MethodsDisableSmsSignInMutation, MethodsDisableSmsSignInMutationVariables>;
export const MethodsDeletePhoneMethodDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MethodsDeletePhoneMethod"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletePhoneMethod"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<MethodsDeletePhoneMethodMutation, MethodsDeletePhoneMethodMutationVariables>;
export const ConsoleSignInWithPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSignInWithPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPrincipalName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scopes"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signInWithPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPrincipalName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPrincipalName"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}},{"kind":"Argument","name":{"kind":"Name","value":"scopes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scopes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isVerified"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"grantedScopes"}},{"kind":"Field","name":{"kind":"Name","value":"requiredActions"}}]}}]}}]} as unknown as DocumentNode<ConsoleSignInWithPasswordMutation, ConsoleSignInWithPasswordMutationVariables>;
export const ConsoleStartSmsSignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleStartSmsSignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"phoneNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startSmsSignIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"phoneNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"phoneNumber"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeId"}},{"kind":"Field","name":{"kind":"Name","value":"maskedPhoneNumber"}}]}}]}}]} as unknown as DocumentNode<ConsoleStartSmsSignInMutation, ConsoleStartSmsSignInMutationVariables>;
export const ConsoleCompleteSmsSignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCompleteSmsSignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challengeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scopes"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeSmsSignIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"challengeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challengeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"scopes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scopes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isVerified"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"grantedScopes"}},{"kind":"Field","name":{"kind":"Name","value":"requiredActions"}}]}}]}}]} as unknown as DocumentNode<ConsoleCompleteSmsSignInMutation, ConsoleCompleteSmsSignInMutationVariables>;
export const UserPageUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserPageUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPrincipalName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"directoryRoles"}}]}}]}}]} as unknown as DocumentNode<UserPageUserQuery, UserPageUserQueryVariables>;
export const ResetUserPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetUserPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"newPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusDetail"}},{"kind":"Field","name":{"kind":"Name","value":"lastActionDateTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newPassword"}}]}}]}}]} as unknown as DocumentNode<ResetUserPasswordMutation, ResetUserPasswordMutationVariables>;
export const ResetOperationStatusChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ResetOperationStatusChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"operationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operationStatusChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"operationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"operationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusDetail"}},{"kind":"Field","name":{"kind":"Name","value":"lastActionDateTime"}}]}}]}}]} as unknown as DocumentNode<ResetOperationStatusChangedSubscription, ResetOperationStatusChangedSubscriptionVariables>;
export const GatewaysListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GatewaysList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsGatewayAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GatewaysAccountFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GatewaysAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmsGatewayAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"senderId"}},{"kind":"Field","name":{"kind":"Name","value":"hasCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"createdDateTime"}}]}}]} as unknown as DocumentNode<GatewaysListQuery, GatewaysListQueryVariables>;
export const GatewaysCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GatewaysCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SmsGatewayAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSmsGatewayAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GatewaysAccountFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GatewaysAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmsGatewayAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"senderId"}},{"kind":"Field","name":{"kind":"Name","value":"hasCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"createdDateTime"}}]}}]} as unknown as DocumentNode<GatewaysCreateMutation, GatewaysCreateMutationVariables>;
export const GatewaysUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GatewaysUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SmsGatewayAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSmsGatewayAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GatewaysAccountFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GatewaysAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmsGatewayAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"senderId"}},{"kind":"Field","name":{"kind":"Name","value":"hasCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"createdDateTime"}}]}}]} as unknown as DocumentNode<GatewaysUpdateMutation, GatewaysUpdateMutationVariables>;
export const GatewaysDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GatewaysDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteSmsGatewayAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<GatewaysDeleteMutation, GatewaysDeleteMutationVariables>;
export const IdentityStoresListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IdentityStoresList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identityStores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IdentityStoresStoreFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"smsGatewayAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IdentityStoresStoreFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdentityStore"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enabledAuthenticationTypes"}},{"kind":"Field","name":{"kind":"Name","value":"smsMessageTemplate"}},{"kind":"Field","name":{"kind":"Name","value":"smsAllowedCountryCallingCodes"}},{"kind":"Field","name":{"kind":"Name","value":"smsDailyLimitPerCountry"}},{"kind":"Field","name":{"kind":"Name","value":"smsDailyLimitPerPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"smsGatewayAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<IdentityStoresListQuery, IdentityStoresListQueryVariables>;
export const IdentityStoresUpdateSmsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IdentityStoresUpdateSms"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"identityStoreId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IdentityStoreSmsSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateIdentityStoreSmsSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"identityStoreId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"identityStoreId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IdentityStoresStoreFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IdentityStoresStoreFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdentityStore"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enabledAuthenticationTypes"}},{"kind":"Field","name":{"kind":"Name","value":"smsMessageTemplate"}},{"kind":"Field","name":{"kind":"Name","value":"smsAllowedCountryCallingCodes"}},{"kind":"Field","name":{"kind":"Name","value":"smsDailyLimitPerCountry"}},{"kind":"Field","name":{"kind":"Name","value":"smsDailyLimitPerPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"smsGatewayAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<IdentityStoresUpdateSmsMutation, IdentityStoresUpdateSmsMutationVariables>;
export const IdentityStoresSetTypeEnabledDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IdentityStoresSetTypeEnabled"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"identityStoreId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AuthenticationType"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setAuthenticationTypeEnabled"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"identityStoreId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"identityStoreId"}}},{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"Argument","name":{"kind":"Name","value":"enabled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IdentityStoresStoreFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IdentityStoresStoreFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdentityStore"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enabledAuthenticationTypes"}},{"kind":"Field","name":{"kind":"Name","value":"smsMessageTemplate"}},{"kind":"Field","name":{"kind":"Name","value":"smsAllowedCountryCallingCodes"}},{"kind":"Field","name":{"kind":"Name","value":"smsDailyLimitPerCountry"}},{"kind":"Field","name":{"kind":"Name","value":"smsDailyLimitPerPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"smsGatewayAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<IdentityStoresSetTypeEnabledMutation, IdentityStoresSetTypeEnabledMutationVariables>;
export const SecurityRolesListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SecurityRolesList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"securityRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecurityRolesRoleFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRolesRoleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRole"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enforcedAuthenticationTypes"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPrincipalName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<SecurityRolesListQuery, SecurityRolesListQueryVariables>;
export const SecurityRolesSetTypeEnforcedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SecurityRolesSetTypeEnforced"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"securityRoleId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AuthenticationType"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enforced"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setAuthenticationTypeEnforced"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"securityRoleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"securityRoleId"}}},{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"Argument","name":{"kind":"Name","value":"enforced"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enforced"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecurityRolesRoleFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRolesRoleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRole"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enforcedAuthenticationTypes"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPrincipalName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<SecurityRolesSetTypeEnforcedMutation, SecurityRolesSetTypeEnforcedMutationVariables>;
export const SecurityRolesAddMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SecurityRolesAddMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"securityRoleId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addSecurityRoleMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"securityRoleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"securityRoleId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecurityRolesRoleFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRolesRoleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRole"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enforcedAuthenticationTypes"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPrincipalName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<SecurityRolesAddMemberMutation, SecurityRolesAddMemberMutationVariables>;
export const SecurityRolesRemoveMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SecurityRolesRemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"securityRoleId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeSecurityRoleMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"securityRoleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"securityRoleId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecurityRolesRoleFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRolesRoleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRole"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enforcedAuthenticationTypes"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPrincipalName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<SecurityRolesRemoveMemberMutation, SecurityRolesRemoveMemberMutationVariables>;
export const SmsPolicyReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SmsPolicyRead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodsPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SmsPolicyConfigurationFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"securityRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SmsPolicyConfigurationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmsAuthenticationMethodConfiguration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"includeTargets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targetType"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isUsableForSignIn"}}]}}]}}]} as unknown as DocumentNode<SmsPolicyReadQuery, SmsPolicyReadQueryVariables>;
export const SmsPolicyUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SmsPolicyUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SmsAuthenticationMethodConfigurationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSmsAuthenticationMethodConfiguration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SmsPolicyConfigurationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SmsPolicyConfigurationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmsAuthenticationMethodConfiguration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"includeTargets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targetType"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isUsableForSignIn"}}]}}]}}]} as unknown as DocumentNode<SmsPolicyUpdateMutation, SmsPolicyUpdateMutationVariables>;
export const SmsPolicyUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SmsPolicyUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPrincipalName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<SmsPolicyUserQuery, SmsPolicyUserQueryVariables>;
export const UsersListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsersList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPrincipalName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"directoryRoles"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<UsersListQuery, UsersListQueryVariables>;