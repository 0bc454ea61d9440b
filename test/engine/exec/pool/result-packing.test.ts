import assert from "node:assert/strict";
import { test } from "node:test";
import { ALL_METRICS_MASK, maskOf, METRIC_COUNT } from "../../../../src/metrics/metrics";
import { packForIpc, unpackFromIpc } from "../../../../src/engine/exec/pool/result-packing";
import type { CountTaskResult } from "../../../../src/engine/exec/worker/task.types";

/** A result as a kernel leaves it: values in the mask's columns, 0 everywhere else. */
function resultOf(n: number, mask: number): CountTaskResult {
  const counts = new Float64Array(n * METRIC_COUNT);
  for (let i = 0; i < counts.length; i++) {
    if ((mask & (1 << (i % METRIC_COUNT))) !== 0) counts[i] = (i * 7919) % 1000;
  }
  const edges = Uint8Array.from({ length: n }, (_, i) => i % 64);
  return { counts, edges, worker: "process:1", readMs: 1.5, computeMs: 2.5 };
}

test("a packed result carries only the mask's columns and unpacks to the original", () => {
  for (const mask of [maskOf(["CAPITALS", "CHARACTERS"]), maskOf(["WORDS"]), 0, ALL_METRICS_MASK]) {
    const original = resultOf(5, mask);
    const wire = packForIpc(resultOf(5, mask), mask);
    const columns = [...Array(METRIC_COUNT).keys()].filter((m) => (mask & (1 << m)) !== 0).length;
    if (columns < METRIC_COUNT) {
      assert.ok("packed" in wire);
      assert.equal(wire.packed.length, 5 * columns, `mask ${mask}`);
    } else {
      assert.ok(!("packed" in wire), "all metrics: nothing to drop");
    }
    assert.deepEqual(unpackFromIpc(wire), original, `mask ${mask}`);
  }
});
