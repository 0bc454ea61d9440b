import { SCHEMA, type ChartSpec } from "./chart-common";
import { chartTitle } from "./chart-title";
import { sectionCharts } from "./charts-sections";
import { kernelChart } from "./kernels/kernel-report";
import type { BenchResults, CaseResult } from "./results.types";
import { STRATEGIES } from "./results.types";

export type { ChartSpec } from "./chart-common";
const PYTHON_SERIES = "Python baseline: sequential";
const PYTHON_SHORT = {
  sequential: "Python sequential (list comprehension)",
  pipe2: "Python 2 processes (Pipe)",
  pool2: "Python Pool(2).map",
} as const;
const MODE_TITLE = { compute: "compute-only (in-process)", http: "end to end (HTTP)" } as const;
const STRATEGY_COLOR = {
  field: "strategy",
  type: "nominal",
  sort: STRATEGIES,
  scale: { domain: STRATEGIES },
  title: "strategy",
} as const;

function caseRow(c: CaseResult) {
  return {
    corpus: c.corpus,
    mode: MODE_TITLE[c.mode],
    strategy: c.strategy,
    workers: c.workers ?? 1,
    chunk: c.chunkSize === null ? "balanced" : String(c.chunkSize),
    median: c.wallMs.median,
    min: c.wallMs.min,
    max: c.wallMs.max,
    speedup: c.vsSequential,
  };
}

/** Mode by row, corpus by column: the grid of the worker sweeps. */
function byModeAndCorpus(corpusOrder: string[]) {
  return {
    row: { field: "mode", title: null },
    column: { field: "corpus", title: "corpus", sort: corpusOrder },
  };
}

/** A chart's file name, its title in the report, and the heading drawn above it. */
interface ChartText {
  file: string;
  title: string;
  heading: string;
}

/** What every faceted chart shares: `cell` is drawn once per facet of `values`. */
function faceted(
  chart: ChartText,
  values: object[],
  facet: object,
  cell: object,
  rest: object = {},
): ChartSpec {
  const { file, title, heading } = chart;
  return {
    file,
    title,
    spec: { $schema: SCHEMA, title: heading, data: { values }, facet, spec: cell, ...rest },
  };
}

/** Lines with points, one panel per mode: the charts of a sweep that is not over workers. */
function linesByMode(
  chart: ChartText & { width: number; height: number },
  values: object[],
  encoding: object,
): ChartSpec {
  const { width, height } = chart;
  const facet = { column: { field: "mode", title: null } };
  return faceted(chart, values, facet, {
    width,
    height,
    mark: { type: "line", point: true },
    encoding,
  });
}

function timeByWorkers(r: BenchResults, corpusOrder: string[]): ChartSpec {
  const values = r.cases.filter((c) => c.sweep === "workers").map(caseRow);
  const chart = {
    file: "time-by-workers.svg",
    title: "Median time per strategy and worker count",
    heading: "Median time per strategy and worker count (balanced chunks; whiskers: min to max)",
  };
  return faceted(
    chart,
    values,
    byModeAndCorpus(corpusOrder),
    {
      width: 240,
      height: 150,
      encoding: {
        x: { field: "workers", type: "ordinal", title: "workers", axis: { labelAngle: 0 } },
        xOffset: { field: "strategy", sort: STRATEGIES },
      },
      layer: [
        {
          mark: "bar",
          encoding: {
            y: { field: "median", type: "quantitative", title: "ms" },
            color: STRATEGY_COLOR,
          },
        },
        {
          mark: "rule",
          encoding: { y: { field: "min", type: "quantitative" }, y2: { field: "max" } },
        },
      ],
    },
    { resolve: { scale: { y: "independent" } } },
  );
}

function speedupByWorkers(r: BenchResults, corpusOrder: string[]): ChartSpec {
  const values = r.cases.filter((c) => c.sweep === "workers").map(caseRow);
  const workerCounts = [...new Set(values.map((v) => v.workers))];
  const chart = {
    file: "speedup-by-workers.svg",
    title: "Speed-up over SEQUENTIAL against worker count",
    heading: `Speed-up over SEQUENTIAL against worker count (${r.machine.cores} cores; 1 = as fast as SEQUENTIAL)`,
  };
  return faceted(chart, values, byModeAndCorpus(corpusOrder), {
    width: 240,
    height: 150,
    layer: [
      {
        mark: { type: "line", point: true },
        encoding: {
          x: {
            field: "workers",
            type: "quantitative",
            title: "workers",
            scale: { zero: false },
            axis: { values: workerCounts, format: "d" },
          },
          y: { field: "speedup", type: "quantitative", title: "x SEQUENTIAL" },
          color: STRATEGY_COLOR,
        },
      },
      { mark: { type: "rule", strokeDash: [4, 4] }, encoding: { y: { datum: 1 } } },
    ],
  });
}

function timeByCorpusSize(r: BenchResults): ChartSpec {
  // Python's line is drawn in both panels: it is the reference each mode is read against.
  const values = (["compute", "http"] as const).flatMap((mode) =>
    r.scaling.flatMap((row) => [
      ...Object.entries(row[mode]).map(([strategy, ms]) => ({
        emails: row.emails,
        ms,
        series: strategy,
        mode: MODE_TITLE[mode],
      })),
      ...(row.pythonSequential === null
        ? []
        : [
            {
              emails: row.emails,
              ms: row.pythonSequential,
              series: PYTHON_SERIES,
              mode: MODE_TITLE[mode],
            },
          ]),
    ]),
  );
  const chart = {
    file: "time-vs-corpus-size.svg",
    title: "Time against corpus size",
    heading: "Median time against corpus size (one worker per core, balanced chunks; log-log)",
    width: 300,
    height: 240,
  };
  return linesByMode(chart, values, {
    x: {
      field: "emails",
      type: "quantitative",
      scale: { type: "log", nice: false },
      axis: { values: r.scaling.map((row) => row.emails), format: ",d" },
      title: "emails",
    },
    y: { field: "ms", type: "quantitative", scale: { type: "log" }, title: "ms" },
    color: {
      field: "series",
      type: "nominal",
      scale: { domain: [...STRATEGIES, PYTHON_SERIES] },
      legend: { labelLimit: 300 },
      title: "strategy",
    },
  });
}

function timeByChunkSize(r: BenchResults, chunkOrder: string[]): ChartSpec {
  const values = r.cases.filter((c) => c.sweep === "chunks").map(caseRow);
  const chart = {
    file: "time-by-chunk-size.svg",
    title: "Time against chunk size",
    heading: `Median time against chunk size (emails per task; ${values[0]?.corpus ?? ""} corpus, default workers; log scale)`,
    width: 280,
    height: 200,
  };
  return linesByMode(chart, values, {
    x: {
      field: "chunk",
      type: "ordinal",
      sort: chunkOrder,
      title: "chunkSize (emails per task)",
      axis: { labelAngle: 0 },
    },
    y: { field: "median", type: "quantitative", scale: { type: "log" }, title: "ms" },
    color: STRATEGY_COLOR,
  });
}

function overview(r: BenchResults, corpus: string): ChartSpec {
  const values = [
    ...(r.python.corpora.find((p) => p.corpus === corpus)?.variants ?? []).map((v) => ({
      label: PYTHON_SHORT[v.name],
      group: "Python (the lesson's baseline)",
      median: v.wallMs.median,
    })),
    ...r.cases
      .filter((c) => c.corpus === corpus && c.sweep === "workers")
      .filter((c) => c.workers === null || c.workers === r.machine.cores)
      .map((c) => ({
        label: `${c.strategy} (${c.mode === "http" ? "HTTP" : "compute"})`,
        group: `Capstats, ${MODE_TITLE[c.mode]}`,
        median: c.wallMs.median,
      })),
  ];
  const smallest = Math.min(...values.map((v) => v.median).filter((m) => m > 0));
  const floor = 10 ** Math.floor(Math.log10(Number.isFinite(smallest) ? smallest : 1));
  // A log scale: Python's bars are tens of times longer than Capstats', and on a linear axis
  // Capstats' would be slivers. A bar on a log axis starts at the axis's floor; each carries
  // its value.
  return {
    file: "overview.svg",
    title: "Every strategy and the Python baseline on the default corpus",
    spec: {
      $schema: SCHEMA,
      title: `Median time on the ${corpus} corpus: Capstats strategies (one worker per core) and the Python baseline (log scale)`,
      width: 460,
      data: { values },
      encoding: {
        y: { field: "label", type: "nominal", sort: "x", title: null, axis: { labelLimit: 400 } },
        x: {
          field: "median",
          type: "quantitative",
          scale: { type: "log", domainMin: floor },
          title: "ms, log scale (lower is better)",
        },
      },
      layer: [
        {
          mark: "bar",
          encoding: {
            x2: { datum: floor },
            color: { field: "group", type: "nominal", title: null, legend: { labelLimit: 400 } },
          },
        },
        {
          mark: { type: "text", align: "left", dx: 3 },
          encoding: { text: { field: "median", type: "quantitative", format: ".3~r" } },
        },
      ],
    },
  };
}

/** The run's date, machine and interference warning under every chart's own title. */
function withRunTitle(r: BenchResults, chart: ChartSpec): ChartSpec {
  const spec = chart.spec as { title?: string | { text: string } };
  const text = typeof spec.title === "string" ? spec.title : (spec.title?.text ?? chart.title);
  return { ...chart, spec: { ...chart.spec, title: chartTitle(r, text) } };
}

/** The report's charts, built from the results alone. */
export function chartSpecs(r: BenchResults): ChartSpec[] {
  const corpusOrder = r.corpora.map((c) => c.label);
  const chunkOrder = [
    ...new Set(
      r.cases
        .filter((c) => c.sweep === "chunks")
        .map((c) => c.chunkSize)
        .sort((a, b) => (a ?? Infinity) - (b ?? Infinity))
        .map((c) => (c === null ? "balanced" : String(c))),
    ),
  ];
  const base = r.corpora.find((c) => c.scale === 1)?.label ?? corpusOrder[0];
  return [
    overview(r, base),
    timeByWorkers(r, corpusOrder),
    speedupByWorkers(r, corpusOrder),
    timeByCorpusSize(r),
    timeByChunkSize(r, chunkOrder),
    ...(r.kernels ? [kernelChart(r.kernels)] : []),
    ...sectionCharts(r),
  ].map((chart) => withRunTitle(r, chart));
}
