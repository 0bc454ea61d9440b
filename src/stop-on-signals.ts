import type { Logger } from "pino";

/**
 * SIGINT/SIGTERM run `close` once (what is in flight finishes), then exit 0, or 1 if closing
 * failed. Shared by the server and the worker CLI.
 */
export function stopOnSignals(logger: Logger, stopping: string, close: () => Promise<void>): void {
  let stopped = false;
  const stop = (signal: string): void => {
    if (stopped) return;
    stopped = true;
    logger.info({ signal }, stopping);
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "unclean shutdown");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}
