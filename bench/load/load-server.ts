import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer } from "../../test/support/server-process";

const START_TIMEOUT_MS = 180_000;

export interface LoadServer {
  url: string;
  pid: number;
  /** Server log lines at level error or worse (pino level >= 50). */
  errorLogLines(): string[];
  stop(): Promise<void>;
}

/**
 * `node dist/src/main.js` in production mode on a temp database (seeded with the default
 * corpus on first start) or on `database`, on a free loopback port.
 */
export async function startLoadServer(database: string | null): Promise<LoadServer> {
  const dir = database ? null : fs.mkdtempSync(path.join(os.tmpdir(), "capstats-load-"));
  const file = database ? path.resolve(database) : path.join(dir!, "capstats.db");
  const server = await startServer({
    env: { NODE_ENV: "production", DATABASE_URL: `file:${file}`, LOG_LEVEL: "info" },
    startTimeoutMs: START_TIMEOUT_MS,
  });
  return {
    url: server.url,
    pid: server.pid,
    errorLogLines: () => server.logLines(50),
    async stop() {
      await server.stop("SIGTERM");
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
