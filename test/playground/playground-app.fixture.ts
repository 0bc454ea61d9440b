import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { playgroundLandingPage } from "../../src/playground/playground.plugin";
import { playgroundAssetsRouter } from "../../src/playground/playground.routes";

export const ASSETS_PATH = "/playground-assets";
export const ENDPOINT = "/graphql";
/** What the one-field schema answers; the browser test looks for it in the result panel. */
export const HELLO_ANSWER = "hello from the offline playground";

export interface RunningApp {
  app: express.Express;
  origin: string;
  port: number;
  close(): Promise<void>;
}

/** The same wiring the real app uses, reduced to one field, on an ephemeral loopback port. */
export async function startPlaygroundApp(): Promise<RunningApp> {
  const apollo = new ApolloServer({
    typeDefs: "type Query { hello: String! }",
    resolvers: { Query: { hello: () => HELLO_ANSWER } },
    plugins: [playgroundLandingPage({ endpoint: ENDPOINT, assetsPath: ASSETS_PATH })],
  });
  await apollo.start();

  const app = express();
  app.use(ASSETS_PATH, playgroundAssetsRouter());
  app.use(ENDPOINT, express.json(), expressMiddleware(apollo));

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, "127.0.0.1", (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    app,
    origin: `http://127.0.0.1:${port}`,
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
