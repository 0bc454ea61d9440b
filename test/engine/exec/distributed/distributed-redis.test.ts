import assert from "node:assert/strict";
import { test } from "node:test";
import { startTestApp } from "../../../support/test-app";
import { waitFor } from "../../../analyses/analysis-test-support";
import {
  HAND,
  HANG_GUARD,
  perEmail,
  startClusterWith,
  statsOn,
  untilWorkers,
  type GqlErrors,
} from "./distributed.fixture";

function errorOf(res: { errors?: unknown }): {
  message: string;
  code: unknown;
  variable?: unknown;
} {
  const [err] = res.errors as GqlErrors;
  return { message: err.message, code: err.extensions?.code, variable: err.extensions?.variable };
}

test(
  "REDIS_URL unset: DISTRIBUTED answers NOT_CONFIGURED naming it; nothing else changes",
  HANG_GUARD,
  async (t) => {
    const app = await startTestApp(t);
    const res = await statsOn(app, "DISTRIBUTED");
    const err = errorOf(res);
    assert.equal(err.code, "NOT_CONFIGURED");
    assert.equal(err.variable, "REDIS_URL");
    assert.match(err.message, /start the API with REDIS_URL set/);
    const threads = await statsOn(app, "THREADS");
    assert.deepEqual(perEmail(threads.data!), HAND);
    const metrics = await app.http.get("/metrics");
    assert.doesNotMatch(metrics.text, /capstats_distributed_workers/);
  },
);

test(
  "no worker connected: NO_WORKERS after DISTRIBUTED_NO_WORKERS_MS, never a hang",
  HANG_GUARD,
  async (t) => {
    const { app } = await startClusterWith(t, [], { env: { DISTRIBUTED_NO_WORKERS_MS: "500" } });
    const res = await statsOn(app, "DISTRIBUTED");
    const err = errorOf(res);
    assert.equal(err.code, "NO_WORKERS");
    assert.match(
      err.message,
      /no worker is connected to redis:\/\/127\.0\.0\.1:\d+ \(waited \d+ ms\)/,
    );
    assert.match(err.message, /npm run worker/);
    const seq = await statsOn(app, "SEQUENTIAL");
    assert.deepEqual(perEmail(seq.data!), HAND);
  },
);

test(
  "Redis down: DISTRIBUTED answers REDIS_UNAVAILABLE, the rest keeps working, and it reconnects",
  HANG_GUARD,
  async (t) => {
    const { app, redis } = await startClusterWith(t, [{}]);
    const before = await statsOn(app, "DISTRIBUTED");
    assert.deepEqual(perEmail(before.data!), HAND);

    await redis.stop();
    await waitFor("the API host to notice", async () => !app.app.executors.distributed!.redisUp);
    const down = await statsOn(app, "DISTRIBUTED");
    const err = errorOf(down);
    assert.equal(err.code, "REDIS_UNAVAILABLE");
    assert.match(err.message, /Redis at redis:\/\/127\.0\.0\.1:\d+ is unreachable/);
    for (const strategy of ["SEQUENTIAL", "THREADS", "PROCESSES", "AUTO"]) {
      const ok = await statsOn(app, strategy);
      assert.equal(ok.errors, undefined, `${strategy}: ${JSON.stringify(ok.errors)}`);
      assert.deepEqual(perEmail(ok.data!), HAND);
    }
    const emails = await app.gql<{ emails: { totalCount: number } }>("{ emails { totalCount } }");
    assert.equal(emails.data!.emails.totalCount, 7);
    const metrics = await app.http.get("/metrics");
    assert.match(metrics.text, /capstats_distributed_redis_up 0/);

    // Redis comes back empty (nothing persisted): the worker and the API host reconnect on
    // their own, and the chunks are staged again.
    await redis.start();
    await untilWorkers(app, 1);
    const after = await statsOn(app, "DISTRIBUTED");
    assert.equal(after.errors, undefined, JSON.stringify(after.errors));
    assert.deepEqual(perEmail(after.data!), HAND);
    assert.ok(after.data!.capitalLetterStats.execution.distributed!.bytesStaged > 0);
    const back = await app.http.get("/metrics");
    assert.match(back.text, /capstats_distributed_redis_up 1/);
    assert.match(back.text, /capstats_distributed_tasks_total\{worker="[^"]+:\d+"\} [1-9]/);
  },
);
