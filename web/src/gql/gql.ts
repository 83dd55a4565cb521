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
    "\n  mutation ConsoleSignInWithPassword($userPrincipalName: String!, $password: String!, $scopes: [String!]) {\n    signInWithPassword(userPrincipalName: $userPrincipalName, password: $password, scopes: $scopes) {\n      isVerified\n      accessToken\n      expiresIn\n      grantedScopes\n      requiredActions\n    }\n  }\n": typeof types.ConsoleSignInWithPasswordDocument,
    "\n  mutation ConsoleStartSmsSignIn($phoneNumber: String!) {\n    startSmsSignIn(phoneNumber: $phoneNumber) {\n      challengeId\n      maskedPhoneNumber\n    }\n  }\n": typeof types.ConsoleStartSmsSignInDocument,
    "\n  mutation ConsoleCompleteSmsSignIn($challengeId: ID!, $code: String!, $scopes: [String!]) {\n    completeSmsSignIn(challengeId: $challengeId, code: $code, scopes: $scopes) {\n      isVerified\n      failureReason\n      accessToken\n      expiresIn\n      grantedScopes\n      requiredActions\n    }\n  }\n": typeof types.ConsoleCompleteSmsSignInDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    me {\n      id\n      userPrincipalName\n      displayName\n      directoryRoles\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation ConsoleSignInWithPassword($userPrincipalName: String!, $password: String!, $scopes: [String!]) {\n    signInWithPassword(userPrincipalName: $userPrincipalName, password: $password, scopes: $scopes) {\n      isVerified\n      accessToken\n      expiresIn\n      grantedScopes\n      requiredActions\n    }\n  }\n": types.ConsoleSignInWithPasswordDocument,
    "\n  mutation ConsoleStartSmsSignIn($phoneNumber: String!) {\n    startSmsSignIn(phoneNumber: $phoneNumber) {\n      challengeId\n      maskedPhoneNumber\n    }\n  }\n": types.ConsoleStartSmsSignInDocument,
    "\n  mutation ConsoleCompleteSmsSignIn($challengeId: ID!, $code: String!, $scopes: [String!]) {\n    completeSmsSignIn(challengeId: $challengeId, code: $code, scopes: $scopes) {\n      isVerified\n      failureReason\n      accessToken\n      expiresIn\n      grantedScopes\n      requiredActions\n    }\n  }\n": types.ConsoleCompleteSmsSignInDocument,
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
export function graphql(source: "\n  mutation ConsoleSignInWithPassword($userPrincipalName: String!, $password: String!, $scopes: [String!]) {\n    signInWithPassword(userPrincipalName: $userPrincipalName, password: $password, scopes: $scopes) {\n      isVerified\n      accessToken\n      expiresIn\n      grantedScopes\n      requiredActions\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleSignInWithPassword($userPrincipalName: String!, $password: String!, $scopes: [String!]) {\n    signInWithPassword(userPrincipalName: $userPrincipalName, password: $password, scopes: $scopes) {\n      isVerified\n      accessToken\n      expiresIn\n      grantedScopes\n      requiredActions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleStartSmsSignIn($phoneNumber: String!) {\n    startSmsSignIn(phoneNumber: $phoneNumber) {\n      challengeId\n      maskedPhoneNumber\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleStartSmsSignIn($phoneNumber: String!) {\n    startSmsSignIn(phoneNumber: $phoneNumber) {\n      challengeId\n      maskedPhoneNumber\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCompleteSmsSignIn($challengeId: ID!, $code: String!, $scopes: [String!]) {\n    completeSmsSignIn(challengeId: $challengeId, code: $code, scopes: $scopes) {\n      isVerified\n      failureReason\n      accessToken\n      expiresIn\n      grantedScopes\n      requiredActions\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCompleteSmsSignIn($challengeId: ID!, $code: String!, $scopes: [String!]) {\n    completeSmsSignIn(challengeId: $challengeId, code: $code, scopes: $scopes) {\n      isVerified\n      failureReason\n      accessToken\n      expiresIn\n      grantedScopes\n      requiredActions\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;