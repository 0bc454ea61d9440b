import assert from "node:assert/strict";
import { test } from "node:test";
import type { ResidentTask, SqliteTask } from "../../../../src/engine/exec/worker/task.types";
import { runCountTask } from "../../../../src/engine/exec/worker/count.task";
import { CorpusChangedError } from "../../../../src/engine/errors";
import { WorkerEnv } from "../../../../src/engine/exec/worker/worker-env";
import {
  createCorpusDb,
  EXPECTED,
  MASK,
  residentTaskOf,
  segment,
  SPLIT_AT,
  sqliteTaskOf,
  type CorpusDb,
} from "./corpus.fixture";

function sqliteTask(db: CorpusDb, overrides: Partial<SqliteTask> = {}): SqliteTask {
  // Out of id order, with email 2 split in two, so layout and ordering both matter.
  return sqliteTaskOf(db, [[3], [2, 0, SPLIT_AT], [1], [2, SPLIT_AT]], overrides);
}

test("runCountTask, resident: counts each segment of the shared buffer, including a split next to an astral capital", () => {
  const task = residentTaskOf([[2], [1], [2, 0, SPLIT_AT], [2, SPLIT_AT]]);
  const r = runCountTask(task, new WorkerEnv("main"));
  assert.deepEqual(segment(r.counts, 0), EXPECTED.email2);
  assert.deepEqual(segment(r.counts, 1), EXPECTED.email1);
  assert.deepEqual(segment(r.counts, 2), EXPECTED.email2Head);
  assert.deepEqual(segment(r.counts, 3), EXPECTED.email2Tail);
  assert.equal(r.edges.length, 4);
  assert.equal(r.worker, "main");
  assert.equal(r.readMs, 0);
  assert.ok(r.computeMs >= 0);
});

test("runCountTask, resident: rejects bytes that are neither shared memory nor a Uint8Array", () => {
  const task = {
    kind: "resident",
    version: 1,
    bytes: [72, 105],
    starts: new Float64Array([0]),
    ends: new Float64Array([2]),
    mask: MASK,
  } as unknown as ResidentTask;
  assert.throws(() => runCountTask(task, new WorkerEnv("main")), /SharedArrayBuffer/);
});

test("runCountTask, resident: names an unknown task kind", () => {
  const task = { kind: "remote" } as unknown as ResidentTask;
  assert.throws(
    () => runCountTask(task, new WorkerEnv("main")),
    /unknown count task kind "remote"/,
  );
});

test("runCountTask, sqlite", async (t) => {
  let db: CorpusDb;
  let env: WorkerEnv;
  t.beforeEach(() => {
    db = createCorpusDb(1);
    env = new WorkerEnv("main");
  });
  t.afterEach(() => {
    env.close();
    db.cleanup();
  });

  await t.test("reads the texts and counts segments relative to their email, in task order", () => {
    const r = runCountTask(sqliteTask(db), env);
    assert.deepEqual(segment(r.counts, 0), EXPECTED.email3);
    assert.deepEqual(segment(r.counts, 1), EXPECTED.email2Head);
    assert.deepEqual(segment(r.counts, 2), EXPECTED.email1);
    assert.deepEqual(segment(r.counts, 3), EXPECTED.email2Tail);
    assert.equal(r.worker, "main");
    assert.ok(r.readMs >= 0 && r.computeMs >= 0);
  });

  await t.test("keeps one connection per file across tasks", () => {
    runCountTask(sqliteTask(db), env);
    const reader = env.corpus(db.file);
    runCountTask(sqliteTask(db), env);
    assert.equal(env.corpus(db.file), reader);
  });

  await t.test("throws CORPUS_CHANGED when the database holds another version", () => {
    runCountTask(sqliteTask(db), env); // the cached connection must see the later write
    db.setVersion(2);
    assert.throws(
      () => runCountTask(sqliteTask(db, { version: 1 }), env),
      (err: unknown) => {
        assert.ok(err instanceof CorpusChangedError);
        assert.equal(err.code, "CORPUS_CHANGED");
        assert.equal(err.name, "CORPUS_CHANGED");
        assert.equal(err.expectedVersion, 1);
        assert.equal(err.actualVersion, 2);
        return true;
      },
    );
    const r = runCountTask(sqliteTask(db, { version: 2 }), env);
    assert.deepEqual(segment(r.counts, 2), EXPECTED.email1);
  });

  await t.test("names ids that are not in the corpus", () => {
    const task = sqliteTask(db, {
      ids: new Int32Array([1, 99]),
      starts: new Float64Array([0, 0]),
      ends: new Float64Array([11, 1]),
    });
    assert.throws(() => runCountTask(task, env), /email ids 99 are not in corpus version 1/);
  });

  await t.test("rejects a segment that runs past its email", () => {
    const task = sqliteTask(db, {
      ids: new Int32Array([1]),
      starts: new Float64Array([0]),
      ends: new Float64Array([12]),
    });
    assert.throws(() => runCountTask(task, env), /segment 0 \[0, 12\) of email 1 .* 11 bytes/);
  });

  await t.test("rejects a segment that cuts through the astral capital", () => {
    const task = sqliteTask(db, {
      ids: new Int32Array([2]),
      starts: new Float64Array([0]),
      ends: new Float64Array([SPLIT_AT + 1]),
    });
    assert.throws(() => runCountTask(task, env), /cuts through a UTF-8 code point/);
  });

  await t.test("rejects mismatched array lengths and a relative database path", () => {
    assert.throws(
      () => runCountTask(sqliteTask(db, { ends: new Float64Array([1]) }), env),
      /4 ids, 4 starts and 1 ends/,
    );
    assert.throws(
      () => runCountTask(sqliteTask(db, { dbFile: "corpus.db" }), env),
      /dbFile must be an absolute path/,
    );
  });

  await t.test("names a database file that cannot be opened", () => {
    const task = sqliteTask(db, { dbFile: `${db.dir}/missing.db` });
    assert.throws(() => runCountTask(task, env), /cannot open corpus database .*missing\.db/);
  });
});
