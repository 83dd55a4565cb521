import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import type { GraphQLSchema } from "graphql";
import type { Server } from "node:http";
import type { GraphQLContext } from "../graphql/context.js";
import type { OperationGate } from "../graphql/operation-gate.js";
import { operationTelemetryPlugin } from "./request-telemetry.js";

/**
 * Apollo Server taking the operation gate's steps over HTTP. Its stop drains the HTTP server,
 * then the WebSocket server (`webSocket.dispose`).
 */
export function createApolloServer(deps: { schema: GraphQLSchema; gate: OperationGate; httpServer: Server; webSocket: { dispose(): Promise<void> }; landingPage: boolean }) {
  const { gate, httpServer, webSocket } = deps;
  return new ApolloServer<GraphQLContext>({
    schema: deps.schema,
    ...gate.apollo,
    // Introspection is refused by the gate's validation rules, the same way on every transport.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Signals are main.ts's: Apollo's own handler (outside NODE_ENV=test) stops Apollo alone and
    // raises the signal again, which cut the graceful shutdown short and left the database running.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No cache hints are given (answers depend on the caller): without this Apollo installs its
      // cache-control plugin, which wraps every field's resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await webSocket.dispose();
            },
          };
        },
      },
      ...gate.apollo.plugins,
      // Names the operation for the access line, the metrics and the span.
      operationTelemetryPlugin<GraphQLContext>(),
      deps.landingPage ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }) : ApolloServerPluginLandingPageDisabled(),
    ],
  });
}
