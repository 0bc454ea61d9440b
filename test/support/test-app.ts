import fs from "node:fs";
import path from "node:path";
import type { TestContext } from "node:test";
import pino from "pino";
import request from "supertest";
import { createApp, type App, type AppOptions } from "../../src/app";
import { loadConfig, type Config } from "../../src/config";
import { CORPUS_EXCLUSIVE } from "../../src/locks/app-locks";
import { tempDir } from "./temp-dir";
import { fixtureCsv } from "./fixture-corpus";
import { seedDatabase } from "./corpus-db";

export interface TestApp {
  app: App;
  dir: string;
  url: string;
  /** POSTs a GraphQL operation over real HTTP and returns the parsed body. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  http: ReturnType<typeof request>;
}

export interface TestAppOptions {
  /** CSV text to load before the app starts; defaults to the hand-counted fixture. Null loads nothing. */
  csv?: string | null;
  /** Writes corpus files (an Emails.csv and its companions) into dir; returns what to load. Overrides csv. */
  write?: (dir: string) => string;
  env?: Record<string, string>;
  /** createApp's executor overrides, e.g. testWorkers({ taskDelayMs }) for slow tasks. */
  executors?: AppOptions["executors"];
  /** Passed to createApp; the logger defaults to a silent one. */
  app?: AppOptions;
}

/** A real app on a real SQLite file in its own temp dir, listening on 127.0.0.1:<random>. */
export async function startTestApp(t: TestContext, opts: TestAppOptions = {}): Promise<TestApp> {
  const dir = tempDir(t);
  const config: Config = loadConfig({
    DATABASE_URL: `file:${path.join(dir, "test.db")}`,
    POOL_SIZE: "2",
    SEED_ON_START: "false",
    ...opts.env,
  });
  const csv = opts.csv === undefined ? fixtureCsv() : opts.csv;
  if (opts.write || csv !== null) {
    let file = path.join(dir, "Emails.csv");
    if (opts.write) file = opts.write(dir);
    else fs.writeFileSync(file, csv as string);
    await seedDatabase(config.databaseFile, file);
  }
  const app = await createApp(config, {
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    executors: opts.executors,
    ...opts.app,
  });
  await new Promise<void>((resolve) => app.server.listen(0, "127.0.0.1", resolve));
  t.after(() => app.close());
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  const http = request(url);
  return {
    app,
    dir,
    url,
    http,
    async gql(query, variables) {
      const res = await http
        .post("/graphql")
        .set("content-type", "application/json")
        .send({ query, variables });
      return res.body;
    },
  };
}

export interface HeldLock {
  /** Lets the lock go; call it once the lock is granted. */
  release(): void;
  /** Settles once the lock is let go. */
  held: Promise<void>;
}

/** Holds the corpus lock exclusively as `holder` until `release()`: work that needs it waits. */
export function holdCorpus(app: TestApp, holder: string): HeldLock {
  let release!: () => void;
  const held = app.app.locks.withLocks(
    holder,
    [CORPUS_EXCLUSIVE],
    () => new Promise<void>((r) => (release = r)),
  );
  return { release: () => release(), held };
}
