import type { ChartSpec } from "../charts";
import { ms, table, type Cell, type TableFormat } from "../text-table";
import { KERNEL_GOALS, type KernelBench, type KernelCase } from "./kernel-results.types";

function gb(value: number | null | undefined): string {
  return value === null || value === undefined ? "-" : value.toFixed(2);
}

function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? "-" : `${(value * 100).toFixed(0)}%`;
}

function simdCase(
  k: KernelBench,
  metrics: KernelCase["metrics"],
  copies: boolean,
): KernelCase | undefined {
  return k.cases.find(
    (c) => c.kernel === "wasm-simd" && c.metrics === metrics && c.copies === copies,
  );
}

/** Every kernel case beside the C reference, as rates and as fractions of it. */
export function kernelTable(k: KernelBench, f: TableFormat): string {
  const rows: Cell[][] = [];
  const ref = k.reference;
  const ref128 = k.reference128;
  if (ref.available && ref.wallMs) {
    rows.push([
      "C reference: ASCII capitals per email",
      ms(ref.wallMs.median),
      `${ms(ref.wallMs.min)}-${ms(ref.wallMs.max)}`,
      gb(ref.gbPerS),
      "100%",
      ms(ref.cpuMs?.median),
      "100%",
      ref128?.wallMs ? percent(ref128.wallMs.median / ref.wallMs.median) : "-",
    ]);
  }
  if (ref128?.available && ref128.wallMs) {
    rows.push([
      "C reference at 128-bit vectors (WebAssembly SIMD's width)",
      ms(ref128.wallMs.median),
      `${ms(ref128.wallMs.min)}-${ms(ref128.wallMs.max)}`,
      gb(ref128.gbPerS),
      ref.wallMs ? percent(ref.wallMs.median / ref128.wallMs.median) : "-",
      ms(ref128.cpuMs?.median),
      ref.cpuMs && ref128.cpuMs ? percent(ref.cpuMs.median / ref128.cpuMs.median) : "-",
      "100%",
    ]);
  }
  for (const c of k.cases) {
    rows.push([
      c.label,
      ms(c.wallMs.median),
      `${ms(c.wallMs.min)}-${ms(c.wallMs.max)}`,
      gb(c.gbPerS),
      percent(c.ofReference),
      ms(c.cpuMs.median),
      percent(c.cpuOfReference),
      percent(c.ofReference128),
    ]);
  }
  const headers = [
    "kernel",
    "median ms",
    "min-max ms",
    "GB/s",
    "of C",
    "CPU ms",
    "of C (CPU)",
    "of 128-bit C",
  ];
  return table(headers, rows, f);
}

/** The reference's minimum over the case's: the ratio with the noise of both taken out. */
function minRatio(k: KernelBench, c: KernelCase): number | null {
  return k.reference.wallMs ? k.reference.wallMs.min / c.wallMs.min : null;
}

function verdict(value: number | null | undefined, goal: number): string {
  if (value === null || value === undefined) return "not measured";
  return value >= goal ? "met" : "NOT met";
}

/** The kernel figures against their goals, one line each. */
export function kernelHeadlineLines(k: KernelBench): string[] {
  const ref = k.reference;
  const lines = [
    ref.available
      ? `C reference (${ref.build}; ${ref.compiler}): ${gb(ref.gbPerS)} GB/s, one core` +
        (ref.checked ? "" : " (its total does NOT match the bytes A..Z: not a valid reference)")
      : `C reference not measured: ${ref.skipped}`,
  ];
  // The goals are read on the engine's path: in place in the corpus memory.
  const caps = simdCase(k, "CAPITALS+CHARACTERS", false);
  const all = simdCase(k, "all seven", false);
  const capsCopying = simdCase(k, "CAPITALS+CHARACTERS", true);
  const allCopying = simdCase(k, "all seven", true);
  if (!caps || !all) {
    lines.push(`SIMD kernel did not run in place: ${k.simdUnavailable ?? "unknown reason"}`);
  } else {
    lines.push(
      `SIMD CAPITALS+CHARACTERS kernel, in place (the engine's path): ${gb(caps.gbPerS)} GB/s = ` +
        `${percent(caps.ofReference)} of C by medians, ${percent(minRatio(k, caps))} by minima, ` +
        `${percent(caps.cpuOfReference)} by CPU time, ${percent(caps.ofReference128)} of the ` +
        `128-bit C (goal >= ${percent(KERNEL_GOALS.capitalsOfReference)}: ` +
        `${verdict(caps.ofReference, KERNEL_GOALS.capitalsOfReference)})`,
      `SIMD all-metrics kernel, in place: ${gb(all.gbPerS)} GB/s = ${percent(all.ofReference)} ` +
        `of C by medians, ${percent(minRatio(k, all))} by minima, ` +
        `${percent(all.cpuOfReference)} by CPU time, ${percent(all.ofReference128)} of the ` +
        `128-bit C (goal: within 2x, >= ` +
        `${percent(KERNEL_GOALS.allOfReference)}: ${verdict(all.ofReference, KERNEL_GOALS.allOfReference)})`,
    );
  }
  const copy = k.cases.find((c) => c.kernel === "copy");
  if (capsCopying && allCopying && copy) {
    lines.push(
      `Copying into WebAssembly memory alone runs at ${gb(copy.gbPerS)} GB/s; SIMD copying into ` +
        `its window (PROCESSES, SQLite tasks) reaches ${gb(capsCopying.gbPerS)} GB/s ` +
        `(${percent(capsCopying.ofReference)} of C) and ${gb(allCopying.gbPerS)} GB/s ` +
        `(${percent(allCopying.ofReference)}) for all metrics`,
    );
  }
  lines.push(
    `Kernels agree: JS and SIMD give ${k.kernelsAgree ? "identical" : "DIFFERENT"} counts and ` +
      `edge flags on all ${k.emails} emails, for both metric sets`,
  );
  return lines;
}

/** Bars of GB/s per kernel case, with the C reference as a rule. */
export function kernelChart(k: KernelBench): ChartSpec {
  const values = k.cases.map((c) => ({ label: c.label, gbPerS: c.gbPerS, kernel: c.kernel }));
  const ref = k.reference.gbPerS;
  const layers: object[] = [
    {
      mark: "bar",
      encoding: {
        y: { field: "label", type: "nominal", sort: null, title: null, axis: { labelLimit: 400 } },
        x: { field: "gbPerS", type: "quantitative", title: "GB/s (10^9 bytes of RawText per s)" },
        color: { field: "kernel", type: "nominal", title: "kernel" },
      },
    },
  ];
  if (ref !== null) {
    layers.push({
      mark: { type: "rule", color: "black", strokeDash: [4, 4] },
      encoding: { x: { datum: ref } },
    });
  }
  return {
    file: "kernels.svg",
    title: "Kernel throughput against the C reference",
    spec: {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      title: `Kernels, one thread, ${k.corpus} corpus (dashed: C reference${ref === null ? " not measured" : `, ${gb(ref)} GB/s`})`,
      data: { values },
      width: 420,
      height: 24 * values.length,
      layer: layers,
    },
  };
}
