import http from "node:http";
import express from "express";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";

/**
 * The reference for the request path: Apollo Server 5 on Express 5 with a one-field schema
 * and nothing else, as its documentation sets it up. Runs as a child of the bench (like
 * Capstats' server) and says its URL over IPC.
 */
async function main(): Promise<void> {
  const apollo = new ApolloServer({
    typeDefs: "type Query { hello: String }",
    resolvers: { Query: { hello: () => "world" } },
  });
  await apollo.start();
  const app = express();
  app.use("/graphql", express.json(), expressMiddleware(apollo));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server has no TCP address");
  process.on("disconnect", () => process.exit(0));
  process.send?.({ type: "ready", url: `http://127.0.0.1:${address.port}` });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
