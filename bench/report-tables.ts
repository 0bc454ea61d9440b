import { findCase } from "./cases";
import type { BenchResults, CaseResult } from "./results.types";
import { STRATEGIES } from "./results.types";
import { ms, ratio, table, type Cell, type TableFormat } from "./text-table";

function workersCell(c: CaseResult): string {
  return c.workers === null ? `${c.ran.workers} (default)` : String(c.workers);
}

function spreadCell(c: CaseResult): string {
  return `${ms(c.wallMs.min)}-${ms(c.wallMs.max)}`;
}

/** The HTTP run of the compute case `c`: the same corpus, sweep, strategy, workers and chunks. */
function httpTwin(r: BenchResults, c: CaseResult): CaseResult | undefined {
  const { corpus, sweep, strategy, workers, chunkSize } = c;
  return findCase(r.cases, { corpus, mode: "http", sweep, strategy, workers, chunkSize });
}

/** The default corpus: the Python baseline, then every strategy, compute-only and over HTTP. */
export function overviewTable(r: BenchResults, corpus: string, f: TableFormat): string {
  const rows: Cell[][] = [];
  const py = r.python.corpora.find((p) => p.corpus === corpus);
  const pySeq = py?.variants.find((v) => v.name === "sequential")?.wallMs.median ?? null;
  for (const v of py?.variants ?? []) {
    rows.push([
      v.label,
      "counting only",
      v.name === "sequential" ? "1" : "2",
      ms(v.wallMs.median),
      `${ms(v.wallMs.min)}-${ms(v.wallMs.max)}`,
      ratio(pySeq === null ? null : pySeq / v.wallMs.median),
      "-",
    ]);
  }
  const cases = r.cases.filter(
    (c) =>
      c.corpus === corpus &&
      c.sweep === "workers" &&
      (c.workers ?? r.machine.cores) === r.machine.cores,
  );
  for (const c of cases) {
    rows.push([
      `Capstats ${c.strategy}${c.strategy === "AUTO" ? ` -> ${c.ran.strategy}` : ""}`,
      c.mode === "http" ? "end to end (HTTP)" : "compute-only",
      String(c.ran.workers),
      ms(c.wallMs.median),
      spreadCell(c),
      ratio(c.vsPythonSequential),
      ratio(c.vsSequential),
    ]);
  }
  const headers = [
    "what",
    "measured",
    "workers",
    "median ms",
    "min-max ms",
    "x Python seq",
    "x SEQUENTIAL",
  ];
  return table(headers, rows, f);
}

/** A column of a sweep table: its header beside its cell for a compute case and its HTTP twin. */
type SweepColumn = readonly [header: string, cell: (c: CaseResult, http?: CaseResult) => Cell];

const CORPUS: SweepColumn = ["corpus", (c) => c.corpus];
const TASKS: SweepColumn = ["tasks", (c) => c.ran.tasks];
const COMPUTE_MS: SweepColumn = ["compute ms", (c) => ms(c.wallMs.median)];
const HTTP_MS: SweepColumn = ["HTTP ms", (_, http) => ms(http?.wallMs.median)];

/** The compute cases of one sweep on every corpus, a row each, with their HTTP twins. */
function sweepTable(
  r: BenchResults,
  sweep: CaseResult["sweep"],
  columns: readonly SweepColumn[],
  f: TableFormat,
): string {
  const rows = r.cases
    .filter((c) => c.mode === "compute" && c.sweep === sweep)
    .map((c) => {
      const http = httpTwin(r, c);
      return columns.map(([, cell]) => cell(c, http));
    });
  return table(
    columns.map(([header]) => header),
    rows,
    f,
  );
}

/** Worker sweep on every corpus: compute-only and HTTP side by side. */
export function workersTable(r: BenchResults, f: TableFormat): string {
  return sweepTable(
    r,
    "workers",
    [
      CORPUS,
      ["strategy", (c) => (c.strategy === "AUTO" ? `AUTO -> ${c.ran.strategy}` : c.strategy)],
      ["workers", workersCell],
      TASKS,
      COMPUTE_MS,
      ["p25-p75", (c) => `${ms(c.wallMs.p25)}-${ms(c.wallMs.p75)}`],
      ["x SEQ", (c) => ratio(c.vsSequential)],
      HTTP_MS,
      ["x SEQ (HTTP)", (_, http) => ratio(http?.vsSequential)],
      ["x Python seq (HTTP)", (_, http) => ratio(http?.vsPythonSequential)],
    ],
    f,
  );
}

export function chunksTable(r: BenchResults, f: TableFormat): string {
  return sweepTable(
    r,
    "chunks",
    [
      CORPUS,
      ["strategy", (c) => c.strategy],
      ["chunkSize", (c) => c.chunkSize ?? "balanced"],
      TASKS,
      COMPUTE_MS,
      HTTP_MS,
      ["x SEQ (compute)", (c) => ratio(c.vsSequential)],
    ],
    f,
  );
}

export function scalingTableText(r: BenchResults, f: TableFormat): string {
  const rows = r.scaling.map((s): Cell[] => [
    s.corpus,
    s.emails,
    s.rawTextMb.toFixed(0),
    ...STRATEGIES.map((k) => ms(s.compute[k])),
    ...STRATEGIES.map((k) => ms(s.http[k])),
    ms(s.pythonSequential),
  ]);
  const headers = [
    "corpus",
    "emails",
    "RawText MB",
    ...STRATEGIES.map((k) => `${k} compute`),
    ...STRATEGIES.map((k) => `${k} HTTP`),
    "Python seq",
  ];
  return table(headers, rows, f);
}

export function pythonTable(r: BenchResults, f: TableFormat): string {
  const rows = r.python.corpora.flatMap((p) =>
    p.variants.map((v): Cell[] => [
      p.corpus,
      v.label,
      ms(v.wallMs.median),
      `${ms(v.wallMs.min)}-${ms(v.wallMs.max)}`,
      v.totalCapitals,
      p.agrees ? "yes" : "NO",
    ]),
  );
  return table(
    ["corpus", "baseline", "median ms", "min-max ms", "capitals", "equals Capstats"],
    rows,
    f,
  );
}
