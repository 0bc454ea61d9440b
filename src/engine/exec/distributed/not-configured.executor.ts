import type { AutoVerdict, Executor, ExecutorRun } from "../executor";
import { DistributedNotConfiguredError } from "./distributed-errors";

/** DISTRIBUTED on a server without REDIS_URL: every query says which variable to set. */
export class NotConfiguredExecutor implements Executor {
  readonly name = "DISTRIBUTED" as const;
  readonly sharesMemory = true;
  readonly writesInPlace = null;
  readonly defaultWorkers = 1;

  constructor(readonly maxWorkers: number) {}

  run(): Promise<ExecutorRun> {
    return Promise.reject(new DistributedNotConfiguredError());
  }

  autoVerdict(): AutoVerdict {
    return { eligible: false, reason: "REDIS_URL is not set" };
  }
}
