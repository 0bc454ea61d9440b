import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { runOrExit, serve } from "../../src/serve";
import { taskDelayOfArgv, testWorkers } from "./test-executors";

/**
 * `npm start` with the test worker in the pools: configured from the environment like
 * main.ts; `--task-delay-ms=N` makes every pool task sleep N ms first. For tests that need
 * a real server process with slow tasks (spawnTestServer's `taskDelayMs`).
 */
runOrExit(() =>
  serve(loadConfig(process.env), {
    logger: createLogger(process.env.LOG_LEVEL ?? "info"),
    executors: testWorkers({ taskDelayMs: taskDelayOfArgv() }),
  }),
);
