import { loadConfig } from "./config";
import { createApp } from "./app";
import { seedIfEmpty } from "./corpus/first-start";
import { CORPUS_EXCLUSIVE } from "./locks/app-locks";
import { commandLine, type CommandSpec } from "./cli/command-line";
import { createLogger } from "./logger";

const SERVER_COMMAND: CommandSpec = {
  command: "npm start --",
  summary:
    "Serves the GraphQL API and the Playground. Migrates the database first and, when it holds\n" +
    "no corpus, generates and loads the default one. Stops gracefully on SIGINT or SIGTERM.",
  options: {},
  notes: [
    "Configured by environment variables (all of them: README, Configuration), for example:",
    "  DATABASE_URL  SQLite file (default file:./data/capstats.db)",
    "  PORT, HOST    where to listen (default 4000 on 127.0.0.1)",
    "  POOL_SIZE     workers per pool (default: one per core)",
    "  SEED_ON_START load the default corpus into an empty database (default true)",
    "  LOG_LEVEL     pino level (default info); logs are JSON unless stdout is a terminal",
  ],
  examples: ["PORT=4100 DATABASE_URL=file:/tmp/capstats.db npm start"],
};

/** `npm start`: migrate, seed the default corpus on first start, serve, shut down gracefully. */
async function main(): Promise<void> {
  commandLine(SERVER_COMMAND, process.argv.slice(2));
  const config = loadConfig(process.env);
  const app = await createApp(config, { logger: createLogger(process.env.LOG_LEVEL ?? "info") });
  if (config.seedOnStart) {
    // A write like any other: through the lock manager, holding the corpus exclusively.
    await app.locks.withLocks("seed", [CORPUS_EXCLUSIVE], () =>
      app.metrics.observeLoad((onProgress) =>
        seedIfEmpty(app.db, config.databaseFile, app.logger, onProgress),
      ),
    );
  }
  // Read the corpus into memory now, so the first query does not pay for it.
  app.corpus.view();
  await new Promise<void>((resolve) => app.server.listen(config.port, config.host, resolve));
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  app.logger.info(
    { url: `http://${config.host}:${port}/graphql`, database: config.databaseFile },
    "Capstats is serving",
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, "shutting down: finishing in-flight requests");
    app.close().then(
      () => process.exit(0),
      (err) => {
        app.logger.error({ err }, "unclean shutdown");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
