// Reference for P1: a bare Apollo Server 5 on express 5 (the gateway's own stack, nothing else),
// schema `type Query { hello: String }`, in a process of its own. Prints its URL when it listens.
import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";

const app = express();
const httpServer = http.createServer(app);
const server = new ApolloServer({
  typeDefs: "type Query { hello: String }",
  resolvers: { Query: { hello: () => "world" } },
  plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
});
await server.start();
app.use("/graphql", express.json(), expressMiddleware(server));
await new Promise((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
console.log(`reference listening at http://127.0.0.1:${httpServer.address().port}/graphql`);

const stop = () => server.stop().then(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
