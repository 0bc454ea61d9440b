import type { CorpusInfo } from "../results.types";
import type { Timing } from "./measure";

export interface JobOverhead {
  strategy: string;
  /** (t(smallest chunkSize) - t(balanced)) / (extra jobs): wall time per extra job. */
  perJobMs: number;
  jobs: number;
  balancedJobs: number;
}

export interface Crossover {
  workers: number;
  /** RawText MiB at which DISTRIBUTED's fitted line meets THREADS'; null: it never does. */
  mib: number | null;
  explanation: string;
}

function find(ts: Timing[], where: Partial<Timing>): Timing | undefined {
  return ts.find((t) => (Object.keys(where) as (keyof Timing)[]).every((k) => t[k] === where[k]));
}

export function jobOverheads(ts: Timing[], corpus: string, chunkSize: number): JobOverhead[] {
  return ["DISTRIBUTED", "THREADS"].flatMap((strategy) => {
    const many = find(ts, { corpus, strategy, workers: 2, chunkSize });
    const few = find(ts, { corpus, strategy, workers: 2, chunkSize: null });
    if (!many || !few || many.jobs === few.jobs) return [];
    return [
      {
        strategy,
        perJobMs: (many.medianMs - few.medianMs) / (many.jobs - few.jobs),
        jobs: many.jobs,
        balancedJobs: few.jobs,
      },
    ];
  });
}

/**
 * Fits t = a + b * MiB through the two corpora for DISTRIBUTED and THREADS at the same
 * worker count; DISTRIBUTED pays above the point where the lines cross, if they do.
 */
export function crossovers(
  ts: Timing[],
  corpora: CorpusInfo[],
  workerCounts: number[],
): Crossover[] {
  const [small, large] = corpora;
  const mib = (c: CorpusInfo): number => c.rawTextBytes / 2 ** 20;
  return workerCounts.map((workers) => {
    const line = (strategy: string) => {
      const s = find(ts, { corpus: small.label, strategy, workers, chunkSize: null })!;
      const l = find(ts, { corpus: large.label, strategy, workers, chunkSize: null })!;
      const slope = (l.medianMs - s.medianMs) / (mib(large) - mib(small));
      return { slope, at0: s.medianMs - slope * mib(small) };
    };
    const d = line("DISTRIBUTED");
    const th = line("THREADS");
    const per = (x: { slope: number }): string => `${x.slope.toFixed(2)} ms/MiB`;
    if (d.slope >= th.slope) {
      return {
        workers,
        mib: null,
        explanation: `never: DISTRIBUTED costs ${per(d)} against THREADS' ${per(th)}, and more to start`,
      };
    }
    const at = (d.at0 - th.at0) / (th.slope - d.slope);
    return {
      workers,
      mib: Math.max(0, at),
      explanation: `DISTRIBUTED ${per(d)} vs THREADS ${per(th)}: lines cross at ${Math.max(0, at).toFixed(0)} MiB`,
    };
  });
}
