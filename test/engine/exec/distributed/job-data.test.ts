import assert from "node:assert/strict";
import { test } from "node:test";
import {
  parseCountJobData,
  parseCountJobResult,
} from "../../../../src/engine/exec/distributed/job.types";
import {
  jobIdOf,
  parseJobId,
  parseWorkerName,
  workerName,
} from "../../../../src/engine/exec/distributed/keys";
import { loadConfig, loadWorkerConfig } from "../../../../src/config";

const GOOD = { chunk: "a".repeat(64), size: 20, segments: 2, mask: 65, corpus: "c1", version: 3 };

test("job data from the network is checked field by field", () => {
  assert.deepEqual(parseCountJobData(GOOD), GOOD);
  assert.throws(() => parseCountJobData(null), /job data must be an object/);
  assert.throws(
    () => parseCountJobData({ ...GOOD, chunk: "zz" }),
    /job data\.chunk is not a valid value/,
  );
  assert.throws(
    () => parseCountJobData({ ...GOOD, size: -1 }),
    /job data\.size must be a non-negative integer/,
  );
  assert.throws(() => parseCountJobData({ ...GOOD, mask: 0 }), /not a metric set/);
  assert.throws(() => parseCountJobData({ ...GOOD, mask: 1 << 12 }), /not a metric set/);
  const result = {
    worker: "h:1",
    result: "k",
    handledMs: 1.5,
    fetchMs: 0.5,
    computeMs: 1,
    fetchedBytes: 0,
    resultBytes: 9,
    cached: true,
  };
  assert.deepEqual(parseCountJobResult(JSON.stringify(result)), result);
  assert.throws(
    () => parseCountJobResult({ ...result, cached: "yes" }),
    /cached must be a boolean/,
  );
});

test("job ids and worker names survive the trip through Redis", () => {
  assert.deepEqual(parseJobId(jobIdOf("q0abc", 12)), { queryId: "q0abc", index: 12 });
  assert.equal(parseJobId("someone-else:7"), null);
  assert.deepEqual(parseWorkerName(workerName("box-1.lan:4242", 8)), {
    id: "box-1.lan:4242",
    concurrency: 8,
  });
  assert.equal(parseWorkerName("api"), null);
});

test("REDIS_URL: unset leaves DISTRIBUTED unconfigured on the API, stops a worker, and must be a redis URL", () => {
  assert.equal(loadConfig({}).redisUrl, null);
  assert.equal(loadConfig({ REDIS_URL: "redis://h:1" }).redisUrl, "redis://h:1");
  assert.throws(
    () => loadConfig({ REDIS_URL: "http://h" }),
    /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/,
  );
  assert.throws(() => loadWorkerConfig({}), /REDIS_URL is not set/);
  const w = loadWorkerConfig({ REDIS_URL: "redis://h:1", WORKER_CONCURRENCY: "3" });
  assert.equal(w.concurrency, 3);
  assert.throws(
    () => loadWorkerConfig({ REDIS_URL: "redis://h:1", WORKER_CONCURRENCY: "0" }),
    /WORKER_CONCURRENCY must be an integer between 1 and 256/,
  );
  assert.throws(() => loadConfig({ DISTRIBUTED_PREFIX: "a b" }), /DISTRIBUTED_PREFIX must be/);
});
