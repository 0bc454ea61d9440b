import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { openSqlite } from "../src/db/sqlite";
import { applyMigrations } from "../src/db/migrate";
import { loadCsv } from "../src/corpus/csv-loader";
import { tempDir } from "./support/temp-dir";
import { fixtureCsv } from "./support/fixture-corpus";

const MAIN = path.resolve(__dirname, "../src/main.js");

interface Server {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  output: () => string;
}

/** Starts `node dist/src/main.js` (what `npm start` runs after building) and waits until it serves. */
async function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: "0", POOL_SIZE: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)\/graphql"/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code} before serving:\n${out}`));
    });
  });
  return { child, url, exited, output: () => out };
}

test("first start on an empty database generates and loads the default corpus, then serves", async (t) => {
  const dir = tempDir(t);
  const server = await startServer({
    DATABASE_URL: `file:${path.join(dir, "data", "capstats.db")}`,
  });
  t.after(() => server.child.kill("SIGKILL"));
  assert.ok(fs.existsSync(path.join(dir, "data", "Emails.generated.csv")));
  const health = (await (await fetch(`${server.url}/healthz`)).json()) as { emails: number };
  assert.equal(health.emails, 7945);
  assert.match(server.output(), /loaded 7945 emails/);
  server.child.kill("SIGINT");
  assert.equal(await server.exited, 0);
});

test("SIGTERM lets an in-flight query finish, then closes pools and the database and exits 0", async (t) => {
  const dir = tempDir(t);
  const dbFile = path.join(dir, "c.db");
  const csv = path.join(dir, "Emails.csv");
  fs.writeFileSync(csv, fixtureCsv());
  const db = openSqlite(dbFile);
  applyMigrations(db);
  await loadCsv(db, csv);
  db.close();
  const server = await startServer({
    DATABASE_URL: `file:${dbFile}`,
    SEED_ON_START: "false",
    CAPSTATS_WORKER_TEST_HOOKS: "1",
    CAPSTATS_TEST_TASK_DELAY_MS: "800",
  });
  t.after(() => server.child.kill("SIGKILL"));
  const inFlight = fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ capitalLetterStats(strategy: THREADS) { totalCapitals } }" }),
  });
  await new Promise((r) => setTimeout(r, 200)); // the query is now in a worker
  server.child.kill("SIGTERM");
  const res = await inFlight;
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { data: { capitalLetterStats: { totalCapitals: 41 } } });
  assert.equal(await server.exited, 0);
  assert.match(server.output(), /shutting down: finishing in-flight requests/);
  // The database was closed cleanly: no stale WAL content remains to be recovered.
  const after = openSqlite(dbFile, { readonly: true });
  assert.equal(after.pragma("integrity_check", { simple: true }), "ok");
  after.close();
});
