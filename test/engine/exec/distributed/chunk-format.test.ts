import assert from "node:assert/strict";
import { test } from "node:test";
import {
  decodeChunk,
  decodeResult,
  digestOf,
  encodeChunk,
  encodeResult,
} from "../../../../src/engine/exec/distributed/chunk-format";
import { countSegments } from "../../../../src/engine/kernels/text.kernel";
import { ALL_METRICS_MASK, METRIC_COUNT, METRIC_INDEX } from "../../../../src/metrics/metrics";
import { EXPECTED, MASK, residentCorpus, segment, SPLIT_AT } from "../worker/corpus.fixture";

test("a chunk holds exactly its segments, end to end, under the SHA-256 of its bytes", () => {
  const { bytes, ranges } = residentCorpus();
  const [s1, e1] = ranges.get(1)!;
  const [s2, e2] = ranges.get(2)!;
  // Email 1 whole, then email 2's tail from the split point: a chunk as a balanced plan cuts it.
  const enc = encodeChunk(
    new Uint8Array(bytes),
    Float64Array.of(s1, s2 + SPLIT_AT),
    Float64Array.of(e1, e2),
  );
  assert.equal(enc.segments, 2);
  assert.equal(enc.digest, digestOf(enc.blob));
  assert.match(enc.digest, /^[0-9a-f]{64}$/);
  assert.equal(enc.blob.length, 8 + 4 * 2 + (e1 - s1) + (e2 - s2 - SPLIT_AT));
  const dec = decodeChunk(enc.blob);
  assert.deepEqual([...dec.starts], [0, e1 - s1]);
  assert.deepEqual([...dec.ends], [e1 - s1, e1 - s1 + e2 - s2 - SPLIT_AT]);
  const { counts } = countSegments(new Uint8Array(dec.bytes), dec.starts, dec.ends, MASK);
  assert.deepEqual(segment(counts, 0), EXPECTED.email1);
  assert.deepEqual(segment(counts, 1), EXPECTED.email2Tail);
  // Same text, same address; other text, another one.
  const again = encodeChunk(
    new Uint8Array(bytes),
    Float64Array.of(s1, s2 + SPLIT_AT),
    Float64Array.of(e1, e2),
  );
  assert.equal(again.digest, enc.digest);
  assert.notEqual(
    encodeChunk(new Uint8Array(bytes), Float64Array.of(s1), Float64Array.of(e1)).digest,
    enc.digest,
  );
});

test("a chunk that cuts a code point, or a blob that is not a chunk, is refused", () => {
  const { bytes, ranges } = residentCorpus();
  const [s2] = ranges.get(2)!;
  assert.throws(
    () => encodeChunk(new Uint8Array(bytes), Float64Array.of(s2 + 1), Float64Array.of(s2 + 4)),
    /cuts through a UTF-8 code point/,
  );
  const { blob } = encodeChunk(new Uint8Array(bytes), Float64Array.of(s2), Float64Array.of(s2 + 6));
  assert.throws(() => decodeChunk(Buffer.from("not a chunk")), /not a Capstats chunk/);
  assert.throws(() => decodeChunk(blob.subarray(0, blob.length - 1)), /add up to 6 bytes/);
});

test("results round-trip bit for bit in the mask's columns, and a wrong result is refused", () => {
  const caps = METRIC_INDEX.CAPITALS;
  const chars = METRIC_INDEX.CHARACTERS;
  const mask = (1 << caps) | (1 << chars);
  // Three segments counted by hand: 2 capitals in 4 code points, 1 in 2, none in none.
  const counts = new Float64Array(3 * METRIC_COUNT);
  [
    [2, 4],
    [1, 2],
    [0, 0],
  ].forEach(([c, n], i) => {
    counts[i * METRIC_COUNT + caps] = c;
    counts[i * METRIC_COUNT + chars] = n;
  });
  const edges = Uint8Array.of(1, 0, 3);
  const buf = encodeResult(counts, edges, mask);
  assert.equal(buf.length, 8 + 3 * 2 * 8 + 3, "header, two columns of three rows, three flags");
  // Off an 8-byte boundary, as a Buffer from a socket may be.
  const shifted = Buffer.concat([Buffer.from([9]), buf]).subarray(1);
  const back = decodeResult(shifted, 3, mask);
  assert.equal(back.holds, mask);
  assert.deepEqual(Array.from(back.counts), [2, 4, 1, 2, 0, 0], "CAPITALS, CHARACTERS per row");
  assert.deepEqual(back.edges, edges);
  const all = encodeResult(counts, edges, ALL_METRICS_MASK);
  assert.deepEqual(decodeResult(all, 3, ALL_METRICS_MASK).counts, counts);
  assert.throws(() => decodeResult(buf, 2, mask), /a result for 2 segments has 42 bytes, got 59/);
  assert.throws(() => decodeResult(buf, 3, 1 << caps), /holds metric mask 65, not 1/);
  // A worker of the version before sent all seven columns with no header.
  const old = Buffer.alloc(3 * METRIC_COUNT * 8 + 3);
  assert.throws(() => decodeResult(old, 3, mask), /not a Capstats job result .* another version/);
});
