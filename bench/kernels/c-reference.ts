import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../repo-root";

export const REFERENCE_SOURCE = path.join(repoRoot(), "bench", "kernels", "ascii-capitals.c");
const FLAGS = ["-O3", "-march=native"];

export type Compiled =
  { ok: true; binary: string; compiler: string; build: string } | { ok: false; skipped: string };

/** Builds the C reference with the system compiler; says why not when there is none. */
export function compileReference(workDir: string, cc = "cc"): Compiled {
  const version = spawnSync(cc, ["--version"], { encoding: "utf8" });
  if (version.error) {
    const code = (version.error as NodeJS.ErrnoException).code ?? version.error.message;
    return { ok: false, skipped: `${cc} not found (${code}): no C reference on this machine` };
  }
  fs.mkdirSync(workDir, { recursive: true });
  const binary = path.join(workDir, "ascii-capitals");
  const args = [...FLAGS, "-o", binary, REFERENCE_SOURCE];
  const built = spawnSync(cc, args, { encoding: "utf8" });
  if (built.error || built.status !== 0) {
    const why = built.error?.message ?? built.stderr.trim().split("\n").slice(0, 3).join(" ");
    return { ok: false, skipped: `${cc} ${args.join(" ")} failed: ${why}` };
  }
  return {
    ok: true,
    binary,
    compiler: version.stdout.split("\n")[0].trim(),
    build: `${cc} ${FLAGS.join(" ")} bench/kernels/ascii-capitals.c`,
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
