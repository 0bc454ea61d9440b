import { readResidentCorpus } from "../../src/corpus/resident-corpus";
import { openSqlite } from "../../src/db/sqlite";
import type { KernelBackend } from "../../src/engine/kernels/kernel-backend";
import { jsKernel, kernelStatus, simdKernel } from "../../src/engine/kernels/kernel-selection";
import { ALL_METRICS_MASK, maskOf } from "../../src/metrics/metrics";
import { DEFAULT_WINDOW_BYTES, SimdKernel } from "../../src/engine/kernels/simd/simd.kernel";
import { CodePointClasses } from "../../src/engine/kernels/unicode-tables";
import { countSegments, type SegmentCounts } from "../../src/engine/kernels/text.kernel";
import type { Log } from "../corpora";
import type { CorpusInfo } from "../results.types";
import { spread } from "../sampling";
import { compileReference, runReference, writeReferenceInput } from "./c-reference";
import type { CReference, KernelBench, KernelCase, KernelMetrics } from "./kernel-results.types";

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
 * The kernels alone, single thread, on the resident corpus's own bytes (a SharedArrayBuffer,
 * as worker threads see it), beside the C reference on the same bytes. Rounds alternate a C
 * batch with a batch of every case, so noise from the rest of the machine spreads over all.
 */
export function measureKernels(
  corpus: CorpusInfo,
  workDir: string,
  plan: KernelPlan,
  log: Log,
  cc = "cc",
): KernelBench {
  const db = openSqlite(corpus.dbFile, { readonly: true });
  const resident = (() => {
    try {
      return readResidentCorpus(db);
    } finally {
      db.close();
    }
  })();
  const bytes = new Uint8Array(resident.bytes, 0, resident.totalBytes);
  const n = resident.ids.length;
  const starts = resident.offsets.subarray(0, n);
  const ends = resident.offsets.subarray(1, n + 1);

  const simd = simdKernel();
  const kernels: [KernelBackend, "js" | "wasm-simd"][] = [[jsKernel(), "js"]];
  if (simd) kernels.push([simd, "wasm-simd"]);
  const masks: [number, KernelMetrics][] = [
    [CAPITALS_AND_CHARACTERS, "CAPITALS+CHARACTERS"],
    [ALL_METRICS_MASK, "all seven"],
  ];
  let kernelsAgree = true;
  const cases: Timed[] = [];
  for (const [mask, metrics] of masks) {
    const expected = countSegments(bytes, starts, ends, mask, jsKernel());
    for (const [kernel, name] of kernels) {
      if (!sameCounts(countSegments(bytes, starts, ends, mask, kernel), expected)) {
        kernelsAgree = false;
        log(`kernels: ${name} DISAGREES with js on ${metrics}`);
      }
      cases.push({
        meta: { label: `${name} kernel, ${metrics}`, kernel: name, metrics, copies: name !== "js" },
        run: () => countSegments(bytes, starts, ends, mask, kernel),
      });
    }
  }
  if (simd) {
    cases.push(copyCase(bytes));
    cases.push(...inPlaceCases(bytes, starts, ends, masks));
  }

  const compiled = compileReference(workDir, cc);
  const input = compiled.ok ? writeReferenceInput(workDir, bytes, resident.offsets) : null;
  if (!compiled.ok) log(`kernels: C reference skipped: ${compiled.skipped}`);
  const referenceMs: number[] = [];
  const referenceCpuMs: number[] = [];
  let referenceTotal: number | null = null;
  const samples: number[][] = cases.map(() => []);
  const cpuSamples: number[][] = cases.map(() => []);
  log(`kernels: ${cases.length} cases + C, ${plan.rounds} rounds of ${plan.repsPerRound}`);
  for (let round = 0; round <= plan.rounds; round++) {
    if (compiled.ok && input) {
      const r = runReference(
        compiled.binary,
        input.bytesFile,
        input.lengthsFile,
        plan.repsPerRound,
      );
      referenceTotal = r.totalCapitals;
      if (round > 0) {
        referenceMs.push(...r.samplesMs);
        referenceCpuMs.push(...r.cpuMs);
      }
    }
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
  const refSpread = referenceMs.length > 0 ? spread(referenceMs) : null;
  const refCpu = referenceCpuMs.length > 0 ? spread(referenceCpuMs) : null;
  const reference: CReference = compiled.ok
    ? {
        available: true,
        skipped: null,
        compiler: compiled.compiler,
        build: compiled.build,
        wallMs: refSpread,
        cpuMs: refCpu,
        gbPerS: refSpread && gbPerS(refSpread.median),
        checked: referenceTotal === asciiCapitals(bytes),
      }
    : { ...NO_REFERENCE, skipped: compiled.skipped };
  return {
    corpus: corpus.label,
    emails: n,
    bytes: resident.totalBytes,
    rounds: plan.rounds,
    repsPerRound: plan.repsPerRound,
    reference,
    cases: cases.map((c, i) => {
      const wallMs = spread(samples[i]);
      const cpuMs = spread(cpuSamples[i]);
      return {
        ...c.meta,
        wallMs,
        cpuMs,
        gbPerS: gbPerS(wallMs.median),
        ofReference: refSpread ? refSpread.median / wallMs.median : null,
        cpuOfReference: refCpu ? refCpu.median / cpuMs.median : null,
      };
    }),
    kernelsAgree,
    simdUnavailable: kernelStatus().simdUnavailable,
  };
}

const NO_REFERENCE: CReference = {
  available: false,
  skipped: null,
  compiler: null,
  build: null,
  wallMs: null,
  cpuMs: null,
  gbPerS: null,
  checked: null,
};

/**
 * The SIMD kernel on the same bytes held in its own WebAssembly memory, so nothing is copied:
 * what keeping the resident corpus in (shared) WebAssembly memory would give.
 */
function inPlaceCases(
  bytes: Uint8Array,
  starts: Float64Array,
  ends: Float64Array,
  masks: readonly [number, KernelMetrics][],
): Timed[] {
  const kernel = new SimdKernel(new CodePointClasses(), { textBytes: bytes.length });
  const text = kernel.text();
  text.set(bytes);
  return masks.map(([mask, metrics]) => ({
    meta: {
      label: `wasm-simd kernel in place (bytes already in its memory), ${metrics}`,
      kernel: "wasm-simd",
      metrics,
      copies: false,
    },
    run: () => countSegments(text, starts, ends, mask, kernel),
  }));
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
