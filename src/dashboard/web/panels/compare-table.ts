import { formatMs, formatNumber } from "../../shared/format";
import { dataTable, numberColumn } from "../ui/data-table";
import type { Comparison, StrategyRow } from "./compare.panel";

export function workersLabel(cores: number): (workers: number) => string {
  return (w) => {
    const n = `${w} worker${w === 1 ? "" : "s"}`;
    return w === cores ? `${n} · one per core` : w > cores ? `${n} · more than cores` : n;
  };
}

/**
 * The comparison's table view, one row per strategy and worker count. A run without
 * SEQUENTIAL (past one worker) is compared with SEQUENTIAL's median from the other runs.
 */
export function comparisonTable(
  rows: Comparison[],
  label: (w: number) => string,
): HTMLTableElement {
  const sequential = rows
    .flatMap((c) => c.strategies)
    .find((s) => s.strategy === "SEQUENTIAL")?.medianWallMs;
  const speedup = (s: StrategyRow): string => {
    const x =
      s.speedupVsSequential ?? (sequential === undefined ? null : sequential / s.medianWallMs);
    return x === null || !Number.isFinite(x) ? "–" : `${formatNumber(x)}×`;
  };
  const flat = rows.flatMap((c) => c.strategies.map((row) => ({ workers: c.workers, row })));
  return dataTable<(typeof flat)[number]>({
    caption: "Every strategy at each worker count",
    testId: "compare-table",
    columns: [
      { label: "Workers · strategy", cell: (f) => `${label(f.workers)} · ${f.row.strategy}` },
      numberColumn("Median wall", (f) => f.row.medianWallMs, formatMs),
      numberColumn("Fastest wall", (f) => f.row.minWallMs, formatMs),
      numberColumn("Median compute", (f) => f.row.medianComputeMs, formatMs),
      { label: "× SEQUENTIAL", numeric: true, cell: (f) => speedup(f.row) },
      { label: "Same counts", cell: (f) => (f.row.agrees ? "yes" : "NO") },
    ],
    rows: flat,
  });
}
