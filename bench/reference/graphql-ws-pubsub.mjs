// Reference for P3: a bare graphql-ws 6 server (ws + graphql-ws's `useServer`) with an in-process
// pub/sub (an EventEmitter), in a process of its own. Its subscription has the gateway's name and
// shape, so the same clients and the same document serve both; `POST /publish` with
// { userId, phoneNumber } publishes one change, as the gateway's updatePhoneMethod does.
import { EventEmitter, on } from "node:events";
import http from "node:http";
import { GraphQLID, GraphQLInterfaceType, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";

const bus = new EventEmitter();
bus.setMaxListeners(0);

const AuthenticationMethod = new GraphQLInterfaceType({
  name: "AuthenticationMethod",
  fields: { id: { type: new GraphQLNonNull(GraphQLID) } },
  resolveType: () => "PhoneAuthenticationMethod",
});
const PhoneAuthenticationMethod = new GraphQLObjectType({
  name: "PhoneAuthenticationMethod",
  interfaces: [AuthenticationMethod],
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    phoneNumber: { type: new GraphQLNonNull(GraphQLString) },
    phoneType: { type: new GraphQLNonNull(GraphQLString) },
    smsSignInState: { type: new GraphQLNonNull(GraphQLString) },
  },
});
const AuthenticationMethodChange = new GraphQLObjectType({
  name: "AuthenticationMethodChange",
  fields: {
    userId: { type: new GraphQLNonNull(GraphQLID) },
    kind: { type: new GraphQLNonNull(GraphQLString) },
    method: { type: AuthenticationMethod },
  },
});

async function* changesOf(userId) {
  for await (const [event] of on(bus, "change")) if (event.userId === userId) yield event;
}

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: "Query", fields: { hello: { type: GraphQLString, resolve: () => "world" } } }),
  subscription: new GraphQLObjectType({
    name: "Subscription",
    fields: {
      authenticationMethodsChanged: {
        type: new GraphQLNonNull(AuthenticationMethodChange),
        args: { userId: { type: GraphQLID } },
        subscribe: (_root, { userId }) => changesOf(userId),
        resolve: (event) => event,
      },
    },
  }),
  types: [PhoneAuthenticationMethod],
});

const httpServer = http.createServer((request, response) => {
  if (request.method !== "POST" || request.url !== "/publish") {
    response.writeHead(404).end();
    return;
  }
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    const { userId, phoneNumber } = JSON.parse(body);
    bus.emit("change", {
      userId,
      kind: "updated",
      method: { id: "3179e48a-750b-4051-897c-87b9720928f7", phoneNumber, phoneType: "mobile", smsSignInState: "ready" },
    });
    response.writeHead(204).end();
  });
});
const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql" });
const graphqlWs = useServer({ schema }, wsServer);
await new Promise((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
console.log(`reference listening at http://127.0.0.1:${httpServer.address().port}/graphql`);

const stop = async () => {
  await graphqlWs.dispose();
  httpServer.close();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
