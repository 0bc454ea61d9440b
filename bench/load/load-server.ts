import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const MAIN_JS = path.resolve(__dirname, "../../src/main.js");
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
  const child: ChildProcess = spawn(process.execPath, [MAIN_JS], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: `file:${file}`,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(
      () => fail(new Error(`server did not serve within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    const poll = setInterval(() => {
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)\/graphql"/.exec(out);
      if (m) {
        cleanup();
        resolve(m[1]);
      }
    }, 50);
    const fail = (err: Error): void => {
      if (settled) return;
      cleanup();
      child.kill("SIGKILL");
      reject(err);
    };
    const cleanup = (): void => {
      settled = true;
      clearTimeout(timer);
      clearInterval(poll);
    };
    void exited.then(() => fail(new Error(`server exited before serving:\n${out}`)));
  });
  return {
    url,
    pid: child.pid!,
    errorLogLines: () =>
      out.split("\n").filter((line) => {
        const level = /^\{"level":(\d+)/.exec(line);
        return level !== null && Number(level[1]) >= 50;
      }),
    async stop() {
      child.kill("SIGTERM");
      await exited;
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
