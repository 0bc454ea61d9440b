import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { openSqlite } from "../src/db/sqlite";
import { tempDir } from "./support/temp-dir";
import {
  spawnTestServer,
  type ServerProcess,
  type TestServerOptions,
} from "./support/server-process";
import { seedFixture } from "./support/corpus-db";

/** Starts `node dist/src/main.js` (what `npm start` runs after building) and waits until it serves. */
async function startServer(
  env: Record<string, string>,
  opts?: TestServerOptions,
): Promise<ServerProcess & { url: string }> {
  const server = spawnTestServer(env, opts);
  return { ...server, url: await server.serving() };
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
  // The synthetic release comes whole: persons and recipients load with the emails.
  for (const stem of ["Persons", "Aliases", "EmailReceivers"]) {
    assert.ok(fs.existsSync(path.join(dir, "data", `${stem}.generated.csv`)), stem);
  }
  const corpus = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ corpus { persons emailReceivers } }" }),
  });
  const info = (
    (await corpus.json()) as { data: { corpus: { persons: number; emailReceivers: number } } }
  ).data.corpus;
  assert.ok(info.persons > 0 && info.emailReceivers >= 7945, JSON.stringify(info));
  server.child.kill("SIGINT");
  assert.equal(await server.exited, 0);
});

test("SIGTERM lets an in-flight query finish, then closes pools and the database and exits 0", async (t) => {
  const dir = tempDir(t);
  const dbFile = path.join(dir, "c.db");
  await seedFixture(dbFile, path.join(dir, "Emails.csv"));
  const server = await startServer(
    { DATABASE_URL: `file:${dbFile}`, SEED_ON_START: "false" },
    { taskDelayMs: 800 },
  );
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
