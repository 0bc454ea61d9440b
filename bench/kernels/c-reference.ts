import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../repo-root";
import { spread } from "../sampling";
import type { CReference } from "./kernel-results.types";

export const REFERENCE_SOURCE = path.join(repoRoot(), "bench", "kernels", "ascii-capitals.c");
/**
 * native: the machine's widest vectors (AVX-512 or AVX2: 4 or 2 times WebAssembly's); 128-bit:
 * the same loop held to WebAssembly SIMD's width, the fair bound for the kernels.
 */
export type ReferenceWidth = "native" | "128-bit";
const FLAGS: Record<ReferenceWidth, string[]> = {
  native: ["-O3", "-march=native"],
  "128-bit": ["-O3", "-march=native", "-mprefer-vector-width=128"],
};

export type Compiled =
  { ok: true; binary: string; compiler: string; build: string } | { ok: false; skipped: string };

/** Builds the C reference with the system compiler; says why not when there is none. */
export function compileReference(
  workDir: string,
  cc = "cc",
  width: ReferenceWidth = "native",
): Compiled {
  const version = spawnSync(cc, ["--version"], { encoding: "utf8" });
  if (version.error) {
    const code = (version.error as NodeJS.ErrnoException).code ?? version.error.message;
    return { ok: false, skipped: `${cc} not found (${code}): no C reference on this machine` };
  }
  fs.mkdirSync(workDir, { recursive: true });
  const flags = FLAGS[width];
  const binary = path.join(workDir, width === "native" ? "ascii-capitals" : "ascii-capitals-128");
  const args = [...flags, "-o", binary, REFERENCE_SOURCE];
  const built = spawnSync(cc, args, { encoding: "utf8" });
  if (built.error || built.status !== 0) {
    const why = built.error?.message ?? built.stderr.trim().split("\n").slice(0, 3).join(" ");
    return { ok: false, skipped: `${cc} ${args.join(" ")} failed: ${why}` };
  }
  return {
    ok: true,
    binary,
    compiler: version.stdout.split("\n")[0].trim(),
    build: `${cc} ${flags.join(" ")} bench/kernels/ascii-capitals.c`,
  };
}

export interface ReferenceRun {
  samplesMs: number[];
  cpuMs: number[];
  totalCapitals: number;
}

/** One batch of repetitions in a fresh process (it reads the two files first, untimed). */
export function runReference(
  binary: string,
  bytesFile: string,
  lengthsFile: string,
  reps: number,
): ReferenceRun {
  const r = spawnSync(binary, [bytesFile, lengthsFile, String(reps)], { encoding: "utf8" });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${binary} failed (${r.status}): ${r.stderr.trim()}`);
  return JSON.parse(r.stdout) as ReferenceRun;
}

/** The corpus as the reference reads it: the bytes, and each email's length as uint32 LE. */
export function writeReferenceInput(
  workDir: string,
  bytes: Uint8Array,
  offsets: Float64Array,
): { bytesFile: string; lengthsFile: string } {
  const bytesFile = path.join(workDir, "kernel-bench.bytes");
  const lengthsFile = path.join(workDir, "kernel-bench.lengths");
  const lengths = Buffer.alloc(4 * (offsets.length - 1));
  for (let i = 0; i + 1 < offsets.length; i++) {
    lengths.writeUInt32LE(offsets[i + 1] - offsets[i], 4 * i);
  }
  fs.writeFileSync(bytesFile, bytes);
  fs.writeFileSync(lengthsFile, lengths);
  return { bytesFile, lengthsFile };
}

/** Batches of one build of the reference, gathered into its CReference. */
export class ReferenceSeries {
  private readonly ms: number[] = [];
  private readonly cpuMs: number[] = [];
  private total: number | null = null;

  constructor(readonly compiled: Compiled) {}

  /** One batch in a fresh process; recorded unless it is the warm-up. */
  batch(input: { bytesFile: string; lengthsFile: string }, reps: number, record: boolean): void {
    if (!this.compiled.ok) return;
    const r = runReference(this.compiled.binary, input.bytesFile, input.lengthsFile, reps);
    this.total = r.totalCapitals;
    if (record) {
      this.ms.push(...r.samplesMs);
      this.cpuMs.push(...r.cpuMs);
    }
  }

  result(totalBytes: number, asciiCapitals: number): CReference {
    if (!this.compiled.ok) return { ...NO_REFERENCE, skipped: this.compiled.skipped };
    const wallMs = this.ms.length > 0 ? spread(this.ms) : null;
    return {
      available: true,
      skipped: null,
      compiler: this.compiled.compiler,
      build: this.compiled.build,
      wallMs,
      cpuMs: this.cpuMs.length > 0 ? spread(this.cpuMs) : null,
      gbPerS: wallMs && totalBytes / wallMs.median / 1e6,
      checked: this.total === asciiCapitals,
    };
  }
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
