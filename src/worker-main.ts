import { loadWorkerConfig } from "./config";
import { commandLine, type CommandSpec } from "./cli/command-line";
import { startRemoteWorker } from "./engine";
import { createLogger } from "./logger";
import { stopOnSignals } from "./stop-on-signals";

const WORKER_COMMAND: CommandSpec = {
  command: "npm run worker --",
  summary:
    "Takes DISTRIBUTED jobs from the Redis at REDIS_URL and counts them on local worker threads.\n" +
    "Needs nothing of the API host but Redis: no database file. Stops gracefully on SIGINT or SIGTERM.",
  options: {},
  notes: [
    "Configured by environment variables (all of them: README, Configuration), for example:",
    "  REDIS_URL           the API host's Redis (required), redis://[:password@]host:6379",
    "  WORKER_CONCURRENCY  jobs at once, one local thread each (default: one per core)",
    "  WORKER_CACHE_MB     chunks kept locally between queries (default 1024)",
    "  LOG_LEVEL           pino level (default info)",
  ],
  examples: ["REDIS_URL=redis://10.0.0.5:6379 npm run worker"],
};

/**
 * `npm run worker`: one process of the DISTRIBUTED strategy, on any host. It serves no API and
 * opens no database: everything it counts comes through Redis.
 */
async function main(): Promise<void> {
  commandLine(WORKER_COMMAND, process.argv.slice(2));
  const logger = createLogger(process.env.LOG_LEVEL ?? "info");
  let config;
  try {
    config = loadWorkerConfig(process.env);
  } catch (err) {
    logger.error((err as Error).message);
    process.exit(2);
  }
  const worker = await startRemoteWorker(config, logger);
  stopOnSignals(logger, "worker stopping: finishing the jobs in hand", () => worker.close());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
