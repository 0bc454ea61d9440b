import assert from "node:assert/strict";
import { test } from "node:test";
import {
  FAST_RECOVERY,
  HAND,
  HANG_GUARD,
  slowWorker,
  perEmail,
  startClusterWith,
  statsOn,
  untilBusy,
  untilQueueEmpty,
  untilWorkers,
  type GqlErrors,
} from "./distributed.fixture";

/** Each count waits 1.5 s first, so a test can kill the worker while it holds a job. */
const SLOW = slowWorker(1500, FAST_RECOVERY);

test(
  "SIGKILL of a worker mid-job: its job re-runs on the other one, every chunk counted once",
  HANG_GUARD,
  async (t) => {
    const { app, queue, workers } = await startClusterWith(t, [SLOW, SLOW]);
    const [victim, survivor] = workers;
    const pending = statsOn(app, "DISTRIBUTED", { chunkSize: 2, workers: 4 });
    await untilBusy(queue, victim);
    victim.child.kill("SIGKILL");
    assert.equal(await victim.exited, "SIGKILL");

    const res = await pending;
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const s = res.data!.capitalLetterStats;
    assert.deepEqual(perEmail(res.data!), HAND);
    assert.equal(s.totalCapitals, 41);
    assert.equal(s.execution.tasks, 4);
    const done = s.execution.perWorker.map(({ worker, tasks }) => ({ worker, tasks }));
    assert.equal(
      done.reduce((n, w) => n + w.tasks, 0),
      4,
      `each job completed once: ${JSON.stringify(done)}`,
    );
    assert.ok(
      done.some((w) => w.worker === survivor.id && w.tasks >= 3),
      JSON.stringify(done),
    );
    assert.equal(
      s.execution.distributed!.stalledJobs,
      1,
      "BullMQ's stalled-job recovery re-ran it",
    );
    assert.equal(s.execution.distributed!.jobs, 4);
  },
);

test(
  "the last worker killed mid-query: NO_WORKERS within seconds, its unstarted jobs removed",
  HANG_GUARD,
  async (t) => {
    const cluster = await startClusterWith(t, [SLOW]);
    const { app, queue } = cluster;
    const [only] = cluster.workers;
    const pending = statsOn(app, "DISTRIBUTED", { chunkSize: 1, workers: 7 });
    await untilBusy(queue, only);
    only.child.kill("SIGKILL");

    const res = await pending;
    const [err] = res.errors as GqlErrors;
    assert.equal(err.extensions?.code, "NO_WORKERS", err.message);
    assert.match(err.message, /every worker left .* \(\d of 7 jobs done\).*npm run worker/);
    const counts = await queue.getJobCounts("waiting", "delayed", "active");
    assert.deepEqual(
      { waiting: counts.waiting, delayed: counts.delayed },
      { waiting: 0, delayed: 0 },
      "nothing left queued for a worker that may come back",
    );

    // A worker that connects later recovers the job the dead one held; the queue drains and
    // DISTRIBUTED answers again.
    await cluster.spawn({ env: FAST_RECOVERY });
    await untilQueueEmpty(queue);
    await untilWorkers(app, 1);
    const again = await statsOn(app, "DISTRIBUTED");
    assert.equal(again.errors, undefined, JSON.stringify(again.errors));
    assert.deepEqual(perEmail(again.data!), HAND);
  },
);
