import assert from "node:assert/strict";
import { test } from "node:test";
import { ChunkCache } from "../../../../src/engine/exec/distributed/remote/chunk-cache";
import type { DecodedChunk } from "../../../../src/engine/exec/distributed/chunk-format";

function chunk(): DecodedChunk {
  return { bytes: new SharedArrayBuffer(1), starts: Float64Array.of(0), ends: Float64Array.of(1) };
}

const v = (version: number) => ({ corpus: "c", version });

test("the cache keeps the most recently used chunks within its bytes", async () => {
  const cache = new ChunkCache(250);
  let loads = 0;
  const load = async (): Promise<DecodedChunk> => (loads++, chunk());
  assert.equal((await cache.get("a", 100, v(1), load)).cached, false);
  assert.equal((await cache.get("b", 100, v(1), load)).cached, false);
  assert.equal((await cache.get("a", 100, v(1), load)).cached, true); // a is now the newest
  await cache.get("c", 100, v(1), load); // evicts b, the least recently used
  assert.deepEqual(cache.size, { entries: 2, bytes: 200 });
  assert.equal((await cache.get("a", 100, v(1), load)).cached, true);
  assert.equal((await cache.get("b", 100, v(1), load)).cached, false);
  assert.equal(loads, 4);
  // Larger than the whole cache: served, never kept.
  assert.equal((await cache.get("huge", 300, v(1), load)).cached, false);
  assert.equal((await cache.get("huge", 300, v(1), load)).cached, false);
});

test("a newer corpus version retires that corpus's chunks, not another's", async () => {
  const cache = new ChunkCache(1000);
  const load = async (): Promise<DecodedChunk> => chunk();
  await cache.get("a", 10, v(1), load);
  await cache.get("x", 10, { corpus: "other", version: 1 }, load);
  cache.retire("c", 1);
  assert.equal(cache.size.entries, 2, "the same version retires nothing");
  cache.retire("c", 2);
  assert.equal((await cache.get("x", 10, { corpus: "other", version: 1 }, load)).cached, true);
  assert.equal((await cache.get("a", 10, v(2), load)).cached, false);
  cache.retire("c", 1);
  assert.equal(
    (await cache.get("a", 10, v(2), load)).cached,
    true,
    "an older version retires nothing",
  );
});

test("jobs that need the same missing chunk share one download", async () => {
  const cache = new ChunkCache(1000);
  let loads = 0;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const load = async (): Promise<DecodedChunk> => {
    loads++;
    await gate;
    return chunk();
  };
  const both = Promise.all([cache.get("a", 10, v(1), load), cache.get("a", 10, v(1), load)]);
  release();
  const [first, second] = await both;
  assert.equal(loads, 1);
  assert.equal(first.chunk, second.chunk);
  assert.deepEqual([first.cached, second.cached], [false, true]);
  // A failed download is not cached: the next job tries again.
  await assert.rejects(
    cache.get("bad", 10, v(1), () => Promise.reject(new Error("gone"))),
    /gone/,
  );
  assert.equal((await cache.get("bad", 10, v(1), async () => chunk())).cached, false);
});
