import assert from "node:assert/strict";
import { test } from "node:test";
import { Redis } from "ioredis";
import { ChunkStager } from "../../../../src/engine/exec/distributed/chunk-stager";
import { StagingBudgetError } from "../../../../src/engine/exec/distributed/distributed-errors";
import { chunkKey } from "../../../../src/engine/exec/distributed/keys";
import type { ResidentTask } from "../../../../src/engine/exec/worker/task.types";
import { startRedis } from "../../../support/redis-server";
import { EMAILS, MASK, residentCorpus } from "../worker/corpus.fixture";

const { bytes, ranges } = residentCorpus();

function taskOf(ids: number[], version = 1): ResidentTask {
  return {
    kind: "resident",
    version,
    bytes,
    starts: Float64Array.from(ids, (id) => ranges.get(id)![0]),
    ends: Float64Array.from(ids, (id) => ranges.get(id)![1]),
    mask: MASK,
  };
}

async function setup(t: Parameters<typeof startRedis>[0], budgetBytes: number) {
  const server = await startRedis(t);
  const redis = new Redis(server.url);
  t.after(() => redis.disconnect());
  const stager = new ChunkStager(redis, {
    prefix: "t",
    budgetBytes,
    ttlMs: 60_000,
    readSqlite: () => assert.fail("resident tasks only"),
  });
  const exists = (digest: string) => redis.exists(chunkKey("t", digest));
  return { redis, stager, exists };
}

test("chunks go to Redis once per corpus version; what Redis lost is sent again", async (t) => {
  const { redis, stager, exists } = await setup(t, 1 << 20);
  const tasks = [taskOf([1]), taskOf([2, 3])];
  const first = await stager.stage(tasks);
  first.release();
  assert.equal(first.bytesStaged, first.chunks[0].size + first.chunks[1].size);
  assert.equal(first.chunks[1].segments, 2);
  for (const c of first.chunks) assert.equal(await exists(c.digest), 1);
  const ttl = await redis.pttl(chunkKey("t", first.chunks[0].digest));
  assert.ok(ttl > 0 && ttl <= 60_000, `ttl ${ttl}`);

  const second = await stager.stage(tasks);
  second.release();
  assert.equal(second.bytesStaged, 0);
  assert.deepEqual(second.chunks, first.chunks);

  await redis.del(chunkKey("t", first.chunks[1].digest));
  const third = await stager.stage(tasks);
  third.release();
  assert.equal(third.bytesStaged, first.chunks[1].size, "only the lost chunk");

  // A new version with the same text: same addresses, nothing to send.
  const reloaded = await stager.stage([taskOf([1], 2), taskOf([2, 3], 2)]);
  reloaded.release();
  assert.equal(reloaded.bytesStaged, 0);
  assert.deepEqual(reloaded.chunks, first.chunks);
});

test("staged bytes stay within the budget: least recently used first, never a running query's", async (t) => {
  // A one-email chunk: 8 header bytes, 4 for its length, then the text.
  const size = (id: number): number =>
    12 + Buffer.byteLength(EMAILS.find((e) => e.id === id)!.text);
  const budget = size(3) + size(2);
  const { stager, exists } = await setup(t, budget);
  const a = await stager.stage([taskOf([1])]);
  a.release();
  const b = await stager.stage([taskOf([3])]); // still running: pinned
  const c = await stager.stage([taskOf([2])]);
  c.release();
  assert.equal(stager.stagedBytes, budget);
  assert.equal(await exists(a.chunks[0].digest), 0, "the oldest unpinned chunk went");
  assert.equal(await exists(b.chunks[0].digest), 1);
  assert.equal(await exists(c.chunks[0].digest), 1);
  // Room for a new chunk is made from unpinned ones only: with b pinned, c goes.
  const d = await stager.stage([taskOf([1])]);
  d.release();
  assert.equal(await exists(b.chunks[0].digest), 1, "a running query's chunk stays");
  assert.equal(await exists(c.chunks[0].digest), 0);
  b.release();
  await assert.rejects(stager.stage([taskOf([1, 2, 3])]), (err: unknown) => {
    assert.ok(err instanceof StagingBudgetError);
    assert.match(err.message, /DISTRIBUTED_STAGE_MB/);
    return true;
  });
});
