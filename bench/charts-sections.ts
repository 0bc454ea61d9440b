import { SCHEMA, targetRule as target, type ChartSpec } from "./chart-common";
import { ioVersusCpu, workerScaling } from "./charts-scaling";
import { queryName } from "./report-sections";
import type { BenchResults } from "./results.types";

function responsiveness(r: BenchResults): ChartSpec[] {
  const resp = r.sections.responsiveness;
  if (!resp) return [];
  const values = resp.runs.flatMap((run) =>
    run.probes.map((p) => ({
      strategy: run.strategy === "idle" ? "(idle)" : run.strategy,
      probe: p.query.startsWith("{ email") ? "email(id)" : p.query,
      p99: p.latency.p99,
    })),
  );
  return [
    {
      file: "responsiveness.svg",
      title: "Small-query p99 while heavy queries run",
      spec: {
        $schema: SCHEMA,
        title: `Small-query p99 while heavy queries run back to back (${resp.corpus} corpus; dashed: 20 ms target)`,
        width: 360,
        height: 200,
        data: { values },
        layer: [
          {
            mark: "bar",
            encoding: {
              x: {
                field: "strategy",
                type: "nominal",
                title: "heavy queries running",
                sort: null,
                axis: { labelAngle: 0 },
              },
              xOffset: { field: "probe" },
              y: { field: "p99", type: "quantitative", title: "p99 ms" },
              color: { field: "probe", type: "nominal", title: "small query" },
            },
          },
          target(20),
        ],
      },
    },
  ];
}

function requestPath(r: BenchResults): ChartSpec[] {
  const rp = r.sections.requestPath;
  if (!rp) return [];
  const values = rp.runs.map((run) => ({
    bar: `${run.server}: ${queryName(run.query)}`,
    rate: run.requestsPerSecond,
  }));
  return [
    {
      file: "request-path.svg",
      title: "Requests per second: bare Apollo and Capstats",
      spec: {
        $schema: SCHEMA,
        title: `Requests per second, autocannon, ${rp.connections} connections`,
        width: 360,
        data: { values },
        mark: "bar",
        encoding: {
          y: { field: "bar", type: "nominal", title: null, sort: null, axis: { labelLimit: 300 } },
          x: {
            field: "rate",
            type: "quantitative",
            title: "requests per second (higher is better)",
          },
        },
      },
    },
  ];
}

function endToEnd(r: BenchResults): ChartSpec[] {
  const e = r.sections.endToEnd;
  if (!e) return [];
  const values = e.rows.flatMap((row) =>
    (
      [
        ["floor ({ __typename })", row.floorMs],
        ["queue + other", row.phases.queueMs + row.phases.otherMs],
        ["load", row.phases.loadMs],
        ["plan", row.phases.planMs],
        ["execute", row.phases.executeMs],
        ["merge", row.phases.mergeMs],
        ["answer (resolvers, aggregates, JSON)", Math.max(0, row.answerMs)],
      ] as const
    ).map(([part, ms], order) => ({ strategy: row.strategy, part, ms, order })),
  );
  return [
    {
      file: "end-to-end.svg",
      title: "Where an end-to-end query's time goes",
      spec: {
        $schema: SCHEMA,
        title: `Where a fresh capitalLetterStats POST spends its time (${e.corpus} corpus, medians)`,
        width: 420,
        data: { values },
        mark: "bar",
        encoding: {
          y: { field: "strategy", type: "nominal", title: null },
          x: { field: "ms", type: "quantitative", stack: "zero", title: "ms" },
          color: {
            field: "part",
            type: "nominal",
            sort: null,
            title: null,
            legend: { labelLimit: 300 },
          },
          order: { field: "order" },
        },
      },
    },
  ];
}

/** The charts of the newer sections; a section not measured draws none. */
export function sectionCharts(r: BenchResults): ChartSpec[] {
  return [
    ...endToEnd(r),
    ...responsiveness(r),
    ...workerScaling(r),
    ...ioVersusCpu(r),
    ...requestPath(r),
  ];
}
