import type { BenchCase, CaseResult, StrategyName } from "./results.types";
import { STRATEGIES } from "./results.types";

/**
 * The configurations measured on one corpus, the same in compute-only and HTTP mode.
 * The worker sweep uses balanced chunks; SEQUENTIAL has exactly one worker, so it
 * appears once, first, as the reference every other case is checked against. The
 * chunk sweep (default workers) runs only where `withChunks`: on the default corpus,
 * since chunkSize 1 on 10x is 79,450 round trips per run.
 */
export function casesFor(
  workerCounts: readonly number[],
  chunkSizes: readonly (number | null)[],
  withChunks: boolean,
): BenchCase[] {
  const cases: BenchCase[] = [
    { sweep: "workers", strategy: "SEQUENTIAL", workers: null, chunkSize: null },
  ];
  for (const strategy of STRATEGIES) {
    if (strategy === "SEQUENTIAL") continue;
    for (const workers of workerCounts) {
      cases.push({ sweep: "workers", strategy, workers, chunkSize: null });
    }
  }
  if (withChunks) {
    for (const strategy of STRATEGIES) {
      for (const chunkSize of chunkSizes) {
        cases.push({ sweep: "chunks", strategy, workers: null, chunkSize });
      }
    }
  }
  return cases;
}

export function caseLabel(c: BenchCase): string {
  const workers = c.workers === null ? "" : `(${c.workers})`;
  const chunk = c.sweep === "chunks" ? ` chunk ${c.chunkSize ?? "balanced"}` : "";
  return `${c.strategy}${workers}${chunk}`;
}

/** The balanced SEQUENTIAL case of a corpus and mode: the in-house baseline. */
export function sequentialOf(
  cases: readonly CaseResult[],
  corpus: string,
  mode: CaseResult["mode"],
): CaseResult | undefined {
  return cases.find(
    (c) =>
      c.corpus === corpus &&
      c.mode === mode &&
      c.sweep === "workers" &&
      c.strategy === "SEQUENTIAL",
  );
}

export function findCase(
  cases: readonly CaseResult[],
  where: Partial<Pick<CaseResult, "corpus" | "mode" | "sweep" | "workers" | "chunkSize">> & {
    strategy: StrategyName;
  },
): CaseResult | undefined {
  return cases.find((c) =>
    (Object.keys(where) as (keyof typeof where)[]).every((k) => c[k] === where[k]),
  );
}
