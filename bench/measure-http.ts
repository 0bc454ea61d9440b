import type { Repetitions } from "./bench-options";
import { caseLabel } from "./cases";
import { toCaseResult, type ReportFields, type Sample } from "./case-result";
import type { Log } from "./corpora";
import type { BenchCase, CaseResult, CorpusInfo } from "./results.types";
import { roundRobin } from "./sampling";
import type { BenchServer } from "./bench-server-control";

export const HEAVY_QUERY = `query Bench($strategy: ExecutionStrategy!, $workers: Int, $chunkSize: Int) {
  capitalLetterStats(strategy: $strategy, workers: $workers, chunkSize: $chunkSize, fresh: true) {
    totalCapitals
    totalCharacters
    execution {
      strategy reason workers tasks dataPath
      wallMs queueMs otherMs loadMs planMs executeMs mergeMs dispatchMs readMs computeMs
    }
  }
}`;

interface HeavyAnswer {
  capitalLetterStats: { totalCapitals: number; totalCharacters: number; execution: ReportFields };
}

export interface Totals {
  totalCapitals: number;
  totalCharacters: number;
}

/** One fresh capitalLetterStats over HTTP; `ms` is the client's whole round trip. */
export async function runHeavy(
  server: BenchServer,
  c: Pick<BenchCase, "strategy" | "workers" | "chunkSize">,
): Promise<{ ms: number; stats: HeavyAnswer["capitalLetterStats"] }> {
  const started = performance.now();
  const data = await server.gql<HeavyAnswer>(HEAVY_QUERY, {
    strategy: c.strategy,
    workers: c.workers,
    chunkSize: c.chunkSize,
  });
  return { ms: performance.now() - started, stats: data.capitalLetterStats };
}

/**
 * End to end: the same cases as compute-only, as GraphQL requests to a server in
 * another process. Per-email values would need paging through perEmail, which
 * would dominate the timing, so agreement here is on the totals, checked against
 * the compute-only reference (whose per-email values were compared in full).
 */
export async function measureHttp(
  server: BenchServer,
  corpus: CorpusInfo,
  cases: readonly BenchCase[],
  rounds: Repetitions,
  reference: Totals,
  log: Log,
): Promise<CaseResult[]> {
  log(`http ${corpus.label}: ${cases.length} cases x ${rounds.warmup}+${rounds.reps} rounds`);
  const recorded = await roundRobin(cases, rounds, async (c): Promise<Sample> => {
    const { ms, stats } = await runHeavy(server, c);
    return {
      ms,
      report: stats.execution,
      totalCapitals: stats.totalCapitals,
      totalCharacters: stats.totalCharacters,
      agrees:
        stats.totalCapitals === reference.totalCapitals &&
        stats.totalCharacters === reference.totalCharacters,
    };
  });
  const results = cases.map((c, i) => toCaseResult(corpus, "http", c, recorded[i]));
  for (const r of results) {
    if (!r.agrees) log(`http ${corpus.label}: ${caseLabel(r)} totals DISAGREE with compute-only`);
  }
  return results;
}
