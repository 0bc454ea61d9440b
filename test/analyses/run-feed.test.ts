import assert from "node:assert/strict";
import { test } from "node:test";
import { ANALYSIS_PROGRESS, RunFeed } from "../../src/analyses/run-feed";
import { RunStatus, type RunRecord } from "../../src/analyses/run-record";
import { ExecutionStrategy } from "../../src/engine";

function run(id: number, status: RunStatus, emailsDone = 0): RunRecord {
  return {
    id,
    status,
    mask: 1,
    strategy: ExecutionStrategy.AUTO,
    workers: null,
    chunkSize: null,
    filter: null,
    corpusVersion: null,
    emailCount: 10,
    emailsDone,
    totals: [],
    summaries: null,
    execution: null,
    error: null,
    createdAt: new Date(0),
    startedAt: null,
    finishedAt: null,
    tokenHash: null,
  };
}

async function drain(it: AsyncIterable<RunRecord | null>): Promise<(string | null)[]> {
  const seen: (string | null)[] = [];
  for await (const r of it) seen.push(r ? `${r.id}:${r.status}:${r.emailsDone}` : null);
  return seen;
}

test("RunFeed: yields the current state, then every published one in order, and ends after a terminal one", async () => {
  const rows = new Map([[1, run(1, RunStatus.PENDING)]]);
  const feed = new RunFeed((id) => rows.get(id) ?? null);
  const sub = feed.subscribe(ANALYSIS_PROGRESS, "1");
  assert.equal(feed.size, 1);
  const seen = drain(sub);
  feed.publish(ANALYSIS_PROGRESS, run(1, RunStatus.RUNNING, 0));
  feed.publish(ANALYSIS_PROGRESS, run(2, RunStatus.RUNNING, 5)); // another run: not delivered
  feed.publish(ANALYSIS_PROGRESS, run(1, RunStatus.RUNNING, 4));
  feed.publish(ANALYSIS_PROGRESS, run(1, RunStatus.COMPLETED, 10));
  feed.publish(ANALYSIS_PROGRESS, run(1, RunStatus.COMPLETED, 10)); // after the end: dropped
  assert.deepEqual(await seen, ["1:PENDING:0", "1:RUNNING:0", "1:RUNNING:4", "1:COMPLETED:10"]);
  assert.equal(feed.size, 0);
});

test("RunFeed: ends at once for a run that already ended, and sends null for an unknown run", async () => {
  const feed = new RunFeed((id) => (id === 3 ? run(3, RunStatus.FAILED) : null));
  assert.deepEqual(await drain(feed.subscribe(ANALYSIS_PROGRESS, "3")), ["3:FAILED:0"]);
  assert.deepEqual(await drain(feed.subscribe(ANALYSIS_PROGRESS, 77)), [null]);
  assert.equal(feed.size, 0);
});

test("RunFeed: unregisters a subscriber that leaves while waiting, and settles its pending next()", async () => {
  const feed = new RunFeed((id) => run(id, RunStatus.RUNNING));
  const it = feed.subscribe(ANALYSIS_PROGRESS, "5")[Symbol.asyncIterator]();
  assert.equal((await it.next()).done, false);
  const pending = it.next();
  assert.equal(feed.size, 1);
  await it.return!();
  assert.deepEqual(await pending, { value: undefined, done: true });
  assert.equal(feed.size, 0);
  feed.publish(ANALYSIS_PROGRESS, run(5, RunStatus.RUNNING, 1));
  assert.deepEqual(await it.next(), { value: undefined, done: true });
});

test("RunFeed: rejects a malformed id and a topic it does not carry", () => {
  const feed = new RunFeed(() => null);
  assert.throws(() => feed.subscribe(ANALYSIS_PROGRESS, "12abc"), /id must be an analysis run id/);
  assert.throws(() => feed.subscribe("OTHER", "1"), /only carries ANALYSIS_PROGRESS/);
});
