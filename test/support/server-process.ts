import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";

/** What `npm start` runs after building: dist/src/main.js, in the same build as this test. */
export const MAIN_JS = path.resolve(__dirname, "../../src/main.js");

export interface ServerProcess {
  child: ChildProcess;
  /** Resolves with the exit code, or the signal name when killed. */
  exited: Promise<number | string | null>;
  output(): string;
  /** Resolves with http://127.0.0.1:<port> once the server logs that it serves. */
  serving(): Promise<string>;
}

/** Starts main.js with `env` on top of a quiet test environment; kill it with t.after. */
export function spawnServer(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, [MAIN_JS], {
    env: { ...process.env, PORT: "0", POOL_SIZE: "1", NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | string | null>((resolve) =>
    child.on("exit", (code, signal) => resolve(signal ?? code)),
  );
  return {
    child,
    exited,
    output: () => out,
    serving: () =>
      new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)\/graphql"/.exec(out);
          if (m) {
            clearInterval(timer);
            resolve(m[1]);
          }
        }, 20);
        void exited.then((code) => {
          clearInterval(timer);
          reject(new Error(`server exited (${code}) before serving:\n${out}`));
        });
      }),
  };
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
): Promise<{ data?: T; errors?: unknown[] }> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: T; errors?: unknown[] };
}
