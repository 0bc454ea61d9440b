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
import { METRIC_COUNT } from "../../../../src/metrics/metrics";
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

test("results round-trip bit for bit, and a result of the wrong size is refused", () => {
  const counts = Float64Array.from({ length: 3 * METRIC_COUNT }, (_, i) => i * 1.5);
  const edges = Uint8Array.of(1, 0, 3);
  const buf = encodeResult(counts, edges);
  // Off an 8-byte boundary, as a Buffer from a socket may be.
  const shifted = Buffer.concat([Buffer.from([9]), buf]).subarray(1);
  const back = decodeResult(shifted, 3);
  assert.deepEqual(back.counts, counts);
  assert.deepEqual(back.edges, edges);
  assert.throws(() => decodeResult(buf, 2), /a result for 2 segments has/);
});
