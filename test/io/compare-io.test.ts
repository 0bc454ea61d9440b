import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { onlyError, type GraphQLBody } from "../support/graphql-checks";
import type { IoRun } from "../../src/io/io.service";
import { startTestApp } from "../support/test-app";

const IO = `query($readers: [Int!], $repetitions: Int, $via: [IoVia!]) {
  compareIo(readers: $readers, repetitions: $repetitions, via: $via) {
    file fileBytes repetitions threadpoolSize
    runs { via readers reads bytesRead wallMs megabytesPerSecond speedup }
  }
}`;

interface IoAnswer {
  compareIo: {
    file: string;
    fileBytes: number;
    repetitions: number;
    threadpoolSize: number;
    runs: IoRun[];
  };
}

test("compareIo reads the corpus file N times, alone and shared among readers, every byte", async (t) => {
  const app = await startTestApp(t);
  const dbFile = app.app.config.databaseFile;
  const body = await app.gql<IoAnswer>(IO, { readers: [2, 3], repetitions: 5 });
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  const io = body.data!.compareIo;
  // The oracle is the file system: stat, and what a plain read returns.
  const size = fs.statSync(dbFile).size;
  assert.equal(fs.readFileSync(dbFile).length, size);
  assert.equal(io.file, path.basename(dbFile));
  assert.equal(io.fileBytes, size);
  assert.equal(io.repetitions, 5);
  assert.ok(io.threadpoolSize >= 1);
  assert.deepEqual(
    io.runs.map((r) => [r.via, r.readers, r.reads]),
    [
      ["THREADPOOL", 1, [5]],
      ["THREADPOOL", 2, [3, 2]],
      ["THREADPOOL", 3, [2, 2, 1]],
      ["WORKER_THREADS", 1, [5]],
      ["WORKER_THREADS", 2, [3, 2]],
      ["WORKER_THREADS", 3, [2, 2, 1]],
    ],
  );
  for (const r of io.runs) {
    assert.equal(r.bytesRead, size * 5, `${r.via} x${r.readers} read the file 5 times`);
    assert.ok(r.wallMs > 0);
    // Derived figures are consistent with the measured ones.
    assert.ok(Math.abs(r.megabytesPerSecond - r.bytesRead / 1e3 / r.wallMs) < 1e-6);
    const one = io.runs.find((o) => o.via === r.via && o.readers === 1)!;
    assert.ok(Math.abs(r.speedup - one.wallMs / r.wallMs) < 1e-9);
  }
});

test("compareIo's limits are explicit, and it waits its turn like any heavy query", async (t) => {
  const app = await startTestApp(t, { env: { MAX_CONCURRENT_HEAVY: "1", MAX_QUEUED_HEAVY: "0" } });
  const refused = async (vars: Record<string, unknown>, message: RegExp): Promise<void> => {
    const err = onlyError((await app.gql(IO, vars)) as GraphQLBody);
    assert.equal(err.code, "BAD_USER_INPUT");
    assert.match(err.message, message);
  };
  await refused({ repetitions: 0 }, /repetitions must be between 1 and 32/);
  await refused({ repetitions: 33 }, /repetitions must be between 1 and 32/);
  await refused({ readers: [9], repetitions: 32 }, /readers must be between 1 and 8/);
  await refused({ readers: [2, 3, 4, 5, 6] }, /at most 4 reader counts/);
  await refused(
    { readers: [4], repetitions: 2 },
    /readers \(4\) must not exceed repetitions \(2\)/,
  );
  await refused({ via: [] }, /via must name at least one IoVia/);
  // A heavy field: the slot taken by one compareIo refuses a second at once.
  const big = { readers: [8], repetitions: 32 };
  const first = app.gql<IoAnswer>(IO, big);
  const deadline = Date.now() + 20_000;
  while (
    !/^capstats_gate_running\{gate="heavy"\} 1$/m.test((await app.http.get("/metrics")).text)
  ) {
    assert.ok(Date.now() < deadline, "the first compareIo never took the slot");
    await new Promise((r) => setTimeout(r, 5));
  }
  const second = onlyError((await app.gql(IO, { readers: [], repetitions: 1 })) as GraphQLBody);
  assert.equal(second.code, "OVERLOADED");
  const done = await first;
  assert.equal(done.errors, undefined, JSON.stringify(done.errors));
  assert.equal(done.data!.compareIo.runs.length, 4);
});
