import type { CorpusInfo } from "../results.types";
import type { ColdWarm, Timing } from "./measure";
import type { Crossover, JobOverhead } from "./derive";

export interface DistributedResults {
  startedAt: string;
  command: string;
  machine: { cores: number; loadAverageStart: number[]; loadAverageEnd: number[]; node: string };
  corpora: { label: string; emails: number; rawTextBytes: number }[];
  timings: Timing[];
  coldWarm: ColdWarm[];
  overhead: JobOverhead[];
  crossovers: Crossover[];
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const mb = (b: number): string => (b / 2 ** 20).toFixed(1);

export function markdown(r: DistributedResults): string {
  const lines = [
    `# DISTRIBUTED benchmark`,
    ``,
    `\`${r.command}\` on ${r.startedAt}: ${r.machine.cores} cores, Node ${r.machine.node}, load average ` +
      `${r.machine.loadAverageStart.map((x) => x.toFixed(2)).join(" ")} at start, ` +
      `${r.machine.loadAverageEnd.map((x) => x.toFixed(2)).join(" ")} at end. Redis, the API and every ` +
      `worker process share this one machine: the workers have no cores of their own.`,
    ``,
    `Compute-only (the engine in-process, fresh), median of the recorded runs, balanced chunks:`,
    ``,
    `| corpus | MiB | workers | DISTRIBUTED ms | THREADS ms | PROCESSES ms | DISTRIBUTED jobs |`,
    `| ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
  ];
  for (const c of r.corpora) {
    for (const w of [...new Set(r.timings.map((t) => t.workers))]) {
      const get = (s: string) =>
        r.timings.find(
          (t) =>
            t.corpus === c.label && t.strategy === s && t.workers === w && t.chunkSize === null,
        );
      const d = get("DISTRIBUTED");
      if (!d) continue;
      lines.push(
        `| ${c.label} | ${mb(c.rawTextBytes)} | ${w} | ${ms(d.medianMs)} | ${ms(get("THREADS")!.medianMs)} | ` +
          `${ms(get("PROCESSES")!.medianMs)} | ${d.jobs} |`,
      );
    }
  }
  lines.push(
    ``,
    `First query on an empty Redis (everything staged and downloaded), first after a reload of the same`,
    `text (new version: workers' caches retired, chunks still in Redis under the same addresses), and`,
    `the following ones:`,
    ``,
    `| corpus | workers | cold ms | staged MiB | after reload ms | fetched after reload MiB | following ms |`,
    `| ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
  );
  for (const cw of r.coldWarm) {
    const dr = cw.afterReloadReport?.distributed;
    lines.push(
      `| ${cw.corpus} | ${cw.workers} | ${ms(cw.coldMs)} | ${mb(cw.coldReport.distributed?.bytesStaged ?? 0)} | ` +
        `${cw.afterReloadMs === null ? "-" : ms(cw.afterReloadMs)} | ${dr ? mb(dr.bytesFetched) : "-"} | ${ms(cw.warmMs)} |`,
    );
  }
  lines.push(``, `Per-job overhead (2 workers, smallest chunkSize against balanced):`, ``);
  for (const o of r.overhead) {
    lines.push(
      `- ${o.strategy}: ${(o.perJobMs * 1000).toFixed(0)} µs per extra job (${o.jobs} jobs vs ${o.balancedJobs})`,
    );
  }
  lines.push(``, `Crossover (corpus size from which DISTRIBUTED beats THREADS):`, ``);
  for (const c of r.crossovers) lines.push(`- ${c.workers} worker(s): ${c.explanation}`);
  lines.push(``, `![DISTRIBUTED against THREADS and PROCESSES](distributed.svg)`);
  return lines.join("\n");
}

export function chart(r: DistributedResults, corpora: CorpusInfo[]): object {
  const values = r.timings
    .filter((t) => t.chunkSize === null)
    .map((t) => ({
      corpus: t.corpus,
      strategy: t.strategy,
      workers: t.workers,
      median: t.medianMs,
    }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: "DISTRIBUTED vs THREADS and PROCESSES (median ms, compute-only, one 2-core host)",
    data: { values },
    facet: { column: { field: "corpus", sort: corpora.map((c) => c.label), title: "corpus" } },
    resolve: { scale: { y: "independent" } },
    spec: {
      width: 220,
      height: 180,
      mark: "bar",
      encoding: {
        x: {
          field: "workers",
          type: "ordinal",
          title: "workers (processes / threads)",
          axis: { labelAngle: 0 },
        },
        xOffset: { field: "strategy" },
        y: { field: "median", type: "quantitative", title: "median ms" },
        color: { field: "strategy", type: "nominal" },
      },
    },
  };
}
