/** Tables as GitHub Markdown or as aligned plain text for a terminal. */
export type Cell = string | number;
export type TableFormat = "markdown" | "text";

function isNumeric(cell: string): boolean {
  return /^[-+]?[\d.,]+\s*(ms|µs|x|MB|%)?$/.test(cell.trim()) || cell.trim() === "-";
}

export function table(headers: string[], rows: Cell[][], format: TableFormat): string {
  const cells = rows.map((r) => r.map(String));
  // Right-align a column whose cells are all numbers, so magnitudes line up.
  const right = headers.map(
    (_, i) => cells.length > 0 && cells.every((r) => isNumeric(r[i] ?? "")),
  );
  if (format === "markdown") {
    const line = (r: string[]): string =>
      `| ${r.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`;
    const rule = `| ${headers.map((_, i) => (right[i] ? "---:" : "---")).join(" | ")} |`;
    return [line(headers), rule, ...cells.map(line)].join("\n");
  }
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length)),
  );
  const pad = (c: string, i: number): string =>
    right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]);
  const line = (r: string[]): string => r.map(pad).join("  ").trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join(
    "\n",
  );
}

/** Milliseconds with about three significant digits. */
export function ms(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "-";
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return value.toFixed(0);
}

export function ratio(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "-";
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)}x`;
}
