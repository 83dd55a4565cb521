import { graphql } from "../graphql.js";

// Directory settings (API sections 6 and 8): the typed operations of the four settings pages.

export const GatewaysList = graphql(`
  query GatewaysList {
    smsGatewayAccounts {
      ...GatewaysAccountFields
    }
  }
`);

graphql(`
  fragment GatewaysAccountFields on SmsGatewayAccount {
    id
    name
    provider
    isDefault
    endpoint
    senderId
    hasCredentials
    createdDateTime
  }
`);

export const GatewaysCreate = graphql(`
  mutation GatewaysCreate($input: SmsGatewayAccountInput!) {
    createSmsGatewayAccount(input: $input) {
      ...GatewaysAccountFields
    }
  }
`);

export const GatewaysUpdate = graphql(`
  mutation GatewaysUpdate($id: ID!, $input: SmsGatewayAccountInput!) {
    updateSmsGatewayAccount(id: $id, input: $input) {
      ...GatewaysAccountFields
    }
  }
`);

export const GatewaysDelete = graphql(`
  mutation GatewaysDelete($id: ID!) {
    deleteSmsGatewayAccount(id: $id)
  }
`);

export const IdentityStoresList = graphql(`
  query IdentityStoresList {
    identityStores {
      ...IdentityStoresStoreFields
    }
    smsGatewayAccounts {
      id
      name
      provider
      isDefault
    }
  }
`);

graphql(`
  fragment IdentityStoresStoreFields on IdentityStore {
    id
    name
    enabledAuthenticationTypes
    smsMessageTemplate
    smsAllowedCountryCallingCodes
    smsDailyLimitPerCountry
    smsDailyLimitPerPrefix
    smsGatewayAccount {
      id
      name
    }
  }
`);

export const IdentityStoresUpdateSms = graphql(`
  mutation IdentityStoresUpdateSms($identityStoreId: ID!, $input: IdentityStoreSmsSettingsInput!) {
    updateIdentityStoreSmsSettings(identityStoreId: $identityStoreId, input: $input) {
      ...IdentityStoresStoreFields
    }
  }
`);

export const IdentityStoresSetTypeEnabled = graphql(`
  mutation IdentityStoresSetTypeEnabled($identityStoreId: ID!, $type: AuthenticationType!, $enabled: Boolean!) {
    setAuthenticationTypeEnabled(identityStoreId: $identityStoreId, type: $type, enabled: $enabled) {
      ...IdentityStoresStoreFields
    }
  }
`);

export const SecurityRolesList = graphql(`
  query SecurityRolesList {
    securityRoles {
      ...SecurityRolesRoleFields
    }
  }
`);

graphql(`
  fragment SecurityRolesRoleFields on SecurityRole {
    id
    name
    enforcedAuthenticationTypes
    members {
      id
      userPrincipalName
      displayName
    }
  }
`);

export const SecurityRolesSetTypeEnforced = graphql(`
  mutation SecurityRolesSetTypeEnforced($securityRoleId: ID!, $type: AuthenticationType!, $enforced: Boolean!) {
    setAuthenticationTypeEnforced(securityRoleId: $securityRoleId, type: $type, enforced: $enforced) {
      ...SecurityRolesRoleFields
    }
  }
`);

export const SecurityRolesAddMember = graphql(`
  mutation SecurityRolesAddMember($securityRoleId: ID!, $userId: ID!) {
    addSecurityRoleMember(securityRoleId: $securityRoleId, userId: $userId) {
      ...SecurityRolesRoleFields
    }
  }
`);

export const SecurityRolesRemoveMember = graphql(`
  mutation SecurityRolesRemoveMember($securityRoleId: ID!, $userId: ID!) {
    removeSecurityRoleMember(securityRoleId: $securityRoleId, userId: $userId) {
      ...SecurityRolesRoleFields
    }
  }
`);

export const SmsPolicyRead = graphql(`
  query SmsPolicyRead {
    authenticationMethodsPolicy {
      sms {
        ...SmsPolicyConfigurationFields
      }
    }
    securityRoles {
      id
      name
    }
  }
`);

graphql(`
  fragment SmsPolicyConfigurationFields on SmsAuthenticationMethodConfiguration {
    state
    includeTargets {
      targetType
      id
      isUsableForSignIn
    }
  }
`);

export const SmsPolicyUpdate = graphql(`
  mutation SmsPolicyUpdate($input: SmsAuthenticationMethodConfigurationInput!) {
    updateSmsAuthenticationMethodConfiguration(input: $input) {
      ...SmsPolicyConfigurationFields
    }
  }
`);

export const SmsPolicyUser = graphql(`
  query SmsPolicyUser($id: ID!) {
    user(id: $id) {
      id
      userPrincipalName
      displayName
    }
  }
`);
