import assert from "node:assert/strict";
import { test } from "node:test";
import {
  generatedCsv,
  getRun,
  startRun,
  waitFor,
  waitForEnd,
} from "../../../analyses/analysis-test-support";
import {
  HANG_GUARD,
  slowWorker,
  startClusterWith,
  statsOn,
  untilQueueEmpty,
  type GqlErrors,
} from "./distributed.fixture";

test("a query that times out takes its outstanding jobs with it", HANG_GUARD, async (t) => {
  const { app, queue } = await startClusterWith(t, [slowWorker(1500)], {
    env: { QUERY_TIMEOUT_MS: "1000" },
  });
  // 7 jobs, one at a time: when the second ends past the timeout, five are still held back.
  const res = await statsOn(app, "DISTRIBUTED", { chunkSize: 1, workers: 1 });
  const [err] = res.errors as GqlErrors;
  assert.equal(err.extensions?.code, "TIMEOUT", err.message);
  assert.match(err.message, /DISTRIBUTED: query exceeded its 1000 ms timeout/);
  // By the time the client has the error, nothing of the query is left waiting for a worker;
  // only the job in hand (at most one) runs to its end.
  const left = await queue.getJobCounts("waiting", "delayed", "active");
  assert.deepEqual([left.waiting, left.delayed], [0, 0]);
  assert.ok(left.active <= 1, `active ${left.active}`);
  await untilQueueEmpty(queue);
});

test("cancelAnalysis of a DISTRIBUTED run removes its outstanding jobs", HANG_GUARD, async (t) => {
  const { app, queue } = await startClusterWith(t, [slowWorker(200)], {
    csv: await generatedCsv(60, 5),
  });
  const run = await startRun(app, { strategy: "DISTRIBUTED", chunkSize: 1, workers: 1 });
  await waitFor("the run to make progress", async () => (await getRun(app, run.id)).emailsDone > 0);
  const res = await app.gql<{ cancelAnalysis: { status: string } }>(
    `mutation($id: ID!) { cancelAnalysis(id: $id) { status } }`,
    { id: run.id },
  );
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  assert.equal(res.data!.cancelAnalysis.status, "CANCELLED");
  const left = await queue.getJobCounts("waiting", "delayed", "active");
  assert.deepEqual([left.waiting, left.delayed], [0, 0], "its 50-odd unstarted jobs are gone");
  await untilQueueEmpty(queue);
  // The queue is free for the next run, which completes with every email.
  const next = await startRun(app, { strategy: "DISTRIBUTED", chunkSize: 20 });
  const done = await waitForEnd(app, next.id);
  assert.equal(done.status, "COMPLETED");
  assert.equal(done.emailsDone, 60);
});
