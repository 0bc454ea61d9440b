import type { Spread } from "../results.types";

/** The kernel section of bench/results/latest.json. Rates are 10^9 bytes of RawText per second. */
export interface KernelBench {
  corpus: string;
  emails: number;
  bytes: number;
  /** Rounds of (C batch, then every case's batch), after one unrecorded warm-up round. */
  rounds: number;
  repsPerRound: number;
  reference: CReference;
  /** The same loop held to 128-bit vectors, WebAssembly SIMD's width. */
  reference128: CReference;
  cases: KernelCase[];
  /** The JS and SIMD kernels give identical counts and edge flags on every email, both masks. */
  kernelsAgree: boolean;
  /** Why the SIMD kernel did not run, when it did not. */
  simdUnavailable: string | null;
}

export interface CReference {
  available: boolean;
  /** Why it was not measured (no cc, compile error), when it was not. */
  skipped: string | null;
  /** `cc --version`'s first line and the command that built it. */
  compiler: string | null;
  build: string | null;
  wallMs: Spread | null;
  /** Its thread's CPU time per repetition. */
  cpuMs: Spread | null;
  gbPerS: number | null;
  /** Its total equals the bytes in "A".."Z" counted in JS: it counted what it claims. */
  checked: boolean | null;
}

export type KernelMetrics = "CAPITALS+CHARACTERS" | "all seven" | "none (copy only)";

export interface KernelCase {
  label: string;
  kernel: "js" | "wasm-simd" | "copy";
  metrics: KernelMetrics;
  /** Whether the time includes copying the bytes into WebAssembly memory (false: in place). */
  copies: boolean;
  wallMs: Spread;
  /** The bench process's CPU time per repetition (nothing else runs in it meanwhile). */
  cpuMs: Spread;
  gbPerS: number;
  /** Median reference time over this median, wall time: 1 = as fast as the C loop. */
  ofReference: number | null;
  /** The same against the 128-bit reference. */
  ofReference128: number | null;
  /** The same from CPU times, which other processes on the machine inflate much less. */
  cpuOfReference: number | null;
}

/** The goals the kernel section is read against. */
export const KERNEL_GOALS = {
  /** CAPITALS+CHARACTERS kernel, as a fraction of the C reference's rate. */
  capitalsOfReference: 0.7,
  /** All-metrics kernel: within 2x of the reference's time. */
  allOfReference: 0.5,
} as const;
