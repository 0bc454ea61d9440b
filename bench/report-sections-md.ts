import {
  cachedTable,
  endToEndTable,
  ioTable,
  requestPathTable,
  responsivenessTable,
  workerScalingTable,
} from "./report-sections";
import type { BenchResults } from "./results.types";
import type { TableFormat } from "./text-table";

/** The Markdown of the sections that follow the loader in latest.md. */
export function sectionsMarkdown(r: BenchResults): string[] {
  const f: TableFormat = "markdown";
  const resp = r.sections.responsiveness;
  const scaling = r.sections.workerScaling;
  const rp = r.sections.requestPath;
  const io = r.sections.io;
  return [
    "## Responsiveness",
    "",
    resp
      ? `Small queries, one every ${resp.probeIntervalMs} ms in turn, on the ${resp.corpus} corpus ` +
        `(${resp.emails} emails) while fresh \`capitalLetterStats\` queries of each strategy run back to back ` +
        `for ${resp.windowMs} ms; pool workers at nice ${resp.workerNice}. Event-loop delay is the server's own ` +
        "(`capstats_event_loop_delay_seconds` in /metrics over the window). SEQUENTIAL counts on the event " +
        "loop, in slices: the documented exception, shown for contrast. " +
        (resp.distributedWorkers === null
          ? ""
          : `DISTRIBUTED: ${resp.distributedWorkers} \`npm run worker\` processes on this machine, one job at a ` +
            `time each, at nice ${resp.workerNice}, on a private redis-server. `) +
        "Latencies in ms."
      : "",
    "",
    responsivenessTable(r, f),
    "",
    `## Worker scaling (${scaling?.corpus ?? "-"} corpus, compute-only, ${scaling?.cores ?? "-"} cores)`,
    "",
    scaling
      ? `Median of ${scaling.rounds.reps} rounds after ${scaling.rounds.warmup} warm-up rounds, round-robin; ` +
        "balanced chunks. A row is oversubscribed when it asks for more workers than the machine has cores."
      : "",
    "",
    workerScalingTable(r, f),
    "",
    "## Cached answers (what a dashboard sees)",
    "",
    "`capitalLetterStats` with totals, `top(n: 10)`, `histogram(buckets: 20)` and `perEmail(first: 100)`, " +
      "answered from the result cache, one request after another over a kept-alive connection.",
    "",
    cachedTable(r, f),
    "",
    "## Request path (bare Apollo Server against Capstats)",
    "",
    rp
      ? `autocannon, ${rp.connections} connections, ${rp.durationS} s per run after 1 s of warm-up, rounds ` +
        `of { __typename } in pairs, the first of a pair alternating (${rp.rounds} each; medians; the ratio is ` +
        "the median of the pairs' ratios). Both servers run with NODE_ENV=production in " +
        "their own process; Capstats keeps every protection on (depth, complexity and token limits, " +
        "metrics, logging, error masking, CSRF prevention). Server CPU per request is read from /proc."
      : "",
    "",
    requestPathTable(r, f),
    "",
    "## The I/O-bound half of the lesson",
    "",
    io
      ? `compareIo reads the ${io.corpus} corpus's database file (${io.file}, ${(io.fileBytes / 1e6).toFixed(0)} MB) ` +
        `${io.repetitions} times: one reader, then the same reads shared among concurrent readers. Reads come ` +
        `from the page cache (one unrecorded read first). libuv's threadpool has ${io.threadpoolSize} threads. ` +
        `Byte counts ${io.bytesCheck ? "equal" : "DO NOT equal"} the file size times the reads in every run. ` +
        "The CPU-bound row is THREADS(2) against SEQUENTIAL, compute-only, on the same corpus."
      : "",
    "",
    ioTable(r, f),
    "",
    "## Where the time goes end to end",
    "",
    "Medians of the fresh `capitalLetterStats` POSTs above, one worker per core. The floor is a " +
      "`{ __typename }` round trip on the same server (client, HTTP, Express, Apollo and its plugins); " +
      "queue to merge are the engine's report phases; the answer is what remains: resolvers, aggregates " +
      "(median, totals) and the JSON of the answer.",
    "",
    endToEndTable(r, f),
    "",
  ];
}
