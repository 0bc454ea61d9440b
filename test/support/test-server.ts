import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { runOrExit, serve } from "../../src/serve";
import { entryOptionsOfArgv, testWorkers } from "./test-executors";

/**
 * `npm start` with the test worker in the pools: configured from the environment like
 * main.ts, run with entryArgs(taskDelayMs) (see spawnTestServer's `taskDelayMs`). For tests
 * that need a real server process with slow tasks.
 */
const options = entryOptionsOfArgv();

if (options) {
  runOrExit(() =>
    serve(loadConfig(process.env), {
      logger: createLogger(process.env.LOG_LEVEL ?? "info"),
      executors: testWorkers(options),
    }),
  );
}
