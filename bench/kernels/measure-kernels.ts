import { readResidentCorpus } from "../../src/corpus/resident-corpus";
import { openSqlite } from "../../src/db/sqlite";
import type { KernelBackend } from "../../src/engine/kernels/kernel-backend";
import {
  jsKernel,
  kernelFor,
  kernelStatus,
  simdKernel,
} from "../../src/engine/kernels/kernel-selection";
import { ALL_METRICS_MASK, maskOf } from "../../src/metrics/metrics";
import { DEFAULT_WINDOW_BYTES } from "../../src/engine/kernels/simd/simd.kernel";
import { allocateResidentText } from "../../src/corpus/resident-text";
import { countSegments, type SegmentCounts } from "../../src/engine/kernels/text.kernel";
import type { Log } from "../corpora";
import type { CorpusInfo } from "../results.types";
import { spread } from "../sampling";
import { compileReference, ReferenceSeries, writeReferenceInput } from "./c-reference";
import type { KernelBench, KernelCase, KernelMetrics } from "./kernel-results.types";

const CAPITALS_AND_CHARACTERS = maskOf(["CAPITALS", "CHARACTERS"]);

export interface KernelPlan {
  rounds: number;
  repsPerRound: number;
}

interface Timed {
  meta: Pick<KernelCase, "label" | "kernel" | "metrics" | "copies">;
  run: () => void;
}

function sameCounts(a: SegmentCounts, b: SegmentCounts): boolean {
  const equal = (x: ArrayLike<number>, y: ArrayLike<number>): boolean =>
    x.length === y.length && Array.prototype.every.call(x, (v: number, i: number) => v === y[i]);
  return equal(a.counts, b.counts) && equal(a.edges, b.edges);
}

function asciiCapitals(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) n += bytes[i] >= 0x41 && bytes[i] <= 0x5a ? 1 : 0;
  return n;
}

/**
 * The kernels alone, single thread, on the resident corpus's own bytes (in its corpus memory,
 * a SharedArrayBuffer as worker threads see it), beside the C reference on the same bytes:
 * SIMD as THREADS and SEQUENTIAL run it (in place) and as PROCESSES and SQLite tasks run it
 * (copying into its window). Rounds alternate a C batch with a batch of every case, so noise
 * from the rest of the machine spreads over all.
 */
export function measureKernels(
  corpus: CorpusInfo,
  workDir: string,
  plan: KernelPlan,
  log: Log,
  cc = "cc",
): KernelBench {
  const db = openSqlite(corpus.dbFile, { readonly: true });
  let memory: WebAssembly.Memory | null = null;
  const resident = (() => {
    try {
      return readResidentCorpus(db, (totalBytes) => {
        const text = allocateResidentText(totalBytes);
        memory = text.memory;
        return text;
      });
    } finally {
      db.close();
    }
  })();
  const bytes = new Uint8Array(resident.bytes);
  const n = resident.ids.length;
  const starts = resident.offsets.subarray(0, n);
  const ends = resident.offsets.subarray(1, n + 1);
  const text = bytes.subarray(resident.offsets[0], resident.offsets[n]);

  const simd = simdKernel();
  const kernels: [KernelBackend, string, boolean][] = [[jsKernel(), "js kernel", false]];
  if (simd && memory) {
    const where = "in place in the corpus memory (the engine: THREADS, SEQUENTIAL)";
    kernels.push([kernelFor("wasm-simd", memory), `wasm-simd kernel ${where}`, false]);
  }
  if (simd) {
    const where = "copying into its window (PROCESSES, SQLite and DISTRIBUTED tasks)";
    kernels.push([simd, `wasm-simd kernel ${where}`, true]);
  }
  const masks: [number, KernelMetrics][] = [
    [CAPITALS_AND_CHARACTERS, "CAPITALS+CHARACTERS"],
    [ALL_METRICS_MASK, "all seven"],
  ];
  let kernelsAgree = true;
  const cases: Timed[] = [];
  for (const [mask, metrics] of masks) {
    const expected = countSegments(bytes, starts, ends, mask, jsKernel());
    for (const [kernel, label, copies] of kernels) {
      if (!sameCounts(countSegments(bytes, starts, ends, mask, kernel), expected)) {
        kernelsAgree = false;
        log(`kernels: ${label} DISAGREES with js on ${metrics}`);
      }
      cases.push({
        meta: { label: `${label}, ${metrics}`, kernel: kernel.name, metrics, copies },
        run: () => countSegments(bytes, starts, ends, mask, kernel),
      });
    }
  }
  if (simd) cases.push(copyCase(text));

  const series = (["native", "128-bit"] as const).map(
    (width) => new ReferenceSeries(compileReference(workDir, cc, width)),
  );
  const compiled = series[0].compiled;
  const input = compiled.ok ? writeReferenceInput(workDir, text, resident.offsets) : null;
  if (!compiled.ok) log(`kernels: C reference skipped: ${compiled.skipped}`);
  const samples: number[][] = cases.map(() => []);
  const cpuSamples: number[][] = cases.map(() => []);
  log(`kernels: ${cases.length} cases + C, ${plan.rounds} rounds of ${plan.repsPerRound}`);
  for (let round = 0; round <= plan.rounds; round++) {
    if (input) for (const s of series) s.batch(input, plan.repsPerRound, round > 0);
    cases.forEach((c, i) => {
      for (let k = 0; k < plan.repsPerRound; k++) {
        const cpu = process.cpuUsage();
        const started = performance.now();
        c.run();
        const ms = performance.now() - started;
        const used = process.cpuUsage(cpu);
        if (round > 0) {
          samples[i].push(ms);
          cpuSamples[i].push((used.user + used.system) / 1000);
        }
      }
    });
  }

  const gbPerS = (ms: number): number => resident.totalBytes / ms / 1e6;
  const capitals = asciiCapitals(text);
  const [reference, reference128] = series.map((s) => s.result(resident.totalBytes, capitals));
  const refSpread = reference.wallMs;
  const refCpu = reference.cpuMs;
  return {
    corpus: corpus.label,
    emails: n,
    bytes: resident.totalBytes,
    rounds: plan.rounds,
    repsPerRound: plan.repsPerRound,
    reference,
    reference128,
    cases: cases.map((c, i) => {
      const wallMs = spread(samples[i]);
      const cpuMs = spread(cpuSamples[i]);
      return {
        ...c.meta,
        wallMs,
        cpuMs,
        gbPerS: gbPerS(wallMs.median),
        ofReference: refSpread ? refSpread.median / wallMs.median : null,
        ofReference128: reference128.wallMs ? reference128.wallMs.median / wallMs.median : null,
        cpuOfReference: refCpu ? refCpu.median / cpuMs.median : null,
      };
    }),
    kernelsAgree,
    simdUnavailable: kernelStatus().simdUnavailable,
  };
}

/** What the SIMD kernel's copying costs alone: the same bytes, window by window, no counting. */
function copyCase(bytes: Uint8Array): Timed {
  const pages = Math.ceil(DEFAULT_WINDOW_BYTES / 65536);
  const window = new Uint8Array(new WebAssembly.Memory({ initial: pages }).buffer);
  return {
    meta: {
      label: `copy into WebAssembly memory, ${DEFAULT_WINDOW_BYTES / 1024} KiB at a time`,
      kernel: "copy",
      metrics: "none (copy only)",
      copies: true,
    },
    run: () => {
      for (let at = 0; at < bytes.length; at += DEFAULT_WINDOW_BYTES) {
        window.set(bytes.subarray(at, Math.min(bytes.length, at + DEFAULT_WINDOW_BYTES)));
      }
    },
  };
}
