import { graphql } from "../graphql.js";

/** What a tile shows of a method. Method ids are well-known per type, so the type names the tile. */
export const MethodsTileFields = graphql(`
  fragment MethodsTileFields on AuthenticationMethod {
    __typename
    id
    createdDateTime
    ... on PhoneAuthenticationMethod {
      phoneNumber
      phoneType
      smsSignInState
    }
  }
`);

/** The signed-in user's methods, in the API's order (phones, then the password). */
export const MethodsOfMe = graphql(`
  query MethodsOfMe {
    me {
      id
      authentication {
        methods {
          ...MethodsTileFields
        }
      }
    }
  }
`);

/** Another user's methods (an administrator acting through `userId`). */
export const MethodsOfUser = graphql(`
  query MethodsOfUser($userId: ID!) {
    user(id: $userId) {
      id
      authentication {
        methods {
          ...MethodsTileFields
        }
      }
    }
  }
`);

/** Added, updated and deleted methods: each change refetches the list (ids are shared by all users). */
export const MethodsChanged = graphql(`
  subscription MethodsChanged($userId: ID) {
    authenticationMethodsChanged(userId: $userId) {
      userId
      kind
    }
  }
`);

export const MethodsStartPhoneVerification = graphql(`
  mutation MethodsStartPhoneVerification($userId: ID, $input: PhoneMethodInput!) {
    startPhoneVerification(userId: $userId, input: $input) {
      challengeId
      expiresDateTime
      maskedPhoneNumber
    }
  }
`);

export const MethodsVerifyPhone = graphql(`
  mutation MethodsVerifyPhone($challengeId: ID!, $code: String!) {
    verifyPhone(challengeId: $challengeId, code: $code) {
      isVerified
      failureReason
      method {
        phoneNumber
        phoneType
        smsSignInState
      }
    }
  }
`);

export const MethodsEnableSmsSignIn = graphql(`
  mutation MethodsEnableSmsSignIn($userId: ID, $id: ID!) {
    enableSmsSignIn(userId: $userId, id: $id) {
      phoneType
      smsSignInState
    }
  }
`);

export const MethodsDisableSmsSignIn = graphql(`
  mutation MethodsDisableSmsSignIn($userId: ID, $id: ID!) {
    disableSmsSignIn(userId: $userId, id: $id) {
      phoneType
      smsSignInState
    }
  }
`);

export const MethodsDeletePhoneMethod = graphql(`
  mutation MethodsDeletePhoneMethod($userId: ID, $id: ID!) {
    deletePhoneMethod(userId: $userId, id: $id)
  }
`);
