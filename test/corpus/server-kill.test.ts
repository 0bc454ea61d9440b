import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test, type TestContext } from "node:test";
import Database from "better-sqlite3";
import { FIXTURE } from "../support/fixture-corpus";
import { tempDir } from "../support/temp-dir";
import { FIXTURE_CAPITALS } from "../support/graphql-checks";
import {
  gql,
  pollDb,
  spawnTestServer,
  type ServerProcess,
  type TestServerOptions,
} from "../support/server-process";
import { seedFixture } from "../support/corpus-db";

const HANG_GUARD = { timeout: 180_000 };
const ROWS = 200_000;

/** Every email has exactly two capitals (H, W), so a complete load totals 2 x ROWS. */
function writeBigCsv(file: string): void {
  const out = fs.openSync(file, "w");
  fs.writeSync(out, "Id,RawText\n");
  for (let start = 1; start <= ROWS; start += 5000) {
    let chunk = "";
    for (let id = start; id < start + 5000; id++) chunk += `${id},Hello World ${"x".repeat(120)}\n`;
    fs.writeSync(out, chunk);
  }
  fs.closeSync(out);
}

/** A fresh directory for capstats.db, which holds the fixture corpus when `seeded`. */
async function database(t: TestContext, seeded: boolean): Promise<{ dir: string; dbFile: string }> {
  const dir = tempDir(t);
  const dbFile = path.join(dir, "capstats.db");
  if (seeded) await seedFixture(dbFile, path.join(dir, "fixture.csv"));
  return { dir, dbFile };
}

/** A test server, SIGKILLed with the test if it still runs then. */
function server(t: TestContext, env: Record<string, string>, opts?: TestServerOptions) {
  const started = spawnTestServer(env, opts);
  t.after(() => started.child.kill("SIGKILL"));
  return started;
}

async function stop(running: ServerProcess, signal: "SIGKILL" | "SIGTERM"): Promise<void> {
  running.child.kill(signal);
  assert.equal(await running.exited, signal === "SIGKILL" ? "SIGKILL" : 0);
}

type Totals = { capitalLetterStats: { emailCount: number; totalCapitals: number } };

/** Rows already in a staging table: proof the load is under way and not yet swapped in. */
function stagedRows(db: Database.Database): number | undefined {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'Email_staging%'")
    .pluck()
    .all() as string[];
  for (const name of tables) {
    const n = db.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number;
    if (n > 0) return n;
  }
  return undefined;
}

interface Snapshot {
  integrity: string;
  version: number | null;
  emailCount: number | null;
  emails: number;
}

function snapshot(file: string): Snapshot {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const corpus = db.prepare("SELECT version, emailCount FROM Corpus WHERE id = 1").get() as
      { version: number; emailCount: number } | undefined;
    return {
      integrity: db.pragma("integrity_check", { simple: true }) as string,
      version: corpus?.version ?? null,
      emailCount: corpus?.emailCount ?? null,
      emails: db.prepare("SELECT count(*) FROM Email").pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

test(
  "SIGKILL of the server mid-seed, then restart: intact file, no half corpus, then a full one",
  HANG_GUARD,
  async (t) => {
    const { dir, dbFile } = await database(t, false);
    // The first start loads Emails.generated.csv from next to the database when it exists.
    writeBigCsv(path.join(dir, "Emails.generated.csv"));
    const first = server(t, { DATABASE_URL: `file:${dbFile}` });
    const staged = await pollDb(dbFile, stagedRows, "the seed load to stage rows");
    await stop(first, "SIGKILL");
    t.diagnostic(`killed with ${staged}+ of ${ROWS} rows staged`);

    // The killed load left nothing visible: no corpus at all (the database had none before).
    assert.deepEqual(snapshot(dbFile), {
      integrity: "ok",
      version: null,
      emailCount: null,
      emails: 0,
    });

    const second = server(t, { DATABASE_URL: `file:${dbFile}` });
    const url = await second.serving();
    const res = await gql<Totals>(url, "{ capitalLetterStats { emailCount totalCapitals } }");
    assert.deepEqual(res.data?.capitalLetterStats, { emailCount: ROWS, totalCapitals: 2 * ROWS });
    await stop(second, "SIGTERM");
    assert.deepEqual(snapshot(dbFile), {
      integrity: "ok",
      version: 1,
      emailCount: ROWS,
      emails: ROWS,
    });
    const db = new Database(dbFile, { readonly: true });
    const leftovers = db
      .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'Email_staging%'")
      .all();
    db.close();
    assert.deepEqual(leftovers, [], "the dead loader's staging table was dropped by the next load");
  },
);

test(
  "SIGKILL of a reload mid-load: the old corpus stays whole and the server serves it",
  HANG_GUARD,
  async (t) => {
    const { dir, dbFile } = await database(t, true);
    const big = path.join(dir, "big.csv");
    writeBigCsv(big);

    // `npm run seed -- --csv big.csv`: a reload from another process, while nothing else runs.
    const loader = spawn(
      process.execPath,
      [path.resolve(__dirname, "../../seed/load.js"), "--csv", big],
      {
        env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
        stdio: "ignore",
      },
    );
    t.after(() => loader.kill("SIGKILL"));
    const loaderExit = new Promise((resolve) =>
      loader.on("exit", (code, signal) => resolve(signal ?? code)),
    );
    await pollDb(dbFile, stagedRows, "the reload to stage rows");
    loader.kill("SIGKILL");
    assert.equal(await loaderExit, "SIGKILL");
    assert.deepEqual(snapshot(dbFile), {
      integrity: "ok",
      version: 1,
      emailCount: FIXTURE.length,
      emails: FIXTURE.length,
    });

    const url = await server(t, { DATABASE_URL: `file:${dbFile}` }).serving();
    const res = await gql<Totals>(
      url,
      "{ capitalLetterStats(strategy: PROCESSES, fresh: true) { emailCount totalCapitals } }",
    );
    assert.deepEqual(res.data?.capitalLetterStats, {
      emailCount: FIXTURE.length,
      totalCapitals: FIXTURE_CAPITALS,
    });
  },
);

interface RunRow {
  id: number;
  status: string;
  emailsDone: number;
  error: string | null;
}

test(
  "SIGKILL of the server mid-analysis, then restart: the run ends FAILED, no partial results, a new run completes",
  HANG_GUARD,
  async (t) => {
    const { dbFile } = await database(t, true);
    // Seven one-email tasks of 400 ms each: seconds of RUNNING with progress already written.
    const env = {
      DATABASE_URL: `file:${dbFile}`,
      SEED_ON_START: "false",
    };
    const slow = { taskDelayMs: 400 };
    const first = server(t, env, slow);
    const url = await first.serving();
    const started = await gql<{ startAnalysis: { id: string } }>(
      url,
      "mutation { startAnalysis(input: { strategy: THREADS, workers: 1, chunkSize: 1 }) { id } }",
    );
    const id = Number(started.data!.startAnalysis.id);
    const midRun = await pollDb(
      dbFile,
      (d) => {
        const row = d
          .prepare("SELECT id, status, emailsDone, error FROM AnalysisRun WHERE id = ?")
          .get(id) as RunRow;
        return row.status === "RUNNING" && row.emailsDone > 0 ? row : undefined;
      },
      "the run to be RUNNING with progress written",
    );
    await stop(first, "SIGKILL");
    t.diagnostic(`killed at ${midRun.emailsDone} of ${FIXTURE.length} emails`);
    const killed = new Database(dbFile, { readonly: true });
    assert.equal(killed.pragma("integrity_check", { simple: true }), "ok");
    // Left RUNNING by the dead server: only the next start can end it.
    assert.equal(
      killed.prepare("SELECT status FROM AnalysisRun WHERE id = ?").pluck().get(id),
      "RUNNING",
    );
    killed.close();

    const second = server(t, env, slow);
    const url2 = await second.serving();
    const after = await gql<{ analysisRun: { status: string; error: string; results: unknown } }>(
      url2,
      `{ analysisRun(id: "${id}") { status error results { totalCount } } }`,
    );
    assert.deepEqual(after.data?.analysisRun, {
      status: "FAILED",
      error: "server stopped during the run",
      results: null,
    });
    const next = await gql<{ startAnalysis: { id: string } }>(
      url2,
      "mutation { startAnalysis(input: { strategy: PROCESSES }) { id } }",
    );
    const nextId = next.data!.startAnalysis.id;
    const done = await pollDb(
      dbFile,
      (d) => {
        const row = d
          .prepare("SELECT status, totalCapitals FROM AnalysisRun WHERE id = ?")
          .get(Number(nextId)) as {
          status: string;
          totalCapitals: number | null;
        };
        return row.status === "COMPLETED" || row.status === "FAILED" ? row : undefined;
      },
      "the new run to finish",
    );
    assert.deepEqual(done, { status: "COMPLETED", totalCapitals: FIXTURE_CAPITALS });
    await stop(second, "SIGTERM");

    const check = new Database(dbFile, { readonly: true });
    t.after(() => check.close());
    assert.equal(check.pragma("integrity_check", { simple: true }), "ok");
    assert.deepEqual(
      check
        .prepare("SELECT count(*) FROM AnalysisRun WHERE status IN ('RUNNING', 'PENDING')")
        .pluck()
        .get(),
      0,
      "no run stuck RUNNING or PENDING",
    );
    assert.equal(
      check.prepare("SELECT count(*) FROM AnalysisResult WHERE runId = ?").pluck().get(id),
      0,
    );
    assert.equal(
      check
        .prepare("SELECT count(*) FROM AnalysisResult WHERE runId = ?")
        .pluck()
        .get(Number(nextId)),
      FIXTURE.length,
    );
  },
);
