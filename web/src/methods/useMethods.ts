import { skipToken, useQuery } from "@apollo/client/react";
import type { MethodsTileFieldsFragment } from "../graphql.js";
import { MethodsOfMe, MethodsOfUser } from "./documents.js";

export type Method = MethodsTileFieldsFragment;
export type PhoneMethod = Extract<Method, { __typename: "PhoneAuthenticationMethod" }>;

export const isPhone = (method: Method): method is PhoneMethod => method.__typename === "PhoneAuthenticationMethod";

/**
 * A user's methods in the API's order (`userId` omitted: the signed-in user). Several callers
 * on one page share the query (and its cache entry); `refetch` reloads it after a change.
 */
export function useMethods(userId?: string) {
  const mine = useQuery(MethodsOfMe, userId === undefined ? {} : skipToken);
  const theirs = useQuery(MethodsOfUser, userId === undefined ? skipToken : { variables: { userId } });
  const result = userId === undefined ? mine : theirs;
  const owner = userId === undefined ? mine.data?.me : theirs.data?.user;
  const methods: Method[] | undefined = owner?.authentication.methods;
  return {
    methods,
    /** The query answered and the user does not exist (or is not visible). */
    missing: userId !== undefined && theirs.data !== undefined && theirs.data.user === null,
    loading: result.loading && !methods,
    error: result.error,
    refetch: () => result.refetch(),
  };
}
