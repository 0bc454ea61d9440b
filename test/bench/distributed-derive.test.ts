import assert from "node:assert/strict";
import { test } from "node:test";
import { crossovers, jobOverheads } from "../../bench/distributed/derive";
import type { Timing } from "../../bench/distributed/measure";
import type { CorpusInfo } from "../../bench/results.types";

function timing(
  corpus: string,
  strategy: string,
  workers: number,
  chunkSize: number | null,
  medianMs: number,
  jobs = 2,
): Timing {
  return {
    corpus,
    strategy,
    workers,
    chunkSize,
    medianMs,
    samplesMs: [medianMs],
    jobs,
    report: {} as Timing["report"],
  };
}

const MIB = 2 ** 20;
const corpora = [
  { label: "1x", rawTextBytes: 10 * MIB },
  { label: "10x", rawTextBytes: 100 * MIB },
] as CorpusInfo[];

test("per-job overhead: the extra wall time of many jobs over balanced, per extra job", () => {
  const ts = [
    timing("1x", "DISTRIBUTED", 2, null, 50, 2),
    timing("1x", "DISTRIBUTED", 2, 10, 850, 802),
    timing("1x", "THREADS", 2, null, 5, 2),
  ];
  assert.deepEqual(jobOverheads(ts, "1x", 10), [
    { strategy: "DISTRIBUTED", perJobMs: 1, jobs: 802, balancedJobs: 2 },
  ]);
});

test("crossover: where the fitted lines meet, or never when DISTRIBUTED grows faster", () => {
  const ts = [
    // THREADS: 10 ms + 1 ms/MiB; DISTRIBUTED (4 workers): 100 ms + 0.5 ms/MiB -> equal at 180 MiB.
    timing("1x", "THREADS", 4, null, 20),
    timing("10x", "THREADS", 4, null, 110),
    timing("1x", "DISTRIBUTED", 4, null, 105),
    timing("10x", "DISTRIBUTED", 4, null, 150),
    // One worker: DISTRIBUTED grows as fast as THREADS and starts higher.
    timing("1x", "THREADS", 1, null, 20),
    timing("10x", "THREADS", 1, null, 110),
    timing("1x", "DISTRIBUTED", 1, null, 60),
    timing("10x", "DISTRIBUTED", 1, null, 150),
  ];
  const [four, one] = crossovers(ts, corpora, [4, 1]);
  assert.equal(four.mib, 180);
  assert.match(four.explanation, /cross at 180 MiB/);
  assert.equal(one.mib, null);
  assert.match(one.explanation, /^never/);
});
