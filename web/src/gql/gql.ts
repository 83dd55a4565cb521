/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    me {\n      id\n      userPrincipalName\n      displayName\n      directoryRoles\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation ConsoleSignOut {\n    signOut\n  }\n": typeof types.ConsoleSignOutDocument,
    "\n  mutation ConsoleRefreshAccessToken($refreshToken: String!) {\n    refreshAccessToken(refreshToken: $refreshToken) {\n      accessToken\n      expiresIn\n      refreshToken\n      grantedScopes\n    }\n  }\n": typeof types.ConsoleRefreshAccessTokenDocument,
    "\n  fragment AuditLogEventFields on AuditEvent {\n    id\n    occurredDateTime\n    activity\n    outcome\n    actor {\n      type\n      id\n      displayName\n    }\n    targetUserId\n    targetId\n    clientAddress\n    requestId\n    detail\n  }\n": typeof types.AuditLogEventFieldsFragmentDoc,
    "\n  query AuditLogEvents($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...AuditLogEventFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditLogEventsDocument,
    "\n  subscription AuditLogEventRecorded($filter: AuditEventFilter) {\n    auditEventRecorded(filter: $filter) {\n      ...AuditLogEventFields\n    }\n  }\n": typeof types.AuditLogEventRecordedDocument,
    "\n  query AuditLogUser($id: ID!) {\n    user(id: $id) {\n      id\n      userPrincipalName\n      displayName\n    }\n  }\n": typeof types.AuditLogUserDocument,
    "\n  fragment MethodsTileFields on AuthenticationMethod {\n    __typename\n    id\n    createdDateTime\n    ... on PhoneAuthenticationMethod {\n      phoneNumber\n      phoneType\n      smsSignInState\n    }\n  }\n": typeof types.MethodsTileFieldsFragmentDoc,
    "\n  query MethodsOfMe {\n    me {\n      id\n      authentication {\n        methods {\n          ...MethodsTileFields\n        }\n      }\n    }\n  }\n": typeof types.MethodsOfMeDocument,
    "\n  query MethodsOfUser($userId: ID!) {\n    user(id: $userId) {\n      id\n      authentication {\n        methods {\n          ...MethodsTileFields\n        }\n      }\n    }\n  }\n": typeof types.MethodsOfUserDocument,
    "\n  subscription MethodsChanged($userId: ID) {\n    authenticationMethodsChanged(userId: $userId) {\n      userId\n      kind\n    }\n  }\n": typeof types.MethodsChangedDocument,
    "\n  mutation MethodsStartPhoneVerification($userId: ID, $input: PhoneMethodInput!) {\n    startPhoneVerification(userId: $userId, input: $input) {\n      challengeId\n      expiresDateTime\n      maskedPhoneNumber\n    }\n  }\n": typeof types.MethodsStartPhoneVerificationDocument,
    "\n  mutation MethodsVerifyPhone($challengeId: ID!, $code: String!) {\n    verifyPhone(challengeId: $challengeId, code: $code) {\n      isVerified\n      failureReason\n      method {\n        phoneNumber\n        phoneType\n        smsSignInState\n      }\n    }\n  }\n": typeof types.MethodsVerifyPhoneDocument,
    "\n  mutation MethodsEnableSmsSignIn($userId: ID, $id: ID!) {\n    enableSmsSignIn(userId: $userId, id: $id) {\n      phoneType\n      smsSignInState\n    }\n  }\n": typeof types.MethodsEnableSmsSignInDocument,
    "\n  mutation MethodsDisableSmsSignIn($userId: ID, $id: ID!) {\n    disableSmsSignIn(userId: $userId, id: $id) {\n      phoneType\n      smsSignInState\n    }\n  }\n": typeof types.MethodsDisableSmsSignInDocument,
    "\n  mutation MethodsDeletePhoneMethod($userId: ID, $id: ID!) {\n    deletePhoneMethod(userId: $userId, id: $id)\n  }\n": typeof types.MethodsDeletePhoneMethodDocument,
    "\n  mutation ConsoleSignInWithPassword($userPrincipalName: String!, $password: String!, $scopes: [String!]) {\n    signInWithPassword(userPrincipalName: $userPrincipalName, password: $password, scopes: $scopes) {\n      isVerified\n      accessToken\n      expiresIn\n      refreshToken\n      grantedScopes\n      requiredActions\n    }\n  }\n": typeof types.ConsoleSignInWithPasswordDocument,
    "\n  mutation ConsoleStartSmsSignIn($phoneNumber: String!) {\n    startSmsSignIn(phoneNumber: $phoneNumber) {\n      challengeId\n      maskedPhoneNumber\n    }\n  }\n": typeof types.ConsoleStartSmsSignInDocument,
    "\n  mutation ConsoleCompleteSmsSignIn($challengeId: ID!, $code: String!, $scopes: [String!]) {\n    completeSmsSignIn(challengeId: $challengeId, code: $code, scopes: $scopes) {\n      isVerified\n      failureReason\n      accessToken\n      expiresIn\n      refreshToken\n      grantedScopes\n      requiredActions\n    }\n  }\n": typeof types.ConsoleCompleteSmsSignInDocument,
    "\n  query UserPageUser($id: ID!) {\n    user(id: $id) {\n      id\n      userPrincipalName\n      displayName\n      directoryRoles\n    }\n  }\n": typeof types.UserPageUserDocument,
    "\n  mutation ResetUserPassword($userId: ID!, $id: ID!, $newPassword: String) {\n    resetPassword(userId: $userId, id: $id, newPassword: $newPassword) {\n      operation {\n        id\n        status\n        statusDetail\n        lastActionDateTime\n      }\n      newPassword\n    }\n  }\n": typeof types.ResetUserPasswordDocument,
    "\n  subscription ResetOperationStatusChanged($operationId: ID!) {\n    operationStatusChanged(operationId: $operationId) {\n      id\n      status\n      statusDetail\n      lastActionDateTime\n    }\n  }\n": typeof types.ResetOperationStatusChangedDocument,
    "\n  query GatewaysList {\n    smsGatewayAccounts {\n      ...GatewaysAccountFields\n    }\n  }\n": typeof types.GatewaysListDocument,
    "\n  fragment GatewaysAccountFields on SmsGatewayAccount {\n    id\n    name\n    provider\n    isDefault\n    endpoint\n    senderId\n    hasCredentials\n    createdDateTime\n  }\n": typeof types.GatewaysAccountFieldsFragmentDoc,
    "\n  mutation GatewaysCreate($input: SmsGatewayAccountInput!) {\n    createSmsGatewayAccount(input: $input) {\n      ...GatewaysAccountFields\n    }\n  }\n": typeof types.GatewaysCreateDocument,
    "\n  mutation GatewaysUpdate($id: ID!, $input: SmsGatewayAccountInput!) {\n    updateSmsGatewayAccount(id: $id, input: $input) {\n      ...GatewaysAccountFields\n    }\n  }\n": typeof types.GatewaysUpdateDocument,
    "\n  mutation GatewaysDelete($id: ID!) {\n    deleteSmsGatewayAccount(id: $id)\n  }\n": typeof types.GatewaysDeleteDocument,
    "\n  query IdentityStoresList {\n    identityStores {\n      ...IdentityStoresStoreFields\n    }\n    smsGatewayAccounts {\n      id\n      name\n      provider\n      isDefault\n    }\n  }\n": typeof types.IdentityStoresListDocument,
    "\n  fragment IdentityStoresStoreFields on IdentityStore {\n    id\n    name\n    enabledAuthenticationTypes\n    smsMessageTemplate\n    smsAllowedCountryCallingCodes\n    smsDailyLimitPerCountry\n    smsDailyLimitPerPrefix\n    smsGatewayAccount {\n      id\n      name\n    }\n  }\n": typeof types.IdentityStoresStoreFieldsFragmentDoc,
    "\n  mutation IdentityStoresUpdateSms($identityStoreId: ID!, $input: IdentityStoreSmsSettingsInput!) {\n    updateIdentityStoreSmsSettings(identityStoreId: $identityStoreId, input: $input) {\n      ...IdentityStoresStoreFields\n    }\n  }\n": typeof types.IdentityStoresUpdateSmsDocument,
    "\n  mutation IdentityStoresSetTypeEnabled($identityStoreId: ID!, $type: AuthenticationType!, $enabled: Boolean!) {\n    setAuthenticationTypeEnabled(identityStoreId: $identityStoreId, type: $type, enabled: $enabled) {\n      ...IdentityStoresStoreFields\n    }\n  }\n": typeof types.IdentityStoresSetTypeEnabledDocument,
    "\n  query SecurityRolesList {\n    securityRoles {\n      ...SecurityRolesRoleFields\n    }\n  }\n": typeof types.SecurityRolesListDocument,
    "\n  fragment SecurityRolesRoleFields on SecurityRole {\n    id\n    name\n    enforcedAuthenticationTypes\n    members {\n      id\n      userPrincipalName\n      displayName\n    }\n  }\n": typeof types.SecurityRolesRoleFieldsFragmentDoc,
    "\n  mutation SecurityRolesSetTypeEnforced($securityRoleId: ID!, $type: AuthenticationType!, $enforced: Boolean!) {\n    setAuthenticationTypeEnforced(securityRoleId: $securityRoleId, type: $type, enforced: $enforced) {\n      ...SecurityRolesRoleFields\n    }\n  }\n": typeof types.SecurityRolesSetTypeEnforcedDocument,
    "\n  mutation SecurityRolesAddMember($securityRoleId: ID!, $userId: ID!) {\n    addSecurityRoleMember(securityRoleId: $securityRoleId, userId: $userId) {\n      ...SecurityRolesRoleFields\n    }\n  }\n": typeof types.SecurityRolesAddMemberDocument,
    "\n  mutation SecurityRolesRemoveMember($securityRoleId: ID!, $userId: ID!) {\n    removeSecurityRoleMember(securityRoleId: $securityRoleId, userId: $userId) {\n      ...SecurityRolesRoleFields\n    }\n  }\n": typeof types.SecurityRolesRemoveMemberDocument,
    "\n  query SmsPolicyRead {\n    authenticationMethodsPolicy {\n      sms {\n        ...SmsPolicyConfigurationFields\n      }\n    }\n    securityRoles {\n      id\n      name\n    }\n  }\n": typeof types.SmsPolicyReadDocument,
    "\n  fragment SmsPolicyConfigurationFields on SmsAuthenticationMethodConfiguration {\n    state\n    includeTargets {\n      targetType\n      id\n      isUsableForSignIn\n    }\n  }\n": typeof types.SmsPolicyConfigurationFieldsFragmentDoc,
    "\n  mutation SmsPolicyUpdate($input: SmsAuthenticationMethodConfigurationInput!) {\n    updateSmsAuthenticationMethodConfiguration(input: $input) {\n      ...SmsPolicyConfigurationFields\n    }\n  }\n": typeof types.SmsPolicyUpdateDocument,
    "\n  query SmsPolicyUser($id: ID!) {\n    user(id: $id) {\n      id\n      userPrincipalName\n      displayName\n    }\n  }\n": typeof types.SmsPolicyUserDocument,
    "\n  query UsersList($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          userPrincipalName\n          displayName\n          directoryRoles\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.UsersListDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    me {\n      id\n      userPrincipalName\n      displayName\n      directoryRoles\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation ConsoleSignOut {\n    signOut\n  }\n": types.ConsoleSignOutDocument,
    "\n  mutation ConsoleRefreshAccessToken($refreshToken: String!) {\n    refreshAccessToken(refreshToken: $refreshToken) {\n      accessToken\n      expiresIn\n      refreshToken\n      grantedScopes\n    }\n  }\n": types.ConsoleRefreshAccessTokenDocument,
    "\n  fragment AuditLogEventFields on AuditEvent {\n    id\n    occurredDateTime\n    activity\n    outcome\n    actor {\n      type\n      id\n      displayName\n    }\n    targetUserId\n    targetId\n    clientAddress\n    requestId\n    detail\n  }\n": types.AuditLogEventFieldsFragmentDoc,
    "\n  query AuditLogEvents($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...AuditLogEventFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditLogEventsDocument,
    "\n  subscription AuditLogEventRecorded($filter: AuditEventFilter) {\n    auditEventRecorded(filter: $filter) {\n      ...AuditLogEventFields\n    }\n  }\n": types.AuditLogEventRecordedDocument,
    "\n  query AuditLogUser($id: ID!) {\n    user(id: $id) {\n      id\n      userPrincipalName\n      displayName\n    }\n  }\n": types.AuditLogUserDocument,
    "\n  fragment MethodsTileFields on AuthenticationMethod {\n    __typename\n    id\n    createdDateTime\n    ... on PhoneAuthenticationMethod {\n      phoneNumber\n      phoneType\n      smsSignInState\n    }\n  }\n": types.MethodsTileFieldsFragmentDoc,
    "\n  query MethodsOfMe {\n    me {\n      id\n      authentication {\n        methods {\n          ...MethodsTileFields\n        }\n      }\n    }\n  }\n": types.MethodsOfMeDocument,
    "\n  query MethodsOfUser($userId: ID!) {\n    user(id: $userId) {\n      id\n      authentication {\n        methods {\n          ...MethodsTileFields\n        }\n      }\n    }\n  }\n": types.MethodsOfUserDocument,
    "\n  subscription MethodsChanged($userId: ID) {\n    authenticationMethodsChanged(userId: $userId) {\n      userId\n      kind\n    }\n  }\n": types.MethodsChangedDocument,
    "\n  mutation MethodsStartPhoneVerification($userId: ID, $input: PhoneMethodInput!) {\n    startPhoneVerification(userId: $userId, input: $input) {\n      challengeId\n      expiresDateTime\n      maskedPhoneNumber\n    }\n  }\n": types.MethodsStartPhoneVerificationDocument,
    "\n  mutation MethodsVerifyPhone($challengeId: ID!, $code: String!) {\n    verifyPhone(challengeId: $challengeId, code: $code) {\n      isVerified\n      failureReason\n      method {\n        phoneNumber\n        phoneType\n        smsSignInState\n      }\n    }\n  }\n": types.MethodsVerifyPhoneDocument,
    "\n  mutation MethodsEnableSmsSignIn($userId: ID, $id: ID!) {\n    enableSmsSignIn(userId: $userId, id: $id) {\n      phoneType\n      smsSignInState\n    }\n  }\n": types.MethodsEnableSmsSignInDocument,
    "\n  mutation MethodsDisableSmsSignIn($userId: ID, $id: ID!) {\n    disableSmsSignIn(userId: $userId, id: $id) {\n      phoneType\n      smsSignInState\n    }\n  }\n": types.MethodsDisableSmsSignInDocument,
    "\n  mutation MethodsDeletePhoneMethod($userId: ID, $id: ID!) {\n    deletePhoneMethod(userId: $userId, id: $id)\n  }\n": types.MethodsDeletePhoneMethodDocument,
    "\n  mutation ConsoleSignInWithPassword($userPrincipalName: String!, $password: String!, $scopes: [String!]) {\n    signInWithPassword(userPrincipalName: $userPrincipalName, password: $password, scopes: $scopes) {\n      isVerified\n      accessToken\n      expiresIn\n      refreshToken\n      grantedScopes\n      requiredActions\n    }\n  }\n": types.ConsoleSignInWithPasswordDocument,
    "\n  mutation ConsoleStartSmsSignIn($phoneNumber: String!) {\n    startSmsSignIn(phoneNumber: $phoneNumber) {\n      challengeId\n      maskedPhoneNumber\n    }\n  }\n": types.ConsoleStartSmsSignInDocument,
    "\n  mutation ConsoleCompleteSmsSignIn($challengeId: ID!, $code: String!, $scopes: [String!]) {\n    completeSmsSignIn(challengeId: $challengeId, code: $code, scopes: $scopes) {\n      isVerified\n      failureReason\n      accessToken\n      expiresIn\n      refreshToken\n      grantedScopes\n      requiredActions\n    }\n  }\n": types.ConsoleCompleteSmsSignInDocument,
    "\n  query UserPageUser($id: ID!) {\n    user(id: $id) {\n      id\n      userPrincipalName\n      displayName\n      directoryRoles\n    }\n  }\n": types.UserPageUserDocument,
    "\n  mutation ResetUserPassword($userId: ID!, $id: ID!, $newPassword: String) {\n    resetPassword(userId: $userId, id: $id, newPassword: $newPassword) {\n      operation {\n        id\n        status\n        statusDetail\n        lastActionDateTime\n      }\n      newPassword\n    }\n  }\n": types.ResetUserPasswordDocument,
    "\n  subscription ResetOperationStatusChanged($operationId: ID!) {\n    operationStatusChanged(operationId: $operationId) {\n      id\n      status\n      statusDetail\n      lastActionDateTime\n    }\n  }\n": types.ResetOperationStatusChangedDocument,
    "\n  query GatewaysList {\n    smsGatewayAccounts {\n      ...GatewaysAccountFields\n    }\n  }\n": types.GatewaysListDocument,
    "\n  fragment GatewaysAccountFields on SmsGatewayAccount {\n    id\n    name\n    provider\n    isDefault\n    endpoint\n    senderId\n    hasCredentials\n    createdDateTime\n  }\n": types.GatewaysAccountFieldsFragmentDoc,
    "\n  mutation GatewaysCreate($input: SmsGatewayAccountInput!) {\n    createSmsGatewayAccount(input: $input) {\n      ...GatewaysAccountFields\n    }\n  }\n": types.GatewaysCreateDocument,
    "\n  mutation GatewaysUpdate($id: ID!, $input: SmsGatewayAccountInput!) {\n    updateSmsGatewayAccount(id: $id, input: $input) {\n      ...GatewaysAccountFields\n    }\n  }\n": types.GatewaysUpdateDocument,
    "\n  mutation GatewaysDelete($id: ID!) {\n    deleteSmsGatewayAccount(id: $id)\n  }\n": types.GatewaysDeleteDocument,
    "\n  query IdentityStoresList {\n    identityStores {\n      ...IdentityStoresStoreFields\n    }\n    smsGatewayAccounts {\n      id\n      name\n      provider\n      isDefault\n    }\n  }\n": types.IdentityStoresListDocument,
    "\n  fragment IdentityStoresStoreFields on IdentityStore {\n    id\n    name\n    enabledAuthenticationTypes\n    smsMessageTemplate\n    smsAllowedCountryCallingCodes\n    smsDailyLimitPerCountry\n    smsDailyLimitPerPrefix\n    smsGatewayAccount {\n      id\n      name\n    }\n  }\n": types.IdentityStoresStoreFieldsFragmentDoc,
    "\n  mutation IdentityStoresUpdateSms($identityStoreId: ID!, $input: IdentityStoreSmsSettingsInput!) {\n    updateIdentityStoreSmsSettings(identityStoreId: $identityStoreId, input: $input) {\n      ...IdentityStoresStoreFields\n    }\n  }\n": types.IdentityStoresUpdateSmsDocument,
    "\n  mutation IdentityStoresSetTypeEnabled($identityStoreId: ID!, $type: AuthenticationType!, $enabled: Boolean!) {\n    setAuthenticationTypeEnabled(identityStoreId: $identityStoreId, type: $type, enabled: $enabled) {\n      ...IdentityStoresStoreFields\n    }\n  }\n": types.IdentityStoresSetTypeEnabledDocument,
    "\n  query SecurityRolesList {\n    securityRoles {\n      ...SecurityRolesRoleFields\n    }\n  }\n": types.SecurityRolesListDocument,
    "\n  fragment SecurityRolesRoleFields on SecurityRole {\n    id\n    name\n    enforcedAuthenticationTypes\n    members {\n      id\n      userPrincipalName\n      displayName\n    }\n  }\n": types.SecurityRolesRoleFieldsFragmentDoc,
    "\n  mutation SecurityRolesSetTypeEnforced($securityRoleId: ID!, $type: AuthenticationType!, $enforced: Boolean!) {\n    setAuthenticationTypeEnforced(securityRoleId: $securityRoleId, type: $type, enforced: $enforced) {\n      ...SecurityRolesRoleFields\n    }\n  }\n": types.SecurityRolesSetTypeEnforcedDocument,
    "\n  mutation SecurityRolesAddMember($securityRoleId: ID!, $userId: ID!) {\n    addSecurityRoleMember(securityRoleId: $securityRoleId, userId: $userId) {\n      ...SecurityRolesRoleFields\n    }\n  }\n": types.SecurityRolesAddMemberDocument,
    "\n  mutation SecurityRolesRemoveMember($securityRoleId: ID!, $userId: ID!) {\n    removeSecurityRoleMember(securityRoleId: $securityRoleId, userId: $userId) {\n      ...SecurityRolesRoleFields\n    }\n  }\n": types.SecurityRolesRemoveMemberDocument,
    "\n  query SmsPolicyRead {\n    authenticationMethodsPolicy {\n      sms {\n        ...SmsPolicyConfigurationFields\n      }\n    }\n    securityRoles {\n      id\n      name\n    }\n  }\n": types.SmsPolicyReadDocument,
    "\n  fragment SmsPolicyConfigurationFields on SmsAuthenticationMethodConfiguration {\n    state\n    includeTargets {\n      targetType\n      id\n      isUsableForSignIn\n    }\n  }\n": types.SmsPolicyConfigurationFieldsFragmentDoc,
    "\n  mutation SmsPolicyUpdate($input: SmsAuthenticationMethodConfigurationInput!) {\n    updateSmsAuthenticationMethodConfiguration(input: $input) {\n      ...SmsPolicyConfigurationFields\n    }\n  }\n": types.SmsPolicyUpdateDocument,
    "\n  query SmsPolicyUser($id: ID!) {\n    user(id: $id) {\n      id\n      userPrincipalName\n      displayName\n    }\n  }\n": types.SmsPolicyUserDocument,
    "\n  query UsersList($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          userPrincipalName\n          displayName\n          directoryRoles\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.UsersListDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      userPrincipalName\n      displayName\n      directoryRoles\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      id\n      userPrincipalName\n      displayName\n      directoryRoles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation ConsoleSignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRefreshAccessToken($refreshToken: String!) {\n    refreshAccessToken(refreshToken: $refreshToken) {\n      accessToken\n      expiresIn\n      refreshToken\n      grantedScopes\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRefreshAccessToken($refreshToken: String!) {\n    refreshAccessToken(refreshToken: $refreshToken) {\n      accessToken\n      expiresIn\n      refreshToken\n      grantedScopes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditLogEventFields on AuditEvent {\n    id\n    occurredDateTime\n    activity\n    outcome\n    actor {\n      type\n      id\n      displayName\n    }\n    targetUserId\n    targetId\n    clientAddress\n    requestId\n    detail\n  }\n"): (typeof documents)["\n  fragment AuditLogEventFields on AuditEvent {\n    id\n    occurredDateTime\n    activity\n    outcome\n    actor {\n      type\n      id\n      displayName\n    }\n    targetUserId\n    targetId\n    clientAddress\n    requestId\n    detail\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogEvents($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...AuditLogEventFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLogEvents($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...AuditLogEventFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AuditLogEventRecorded($filter: AuditEventFilter) {\n    auditEventRecorded(filter: $filter) {\n      ...AuditLogEventFields\n    }\n  }\n"): (typeof documents)["\n  subscription AuditLogEventRecorded($filter: AuditEventFilter) {\n    auditEventRecorded(filter: $filter) {\n      ...AuditLogEventFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogUser($id: ID!) {\n    user(id: $id) {\n      id\n      userPrincipalName\n      displayName\n    }\n  }\n"): (typeof documents)["\n  query AuditLogUser($id: ID!) {\n    user(id: $id) {\n      id\n      userPrincipalName\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MethodsTileFields on AuthenticationMethod {\n    __typename\n    id\n    createdDateTime\n    ... on PhoneAuthenticationMethod {\n      phoneNumber\n      phoneType\n      smsSignInState\n    }\n  }\n"): (typeof documents)["\n  fragment MethodsTileFields on AuthenticationMethod {\n    __typename\n    id\n    createdDateTime\n    ... on PhoneAuthenticationMethod {\n      phoneNumber\n      phoneType\n      smsSignInState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MethodsOfMe {\n    me {\n      id\n      authentication {\n        methods {\n          ...MethodsTileFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MethodsOfMe {\n    me {\n      id\n      authentication {\n        methods {\n          ...MethodsTileFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MethodsOfUser($userId: ID!) {\n    user(id: $userId) {\n      id\n      authentication {\n        methods {\n          ...MethodsTileFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MethodsOfUser($userId: ID!) {\n    user(id: $userId) {\n      id\n      authentication {\n        methods {\n          ...MethodsTileFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MethodsChanged($userId: ID) {\n    authenticationMethodsChanged(userId: $userId) {\n      userId\n      kind\n    }\n  }\n"): (typeof documents)["\n  subscription MethodsChanged($userId: ID) {\n    authenticationMethodsChanged(userId: $userId) {\n      userId\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MethodsStartPhoneVerification($userId: ID, $input: PhoneMethodInput!) {\n    startPhoneVerification(userId: $userId, input: $input) {\n      challengeId\n      expiresDateTime\n      maskedPhoneNumber\n    }\n  }\n"): (typeof documents)["\n  mutation MethodsStartPhoneVerification($userId: ID, $input: PhoneMethodInput!) {\n    startPhoneVerification(userId: $userId, input: $input) {\n      challengeId\n      expiresDateTime\n      maskedPhoneNumber\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MethodsVerifyPhone($challengeId: ID!, $code: String!) {\n    verifyPhone(challengeId: $challengeId, code: $code) {\n      isVerified\n      failureReason\n      method {\n        phoneNumber\n        phoneType\n        smsSignInState\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MethodsVerifyPhone($challengeId: ID!, $code: String!) {\n    verifyPhone(challengeId: $challengeId, code: $code) {\n      isVerified\n      failureReason\n      method {\n        phoneNumber\n        phoneType\n        smsSignInState\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MethodsEnableSmsSignIn($userId: ID, $id: ID!) {\n    enableSmsSignIn(userId: $userId, id: $id) {\n      phoneType\n      smsSignInState\n    }\n  }\n"): (typeof documents)["\n  mutation MethodsEnableSmsSignIn($userId: ID, $id: ID!) {\n    enableSmsSignIn(userId: $userId, id: $id) {\n      phoneType\n      smsSignInState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MethodsDisableSmsSignIn($userId: ID, $id: ID!) {\n    disableSmsSignIn(userId: $userId, id: $id) {\n      phoneType\n      smsSignInState\n    }\n  }\n"): (typeof documents)["\n  mutation MethodsDisableSmsSignIn($userId: ID, $id: ID!) {\n    disableSmsSignIn(userId: $userId, id: $id) {\n      phoneType\n      smsSignInState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MethodsDeletePhoneMethod($userId: ID, $id: ID!) {\n    deletePhoneMethod(userId: $userId, id: $id)\n  }\n"): (typeof documents)["\n  mutation MethodsDeletePhoneMethod($userId: ID, $id: ID!) {\n    deletePhoneMethod(userId: $userId, id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSignInWithPassword($userPrincipalName: String!, $password: String!, $scopes: [String!]) {\n    signInWithPassword(userPrincipalName: $userPrincipalName, password: $password, scopes: $scopes) {\n      isVerified\n      accessToken\n      expiresIn\n      refreshToken\n      grantedScopes\n      requiredActions\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleSignInWithPassword($userPrincipalName: String!, $password: String!, $scopes: [String!]) {\n    signInWithPassword(userPrincipalName: $userPrincipalName, password: $password, scopes: $scopes) {\n      isVerified\n      accessToken\n      expiresIn\n      refreshToken\n      grantedScopes\n      requiredActions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleStartSmsSignIn($phoneNumber: String!) {\n    startSmsSignIn(phoneNumber: $phoneNumber) {\n      challengeId\n      maskedPhoneNumber\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleStartSmsSignIn($phoneNumber: String!) {\n    startSmsSignIn(phoneNumber: $phoneNumber) {\n      challengeId\n      maskedPhoneNumber\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCompleteSmsSignIn($challengeId: ID!, $code: String!, $scopes: [String!]) {\n    completeSmsSignIn(challengeId: $challengeId, code: $code, scopes: $scopes) {\n      isVerified\n      failureReason\n      accessToken\n      expiresIn\n      refreshToken\n      grantedScopes\n      requiredActions\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCompleteSmsSignIn($challengeId: ID!, $code: String!, $scopes: [String!]) {\n    completeSmsSignIn(challengeId: $challengeId, code: $code, scopes: $scopes) {\n      isVerified\n      failureReason\n      accessToken\n      expiresIn\n      refreshToken\n      grantedScopes\n      requiredActions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserPageUser($id: ID!) {\n    user(id: $id) {\n      id\n      userPrincipalName\n      displayName\n      directoryRoles\n    }\n  }\n"): (typeof documents)["\n  query UserPageUser($id: ID!) {\n    user(id: $id) {\n      id\n      userPrincipalName\n      displayName\n      directoryRoles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetUserPassword($userId: ID!, $id: ID!, $newPassword: String) {\n    resetPassword(userId: $userId, id: $id, newPassword: $newPassword) {\n      operation {\n        id\n        status\n        statusDetail\n        lastActionDateTime\n      }\n      newPassword\n    }\n  }\n"): (typeof documents)["\n  mutation ResetUserPassword($userId: ID!, $id: ID!, $newPassword: String) {\n    resetPassword(userId: $userId, id: $id, newPassword: $newPassword) {\n      operation {\n        id\n        status\n        statusDetail\n        lastActionDateTime\n      }\n      newPassword\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ResetOperationStatusChanged($operationId: ID!) {\n    operationStatusChanged(operationId: $operationId) {\n      id\n      status\n      statusDetail\n      lastActionDateTime\n    }\n  }\n"): (typeof documents)["\n  subscription ResetOperationStatusChanged($operationId: ID!) {\n    operationStatusChanged(operationId: $operationId) {\n      id\n      status\n      statusDetail\n      lastActionDateTime\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GatewaysList {\n    smsGatewayAccounts {\n      ...GatewaysAccountFields\n    }\n  }\n"): (typeof documents)["\n  query GatewaysList {\n    smsGatewayAccounts {\n      ...GatewaysAccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GatewaysAccountFields on SmsGatewayAccount {\n    id\n    name\n    provider\n    isDefault\n    endpoint\n    senderId\n    hasCredentials\n    createdDateTime\n  }\n"): (typeof documents)["\n  fragment GatewaysAccountFields on SmsGatewayAccount {\n    id\n    name\n    provider\n    isDefault\n    endpoint\n    senderId\n    hasCredentials\n    createdDateTime\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GatewaysCreate($input: SmsGatewayAccountInput!) {\n    createSmsGatewayAccount(input: $input) {\n      ...GatewaysAccountFields\n    }\n  }\n"): (typeof documents)["\n  mutation GatewaysCreate($input: SmsGatewayAccountInput!) {\n    createSmsGatewayAccount(input: $input) {\n      ...GatewaysAccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GatewaysUpdate($id: ID!, $input: SmsGatewayAccountInput!) {\n    updateSmsGatewayAccount(id: $id, input: $input) {\n      ...GatewaysAccountFields\n    }\n  }\n"): (typeof documents)["\n  mutation GatewaysUpdate($id: ID!, $input: SmsGatewayAccountInput!) {\n    updateSmsGatewayAccount(id: $id, input: $input) {\n      ...GatewaysAccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GatewaysDelete($id: ID!) {\n    deleteSmsGatewayAccount(id: $id)\n  }\n"): (typeof documents)["\n  mutation GatewaysDelete($id: ID!) {\n    deleteSmsGatewayAccount(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IdentityStoresList {\n    identityStores {\n      ...IdentityStoresStoreFields\n    }\n    smsGatewayAccounts {\n      id\n      name\n      provider\n      isDefault\n    }\n  }\n"): (typeof documents)["\n  query IdentityStoresList {\n    identityStores {\n      ...IdentityStoresStoreFields\n    }\n    smsGatewayAccounts {\n      id\n      name\n      provider\n      isDefault\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IdentityStoresStoreFields on IdentityStore {\n    id\n    name\n    enabledAuthenticationTypes\n    smsMessageTemplate\n    smsAllowedCountryCallingCodes\n    smsDailyLimitPerCountry\n    smsDailyLimitPerPrefix\n    smsGatewayAccount {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment IdentityStoresStoreFields on IdentityStore {\n    id\n    name\n    enabledAuthenticationTypes\n    smsMessageTemplate\n    smsAllowedCountryCallingCodes\n    smsDailyLimitPerCountry\n    smsDailyLimitPerPrefix\n    smsGatewayAccount {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IdentityStoresUpdateSms($identityStoreId: ID!, $input: IdentityStoreSmsSettingsInput!) {\n    updateIdentityStoreSmsSettings(identityStoreId: $identityStoreId, input: $input) {\n      ...IdentityStoresStoreFields\n    }\n  }\n"): (typeof documents)["\n  mutation IdentityStoresUpdateSms($identityStoreId: ID!, $input: IdentityStoreSmsSettingsInput!) {\n    updateIdentityStoreSmsSettings(identityStoreId: $identityStoreId, input: $input) {\n      ...IdentityStoresStoreFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IdentityStoresSetTypeEnabled($identityStoreId: ID!, $type: AuthenticationType!, $enabled: Boolean!) {\n    setAuthenticationTypeEnabled(identityStoreId: $identityStoreId, type: $type, enabled: $enabled) {\n      ...IdentityStoresStoreFields\n    }\n  }\n"): (typeof documents)["\n  mutation IdentityStoresSetTypeEnabled($identityStoreId: ID!, $type: AuthenticationType!, $enabled: Boolean!) {\n    setAuthenticationTypeEnabled(identityStoreId: $identityStoreId, type: $type, enabled: $enabled) {\n      ...IdentityStoresStoreFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityRolesList {\n    securityRoles {\n      ...SecurityRolesRoleFields\n    }\n  }\n"): (typeof documents)["\n  query SecurityRolesList {\n    securityRoles {\n      ...SecurityRolesRoleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SecurityRolesRoleFields on SecurityRole {\n    id\n    name\n    enforcedAuthenticationTypes\n    members {\n      id\n      userPrincipalName\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment SecurityRolesRoleFields on SecurityRole {\n    id\n    name\n    enforcedAuthenticationTypes\n    members {\n      id\n      userPrincipalName\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecurityRolesSetTypeEnforced($securityRoleId: ID!, $type: AuthenticationType!, $enforced: Boolean!) {\n    setAuthenticationTypeEnforced(securityRoleId: $securityRoleId, type: $type, enforced: $enforced) {\n      ...SecurityRolesRoleFields\n    }\n  }\n"): (typeof documents)["\n  mutation SecurityRolesSetTypeEnforced($securityRoleId: ID!, $type: AuthenticationType!, $enforced: Boolean!) {\n    setAuthenticationTypeEnforced(securityRoleId: $securityRoleId, type: $type, enforced: $enforced) {\n      ...SecurityRolesRoleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecurityRolesAddMember($securityRoleId: ID!, $userId: ID!) {\n    addSecurityRoleMember(securityRoleId: $securityRoleId, userId: $userId) {\n      ...SecurityRolesRoleFields\n    }\n  }\n"): (typeof documents)["\n  mutation SecurityRolesAddMember($securityRoleId: ID!, $userId: ID!) {\n    addSecurityRoleMember(securityRoleId: $securityRoleId, userId: $userId) {\n      ...SecurityRolesRoleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecurityRolesRemoveMember($securityRoleId: ID!, $userId: ID!) {\n    removeSecurityRoleMember(securityRoleId: $securityRoleId, userId: $userId) {\n      ...SecurityRolesRoleFields\n    }\n  }\n"): (typeof documents)["\n  mutation SecurityRolesRemoveMember($securityRoleId: ID!, $userId: ID!) {\n    removeSecurityRoleMember(securityRoleId: $securityRoleId, userId: $userId) {\n      ...SecurityRolesRoleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SmsPolicyRead {\n    authenticationMethodsPolicy {\n      sms {\n        ...SmsPolicyConfigurationFields\n      }\n    }\n    securityRoles {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query SmsPolicyRead {\n    authenticationMethodsPolicy {\n      sms {\n        ...SmsPolicyConfigurationFields\n      }\n    }\n    securityRoles {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SmsPolicyConfigurationFields on SmsAuthenticationMethodConfiguration {\n    state\n    includeTargets {\n      targetType\n      id\n      isUsableForSignIn\n    }\n  }\n"): (typeof documents)["\n  fragment SmsPolicyConfigurationFields on SmsAuthenticationMethodConfiguration {\n    state\n    includeTargets {\n      targetType\n      id\n      isUsableForSignIn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SmsPolicyUpdate($input: SmsAuthenticationMethodConfigurationInput!) {\n    updateSmsAuthenticationMethodConfiguration(input: $input) {\n      ...SmsPolicyConfigurationFields\n    }\n  }\n"): (typeof documents)["\n  mutation SmsPolicyUpdate($input: SmsAuthenticationMethodConfigurationInput!) {\n    updateSmsAuthenticationMethodConfiguration(input: $input) {\n      ...SmsPolicyConfigurationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SmsPolicyUser($id: ID!) {\n    user(id: $id) {\n      id\n      userPrincipalName\n      displayName\n    }\n  }\n"): (typeof documents)["\n  query SmsPolicyUser($id: ID!) {\n    user(id: $id) {\n      id\n      userPrincipalName\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersList($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          userPrincipalName\n          displayName\n          directoryRoles\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersList($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          userPrincipalName\n          displayName\n          directoryRoles\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;