import { findCase, sequentialOf } from "./cases";
import type {
  CaseResult,
  CorpusInfo,
  PythonBaseline,
  ScalingRow,
  StrategyName,
} from "./results.types";
import { STRATEGIES } from "./results.types";

export function pythonSequentialMs(python: PythonBaseline, corpus: string): number | null {
  const run = python.corpora.find((c) => c.corpus === corpus);
  return run?.variants.find((v) => v.name === "sequential")?.wallMs.median ?? null;
}

/** Fills each case's ratios: SEQUENTIAL's median over its own, Python sequential's over its own. */
export function addRatios(cases: CaseResult[], python: PythonBaseline): void {
  for (const c of cases) {
    const seq = sequentialOf(cases, c.corpus, c.mode);
    const py = pythonSequentialMs(python, c.corpus);
    c.vsSequential = seq ? seq.wallMs.median / c.wallMs.median : null;
    c.vsPythonSequential = py === null ? null : py / c.wallMs.median;
  }
}

/**
 * The worker-sweep case a strategy is represented by in the scaling table: one
 * worker per core (SEQUENTIAL has only its one), balanced chunks.
 */
export function representative(
  cases: readonly CaseResult[],
  corpus: string,
  mode: CaseResult["mode"],
  strategy: StrategyName,
  cores: number,
): CaseResult | undefined {
  if (strategy === "SEQUENTIAL") return sequentialOf(cases, corpus, mode);
  return findCase(cases, { corpus, mode, sweep: "workers", strategy, workers: cores });
}

export function scalingTable(
  corpora: readonly CorpusInfo[],
  cases: readonly CaseResult[],
  python: PythonBaseline,
  cores: number,
): ScalingRow[] {
  return corpora.map((corpus) => {
    const pick = (mode: CaseResult["mode"]): ScalingRow["compute"] =>
      Object.fromEntries(
        STRATEGIES.flatMap((s) => {
          const c = representative(cases, corpus.label, mode, s, cores);
          return c ? [[s, c.wallMs.median]] : [];
        }),
      );
    return {
      corpus: corpus.label,
      emails: corpus.emails,
      rawTextMb: corpus.rawTextBytes / 1e6,
      compute: pick("compute"),
      http: pick("http"),
      pythonSequential: pythonSequentialMs(python, corpus.label),
    };
  });
}

/**
 * Wall time per extra task, in µs: (chunkSize 1 - balanced) / (their task counts'
 * difference), compute-only on `corpus`. It is wall time with every worker running,
 * so it is the cost a query pays per task, not one worker's round trip.
 */
export function perTaskOverheadUs(
  cases: readonly CaseResult[],
  corpus: string,
  strategy: "THREADS" | "PROCESSES",
): number | null {
  const where = { corpus, mode: "compute" as const, sweep: "chunks" as const, strategy };
  const one = findCase(cases, { ...where, chunkSize: 1 });
  const balanced = findCase(cases, { ...where, chunkSize: null });
  if (!one || !balanced || one.ran.tasks === balanced.ran.tasks) return null;
  return (
    ((one.wallMs.median - balanced.wallMs.median) / (one.ran.tasks - balanced.ran.tasks)) * 1000
  );
}
