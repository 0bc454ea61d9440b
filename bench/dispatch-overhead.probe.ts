import { performance } from "node:perf_hooks";
import { METRIC_INDEX } from "../src/metrics/metrics";
import type { ResidentTask } from "../src/engine/exec/worker/task.types";
import { WorkerPool, type WorkerType } from "../src/engine/exec/pool/worker-pool";

/**
 * Measures what one trivial task costs in round trip through each pool type: one task in flight
 * at a time, a 5-byte segment, so nearly all of the time is dispatch, cloning and messaging.
 * Run: node dist/bench/dispatch-overhead.probe.js [iterations]
 */
export async function measureDispatchOverhead(
  type: WorkerType,
  iterations: number,
): Promise<{ medianUs: number; p90Us: number; medianMinusComputeUs: number }> {
  const pool = new WorkerPool({ type, minWorkers: 1, maxWorkers: 1, maxOldGenerationMb: 64 });
  try {
    await pool.warm();
    const bytes = new SharedArrayBuffer(5);
    new Uint8Array(bytes).set(Buffer.from("Hello"));
    const task: ResidentTask = {
      kind: "resident",
      version: 1,
      bytes,
      starts: new Float64Array([0]),
      ends: new Float64Array([5]),
      mask: 1 << METRIC_INDEX.CAPITALS,
    };
    for (let i = 0; i < Math.min(500, iterations); i++) await pool.exec(task); // JIT both sides
    const rtt: number[] = [];
    const net: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      const r = await pool.exec(task);
      const ms = performance.now() - t0;
      rtt.push(ms);
      net.push(ms - r.computeMs - r.readMs);
    }
    return {
      medianUs: quantile(rtt, 0.5) * 1000,
      p90Us: quantile(rtt, 0.9) * 1000,
      medianMinusComputeUs: quantile(net, 0.5) * 1000,
    };
  } finally {
    await pool.terminate();
  }
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main(): Promise<void> {
  const iterations = Number(process.argv[2] ?? 5000);
  for (const type of ["thread", "process"] as WorkerType[]) {
    const m = await measureDispatchOverhead(type, iterations);
    console.log(
      `${type.padEnd(7)} n=${iterations} median ${m.medianUs.toFixed(0)} us, ` +
        `p90 ${m.p90Us.toFixed(0)} us, median minus compute ${m.medianMinusComputeUs.toFixed(0)} us`,
    );
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
