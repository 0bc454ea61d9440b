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

/** Worker sweep on every corpus: compute-only and HTTP side by side. */
export function workersTable(r: BenchResults, f: TableFormat): string {
  const rows = r.cases
    .filter((c) => c.mode === "compute" && c.sweep === "workers")
    .map((c): Cell[] => {
      const http = httpTwin(r, c);
      return [
        c.corpus,
        c.strategy === "AUTO" ? `AUTO -> ${c.ran.strategy}` : c.strategy,
        workersCell(c),
        c.ran.tasks,
        ms(c.wallMs.median),
        `${ms(c.wallMs.p25)}-${ms(c.wallMs.p75)}`,
        ratio(c.vsSequential),
        ms(http?.wallMs.median),
        ratio(http?.vsSequential),
        ratio(http?.vsPythonSequential),
      ];
    });
  const headers = [
    "corpus",
    "strategy",
    "workers",
    "tasks",
    "compute ms",
    "p25-p75",
    "x SEQ",
    "HTTP ms",
    "x SEQ (HTTP)",
    "x Python seq (HTTP)",
  ];
  return table(headers, rows, f);
}

export function chunksTable(r: BenchResults, f: TableFormat): string {
  const rows = r.cases
    .filter((c) => c.mode === "compute" && c.sweep === "chunks")
    .map((c): Cell[] => {
      const http = httpTwin(r, c);
      return [
        c.corpus,
        c.strategy,
        c.chunkSize ?? "balanced",
        c.ran.tasks,
        ms(c.wallMs.median),
        ms(http?.wallMs.median),
        ratio(c.vsSequential),
      ];
    });
  const headers = [
    "corpus",
    "strategy",
    "chunkSize",
    "tasks",
    "compute ms",
    "HTTP ms",
    "x SEQ (compute)",
  ];
  return table(headers, rows, f);
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
