import { createApp, type App, type AppOptions } from "./app";
import type { Config } from "./config";
import { seedIfEmpty } from "./corpus/first-start";
import { CORPUS_EXCLUSIVE } from "./locks/app-locks";
import { stopOnSignals } from "./stop-on-signals";

/**
 * What `npm start` does once the config is read: migrate, seed the default corpus on first
 * start, listen, and shut down gracefully on SIGINT or SIGTERM. `options` reach createApp,
 * so a test's server entry serves the same way with its own doubles.
 */
export async function serve(config: Config, options: AppOptions = {}): Promise<App> {
  const app = await createApp(config, options);
  if (config.seedOnStart) {
    // A write like any other: through the lock manager, holding the corpus exclusively.
    await app.locks.withLocks("seed", [CORPUS_EXCLUSIVE], () =>
      app.metrics.observeLoad((onProgress) =>
        seedIfEmpty(app.db, config.databaseFile, app.logger, onProgress),
      ),
    );
  }
  // Read the corpus into memory now, so the first query does not pay for it.
  await app.corpus.view();
  try {
    await listen(app.server, config.port, config.host);
  } catch (err) {
    // One line a person can act on, not a stack: which address, and why.
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === "EADDRINUSE" ? "is already in use" : `cannot be listened on (${String(err)})`;
    console.error(
      `Capstats cannot start: port ${config.port} on ${config.host} ${why} (PORT, HOST)`,
    );
    await app.close();
    process.exit(1);
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  app.logger.info(
    { url: `http://${config.host}:${port}/graphql`, database: config.databaseFile },
    "Capstats is serving",
  );
  stopOnSignals(app.logger, "shutting down: finishing in-flight requests", () => app.close());
  return app;
}

function listen(server: App["server"], port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** Runs an entry's start-up; a failure to start is printed and ends the process with 1. */
export function runOrExit(start: () => Promise<unknown>): void {
  start().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
