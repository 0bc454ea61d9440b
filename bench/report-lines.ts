import type { BenchResults } from "./results.types";
import { ms, ratio } from "./text-table";

export function loadLine(r: BenchResults): string {
  const l = r.load;
  if (!l) return "Loading: not measured.";
  const cli = l.sqliteImport
    ? `sqlite3 .import ${ms(l.sqliteImport.median)} ms (${l.sqliteImportRows} rows): the loader takes ` +
      `${ratio(l.ratio)} as long (target <= 3x: ${l.ratio !== null && l.ratio <= 3 ? "met" : "NOT met"})`
    : `sqlite3 .import skipped: ${l.sqliteSkipped}`;
  return (
    `Loading the ${l.corpus} CSV (${(l.csvBytes / 1e6).toFixed(0)} MB, ${l.rows} rows): loader ` +
    `${ms(l.loader.median)} ms (min-max ${ms(l.loader.min)}-${ms(l.loader.max)}); ${cli}.`
  );
}

export function memoryLines(r: BenchResults): string[] {
  return [
    `Bench process peak RSS: ${r.memory.benchMaxRssMb.toFixed(0)} MB.`,
    ...r.memory.servers.map(
      (s) =>
        `Server on the ${s.corpus} corpus: peak RSS ${s.mainMaxRssMb.toFixed(0)} MB (main process and worker threads)` +
        (s.processWorkersMaxRssMb
          ? `, PROCESSES workers ${s.processWorkersMaxRssMb.map((x) => x.toFixed(0)).join(", ")} MB each`
          : ""),
    ),
  ];
}

export function coldStartLines(r: BenchResults): string[] {
  return r.coldStart.map(
    (c) =>
      `${c.corpus}: first query (${c.strategy}) ${ms(c.firstQueryMs)} ms, of which reading the corpus ` +
      `(${c.dataPath === "resident" ? "into the resident buffer" : "index only, above the resident budget"}) ${ms(c.corpusLoadMs)} ms`,
  );
}
