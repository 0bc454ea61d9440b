import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer } from "../../test/support/server-process";

export interface SeededDatabase {
  dbFile: string;
  remove(): void;
}

/**
 * The corpus a fresh `npm start` shows: dist/src/main.js seeds its default corpus (and
 * whatever companion files the generator writes beside it) into an empty database in a
 * temporary folder, then stops. The dashboard is measured and pictured on exactly that.
 */
export async function seedDefaultCorpus(log: (m: string) => void): Promise<SeededDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "capstats-dashboard-"));
  const dbFile = path.join(dir, "capstats.db");
  log(`seeding the default corpus into ${dir} (as npm start does on first start)`);
  const server = await startServer({
    // LOG_LEVEL stays at info: the "serving" line is how startServer knows it is up.
    env: { DATABASE_URL: `file:${dbFile}`, SEED_ON_START: "true" },
    startTimeoutMs: 300_000,
  });
  await server.stop();
  return { dbFile, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
