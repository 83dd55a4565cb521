import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { getMainDefinition } from "@apollo/client/utilities";
import { Kind, OperationTypeNode } from "graphql";
import { createClient } from "graphql-ws";

const wsUrl = () => `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/graphql`;

/**
 * The console's GraphQL client, for one bearer token (or none): queries and mutations over
 * HTTP, subscriptions over graphql-ws on the same /graphql endpoint. A new token gets a new
 * client, so nothing cached or subscribed for one user outlives their session.
 */
export function createApolloClient(accessToken: string | null) {
  const authorization = accessToken ? `Bearer ${accessToken}` : undefined;
  const http = new HttpLink({ uri: "/graphql", headers: authorization ? { authorization } : {} });
  const sockets = createClient({ url: wsUrl(), connectionParams: authorization ? { authorization } : {}, lazy: true, retryAttempts: 5 });
  const isSubscription = ({ query }: ApolloLink.Operation) => {
    const definition = getMainDefinition(query);
    return definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
  };
  const client = new ApolloClient({
    link: ApolloLink.split(isSubscription, new GraphQLWsLink(sockets), http),
    cache: new InMemoryCache({
      possibleTypes: { AuthenticationMethod: ["PasswordAuthenticationMethod", "PhoneAuthenticationMethod"] },
      typePolicies: {
        // Method ids are well-known per type (the same for every user): identify them by user instead.
        PasswordAuthenticationMethod: { keyFields: false },
        PhoneAuthenticationMethod: { keyFields: false },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: "cache-and-network" } },
  });
  return { client, close: () => void sockets.dispose() };
}
