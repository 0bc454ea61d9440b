import { createApp } from "../src/app";
import type { ExecutionStrategy } from "../src/engine";
import type { MetricMatrix } from "../src/metrics/metric-matrix";
import { maskOf } from "../src/metrics/metrics";
import { sum } from "../src/metrics/aggregates";
import type { Repetitions } from "./bench-options";
import { benchConfig, quietApp } from "./bench-config";
import { caseLabel } from "./cases";
import { toCaseResult, type Sample } from "./case-result";
import type { Log } from "./corpora";
import type { BenchCase, CaseResult, ColdStart, CorpusInfo } from "./results.types";
import { roundRobin } from "./sampling";

/** What capitalLetterStats asks of the engine, so compute-only does the same work as HTTP. */
export const CAPITALS_MASK = maskOf(["CAPITALS", "CHARACTERS"]);

export interface ComputeRun {
  results: CaseResult[];
  /** Capitals per email in Id order, from the first case (SEQUENTIAL). */
  capitals: Float64Array;
  coldStart: ColdStart;
}

/**
 * Compute-only: the engine called in-process through the stats service (fresh, so
 * never cached), with no GraphQL or HTTP in the way. Every repetition's per-email
 * counts are compared with the first SEQUENTIAL run's.
 */
export async function measureCompute(
  corpus: CorpusInfo,
  cases: readonly BenchCase[],
  rounds: Repetitions,
  poolSize: number | undefined,
  log: Log,
): Promise<ComputeRun> {
  const app = await createApp(benchConfig(corpus.dbFile, poolSize), quietApp());
  let reference = null as MetricMatrix | null; // "as": set in a callback, which narrowing cannot see
  let coldStart: ColdStart | null = null;
  try {
    log(`compute ${corpus.label}: ${cases.length} cases x ${rounds.warmup}+${rounds.reps} rounds`);
    const recorded = await roundRobin(cases, rounds, async (c): Promise<Sample> => {
      const started = performance.now();
      const r = await app.stats.compute({
        mask: CAPITALS_MASK,
        strategy: c.strategy as ExecutionStrategy,
        workers: c.workers,
        chunkSize: c.chunkSize,
        fresh: true,
      });
      const ms = performance.now() - started;
      reference ??= r.counts;
      coldStart ??= {
        corpus: corpus.label,
        strategy: c.strategy,
        firstQueryMs: ms,
        corpusLoadMs: r.report.loadMs,
        dataPath: r.report.dataPath,
      };
      return {
        ms,
        report: r.report,
        totalCapitals: sum(r.counts.column("CAPITALS")),
        totalCharacters: sum(r.counts.column("CHARACTERS")),
        agrees: r.counts.sameAs(reference, CAPITALS_MASK),
      };
    });
    const results = cases.map((c, i) => toCaseResult(corpus, "compute", c, recorded[i]));
    for (const r of results) {
      if (!r.agrees) log(`compute ${corpus.label}: ${caseLabel(r)} DISAGREES with SEQUENTIAL`);
    }
    if (!reference || !coldStart) throw new Error("no case ran");
    return { results, capitals: reference.column("CAPITALS"), coldStart };
  } finally {
    await app.close();
  }
}
