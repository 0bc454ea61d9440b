import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { entryArgs } from "./test-executors";

/** What `npm start` runs after building: dist/src/main.js, in the same build as this file. */
export const MAIN_JS = path.resolve(__dirname, "../../src/main.js");
/** main.js with the test worker in the pools (test-server.ts). */
export const TEST_SERVER_JS = path.resolve(__dirname, "test-server.js");

/**
 * The one way tests, the bench and the load test start a real server process. Any entry
 * works that logs the line main.js logs once it listens: pino JSON with
 * `"url":"http://127.0.0.1:<port>/graphql"`.
 */
export interface ServerProcessOptions {
  /** The script to run; dist/src/main.js unless given. */
  entry?: string;
  args?: readonly string[];
  /** On top of process.env, PORT=0 and HOST=127.0.0.1. */
  env?: Record<string, string>;
  /** Opens an IPC channel (child.send, "message"), for entries that talk to their parent. */
  ipc?: boolean;
  /** Also copies the server's output to this process's stderr as it comes. */
  echo?: boolean;
}

export type ExitStatus = number | string | null;

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves with the exit code, or the signal name when killed. */
  exited: Promise<ExitStatus>;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  /** Lines of pino JSON at `minLevel` or above (50 is error). */
  logLines(minLevel: number): string[];
  /** Resolves with http://127.0.0.1:<port> once the server logs that it serves. */
  serving(timeoutMs?: number): Promise<string>;
  /** Sends `signal` (SIGTERM unless given) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<ExitStatus>;
}

const SERVING = /"url":"(http:\/\/127\.0\.0\.1:\d+)\/graphql"/;

/** Starts the entry; kill it when done (t.after, or stop()). */
export function spawnServer(opts: ServerProcessOptions = {}): ServerProcess {
  const child = spawn(process.execPath, [opts.entry ?? MAIN_JS, ...(opts.args ?? [])], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...opts.env },
    stdio: ["ignore", "pipe", "pipe", ...(opts.ipc ? ["ipc" as const] : [])],
  });
  let out = "";
  const collect = (d: Buffer): void => {
    out += d;
    if (opts.echo) process.stderr.write(d);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<ExitStatus>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? code)),
  );
  const serving = (timeoutMs = 120_000): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      const deadline = setTimeout(() => {
        clearInterval(poll);
        reject(new Error(`server did not serve within ${timeoutMs} ms:\n${out}`));
      }, timeoutMs);
      const poll = setInterval(() => {
        const m = SERVING.exec(out);
        if (!m) return;
        clearInterval(poll);
        clearTimeout(deadline);
        resolve(m[1]);
      }, 20);
      void exited.then((code) => {
        clearInterval(poll);
        clearTimeout(deadline);
        reject(new Error(`server exited (${code}) before serving:\n${out}`));
      });
    });
  return {
    child,
    pid: child.pid!,
    exited,
    output: () => out,
    logLines: (minLevel) =>
      out.split("\n").filter((line) => {
        const level = /^\{"level":(\d+)/.exec(line);
        return level !== null && Number(level[1]) >= minLevel;
      }),
    serving,
    stop: (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export interface TestServerOptions {
  /** Serve with the test worker in the pools, each task sleeping this long first (test-server.ts). */
  taskDelayMs?: number;
}

/** A quiet test server: one worker per pool, NODE_ENV=test, `env` on top. */
export function spawnTestServer(
  env: Record<string, string>,
  opts: TestServerOptions = {},
): ServerProcess {
  const slow =
    opts.taskDelayMs === undefined
      ? {}
      : { entry: TEST_SERVER_JS, args: entryArgs(opts.taskDelayMs) };
  return spawnServer({ ...slow, env: { POOL_SIZE: "1", NODE_ENV: "test", ...env } });
}

/** spawnServer, then waits until it serves; a server that fails to start is killed. */
export async function startServer(
  opts: ServerProcessOptions & { startTimeoutMs?: number } = {},
): Promise<ServerProcess & { url: string }> {
  const server = spawnServer(opts);
  try {
    return { ...server, url: await server.serving(opts.startTimeoutMs) };
  } catch (err) {
    server.child.kill("SIGKILL");
    throw err;
  }
}

/**
 * Polls the database from outside (read-only, like any other reader) until `check` returns a
 * value; null while the file or its tables do not exist yet.
 */
export async function pollDb<T>(
  file: string,
  check: (db: Database.Database) => T | undefined,
  what: string,
  limitMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    let db: Database.Database | null = null;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      const value = check(db);
      if (value !== undefined) return value;
    } catch {
      // not created yet, or mid-migration
    } finally {
      db?.close();
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function gql<T>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}
