import { SCHEMA, targetRule as target, type ChartSpec } from "./chart-common";
import type { BenchResults } from "./results.types";

export function workerScaling(r: BenchResults): ChartSpec[] {
  const s = r.sections.workerScaling;
  if (!s) return [];
  const values = s.rows
    .filter((row) => row.strategy === "THREADS")
    .map((row) => ({
      workers: row.workers,
      speedup: row.vsSequential,
      cores: row.oversubscribed
        ? "oversubscribed (workers > cores)"
        : "one worker per core or fewer",
    }));
  return [
    {
      file: "worker-scaling.svg",
      title: "THREADS speed-up over SEQUENTIAL by worker count",
      spec: {
        $schema: SCHEMA,
        title: `THREADS speed-up over SEQUENTIAL, compute-only, ${s.corpus} corpus, ${s.cores} cores (dashed: 1.9x target)`,
        width: 320,
        height: 200,
        data: { values },
        layer: [
          {
            mark: { type: "line", point: { size: 80, filled: true } },
            encoding: {
              x: { field: "workers", type: "ordinal", title: "workers", axis: { labelAngle: 0 } },
              y: { field: "speedup", type: "quantitative", title: "x SEQUENTIAL" },
            },
          },
          {
            mark: { type: "point", size: 160, filled: true },
            encoding: {
              x: { field: "workers", type: "ordinal" },
              y: { field: "speedup", type: "quantitative" },
              color: { field: "cores", type: "nominal", title: null, legend: { labelLimit: 300 } },
            },
          },
          target(1.9),
        ],
      },
    },
  ];
}

export function ioVersusCpu(r: BenchResults): ChartSpec[] {
  const io = r.sections.io;
  if (!io) return [];
  const values = [
    ...io.runs.map((run) => ({
      bar: `${run.via === "THREADPOOL" ? "read, threadpool" : "read, worker threads"} x${run.readers}`,
      work: "I/O-bound: read the corpus file",
      speedup: run.speedup,
    })),
    ...(io.cpuBound
      ? [
          {
            bar: `count, THREADS(${io.cpuBound.workers})`,
            work: "CPU-bound: count capitals",
            speedup: io.cpuBound.speedup,
          },
        ]
      : []),
  ];
  return [
    {
      file: "io-vs-cpu.svg",
      title: "Threads help both halves of the lesson",
      spec: {
        $schema: SCHEMA,
        title: `Speed-up over one reader or SEQUENTIAL: I/O-bound and CPU-bound work (${io.corpus} corpus)`,
        width: 360,
        data: { values },
        layer: [
          {
            mark: "bar",
            encoding: {
              y: {
                field: "bar",
                type: "nominal",
                title: null,
                sort: null,
                axis: { labelLimit: 300 },
              },
              x: { field: "speedup", type: "quantitative", title: "speed-up (1 = no gain)" },
              color: { field: "work", type: "nominal", title: null, legend: { labelLimit: 300 } },
            },
          },
          target(1, "x"),
        ],
      },
    },
  ];
}
