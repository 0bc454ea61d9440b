import { caseLabel } from "./cases";
import type { BenchResults } from "./results.types";
import { ms, table, type Cell, type TableFormat } from "./text-table";

/** Where the engine's time went (medians of the execution reports, compute-only). */
export function breakdownTable(r: BenchResults, f: TableFormat): string {
  const rows = r.cases
    .filter((c) => c.mode === "compute")
    .map((c): Cell[] => {
      const b = c.breakdown;
      return [
        c.corpus,
        caseLabel(c),
        c.ran.tasks,
        c.ran.dataPath,
        ms(b.queueMs + b.otherMs),
        ms(b.loadMs),
        ms(b.planMs),
        ms(b.executeMs),
        ms(b.mergeMs),
        ms(b.engineWallMs),
        ms(b.dispatchMs),
        ms(b.readMs),
        ms(b.computeMs),
        ms(c.wallMs.median),
      ];
    });
  const headers = [
    "corpus",
    "case",
    "tasks",
    "data",
    "queue + other",
    "load",
    "plan",
    "execute",
    "merge",
    "= wall",
    "dispatch (sum)",
    "read (sum)",
    "compute (sum)",
    "bench wall",
  ];
  return table(headers, rows, f);
}
