import type { ExecutionReport } from "../src/engine";
import type { BenchCase, CaseResult, CorpusInfo, Mode } from "./results.types";
import { median, spread } from "./sampling";

type Timings =
  | "wallMs"
  | "queueMs"
  | "otherMs"
  | "loadMs"
  | "planMs"
  | "executeMs"
  | "mergeMs"
  | "dispatchMs"
  | "readMs"
  | "computeMs";

/**
 * The execution report fields the bench reads, as the engine and the GraphQL API both give
 * them: over the API, strategy and dataPath arrive as plain strings.
 */
export type ReportFields = Pick<ExecutionReport, Timings | "reason" | "workers" | "tasks"> & {
  strategy: string;
  dataPath: string;
};

/** One repetition of one case. */
export interface Sample {
  /** Measured by the bench around the whole call (in HTTP mode: the client's round trip). */
  ms: number;
  report: ReportFields;
  totalCapitals: number;
  totalCharacters: number;
  agrees: boolean;
}

export function toCaseResult(
  corpus: CorpusInfo,
  mode: Mode,
  c: BenchCase,
  samples: readonly Sample[],
): CaseResult {
  const last = samples[samples.length - 1].report;
  const med = (field: keyof ReportFields): number =>
    median(samples.map((s) => s.report[field] as number));
  return {
    ...c,
    corpus: corpus.label,
    mode,
    ran: {
      strategy: last.strategy,
      workers: last.workers,
      tasks: last.tasks,
      dataPath: last.dataPath,
      reason: last.reason,
    },
    wallMs: spread(samples.map((s) => s.ms)),
    breakdown: {
      planMs: med("planMs"),
      queueMs: med("queueMs"),
      otherMs: med("otherMs"),
      loadMs: med("loadMs"),
      executeMs: med("executeMs"),
      dispatchMs: med("dispatchMs"),
      readMs: med("readMs"),
      computeMs: med("computeMs"),
      mergeMs: med("mergeMs"),
      engineWallMs: med("wallMs"),
      // Per sample, then the median: medians of two columns do not subtract.
      outsideEngineMs: median(samples.map((s) => s.ms - s.report.wallMs)),
    },
    totalCapitals: samples[0].totalCapitals,
    totalCharacters: samples[0].totalCharacters,
    agrees: samples.every((s) => s.agrees),
    vsSequential: null,
    vsPythonSequential: null,
  };
}
