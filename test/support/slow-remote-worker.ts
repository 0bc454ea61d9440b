import pino from "pino";
import { loadWorkerConfig } from "../../src/config";
import { startRemoteWorker } from "../../src/engine";
import { entryOptionsOfArgv, TEST_WORKER_JS, entryArgs } from "./test-executors";

/**
 * `npm run worker` whose local threads run the test worker entry: with `--task-delay-ms=N`
 * every count sleeps N ms first, so a test can kill the process mid-job or outlast a timeout.
 * Only with `--serve` (remoteWorkerArgs), as every test entry.
 */
const options = entryOptionsOfArgv();

if (options) {
  const logger = pino({ level: process.env.LOG_LEVEL ?? "info" });
  startRemoteWorker(loadWorkerConfig(process.env), logger, {
    script: TEST_WORKER_JS,
    scriptArgs: entryArgs(options.taskDelayMs),
  }).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
