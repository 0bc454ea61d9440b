import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { openSqlite } from "../../src/db/sqlite";
import { loadCsv } from "../../src/corpus/csv-loader";
import { startTestApp } from "../support/test-app";

// One long email of astral capitals (4 UTF-8 bytes each) dominates the bytes, so every
// balanced plan cuts inside it, right next to a capital outside the BMP. Hand counts:
// email 1: 3000 x "𝐀" then " ab" -> 3000 capitals, 3003 characters
// email 2: "x𝐙\r\nY" -> 2 capitals (𝐙, Y), 5 characters
// email 3: "ǅ" -> 0 capitals (titlecase), 1 character
const ASTRAL_CSV = `Id,RawText\n1,${"𝐀".repeat(3000)} ab\n2,"x𝐙\r\nY"\n3,ǅ\n`;
const HAND = [
  { emailId: 1, capitals: 3000, characters: 3003 },
  { emailId: 2, capitals: 2, characters: 5 },
  { emailId: 3, capitals: 0, characters: 1 },
];

const QUERY = `query($s: ExecutionStrategy, $w: Int, $c: Int) {
  capitalLetterStats(strategy: $s, workers: $w, chunkSize: $c, fresh: true) {
    totalCapitals perEmail { edges { node { emailId capitals characters } } }
    execution { strategy workers tasks dataPath chunkSize }
  }
}`;

interface Res {
  capitalLetterStats: {
    totalCapitals: number;
    perEmail: { edges: { node: { emailId: number; capitals: number; characters: number } }[] };
    execution: {
      strategy: string;
      workers: number;
      tasks: number;
      dataPath: string;
      chunkSize: number | null;
    };
  };
}

for (const budget of ["512", "0"]) {
  test(`capitals split across chunk boundaries count exactly (resident budget ${budget} MB)`, async (t) => {
    const { gql } = await startTestApp(t, { csv: ASTRAL_CSV, env: { RESIDENT_BUDGET_MB: budget } });
    for (const s of ["SEQUENTIAL", "THREADS", "PROCESSES"]) {
      for (const w of s === "SEQUENTIAL" ? [1] : [1, 2, 3, 4]) {
        for (const c of [null, 1, 2]) {
          const res = await gql<Res>(QUERY, { s, w, c });
          assert.equal(res.errors, undefined, JSON.stringify(res.errors));
          const stats = res.data!.capitalLetterStats;
          const where = `${s} workers=${w} chunkSize=${c}`;
          assert.deepEqual(
            stats.perEmail.edges.map((e) => e.node),
            HAND,
            where,
          );
          assert.equal(stats.totalCapitals, 3002, where);
          assert.equal(stats.execution.strategy, s);
          const resident = budget !== "0" && s !== "PROCESSES";
          assert.equal(stats.execution.dataPath, resident ? "resident" : "sqlite", where);
          // Only a planner that sees the text splits an email: then balanced plans make one task per worker.
          if (c === null && resident && s === "THREADS")
            assert.equal(stats.execution.tasks, w, where);
        }
      }
    }
  });
}

test("a reload invalidates the cache: the next query counts the new corpus", async (t) => {
  const { gql, app, dir } = await startTestApp(t);
  const q = `{ capitalLetterStats(strategy: THREADS) { totalCapitals execution { cached corpusVersion } } }`;
  type R = {
    capitalLetterStats: {
      totalCapitals: number;
      execution: { cached: boolean; corpusVersion: number };
    };
  };
  assert.equal((await gql<R>(q)).data!.capitalLetterStats.totalCapitals, 41);
  assert.equal((await gql<R>(q)).data!.capitalLetterStats.execution.cached, true);
  const file = path.join(dir, "next.csv");
  fs.writeFileSync(file, "Id,RawText\n1,ABC def\n");
  const db = openSqlite(app.config.databaseFile);
  await loadCsv(db, file);
  db.close();
  const after = (await gql<R>(q)).data!.capitalLetterStats;
  assert.deepEqual(after, { totalCapitals: 3, execution: { cached: false, corpusVersion: 2 } });
});

test("workers above the pool's maximum is BAD_USER_INPUT naming the range", async (t) => {
  const { gql } = await startTestApp(t);
  const res = await gql(`{ capitalLetterStats(strategy: THREADS, workers: 5) { totalCapitals } }`);
  assert.equal(res.errors?.[0].extensions?.code, "BAD_USER_INPUT");
  // POOL_SIZE=2 in tests: pools may grow to 2 x 2 workers for oversubscription experiments
  assert.equal(res.errors?.[0].message, "workers must be between 1 and 4 for THREADS (got 5)");
});
