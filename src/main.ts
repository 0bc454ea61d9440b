import { loadConfig } from "./config";
import { commandLine, type CommandSpec } from "./cli/command-line";
import { createLogger } from "./logger";
import { runOrExit, serve } from "./serve";

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
runOrExit(async () => {
  commandLine(SERVER_COMMAND, process.argv.slice(2));
  await serve(loadConfig(process.env), { logger: createLogger(process.env.LOG_LEVEL ?? "info") });
});
