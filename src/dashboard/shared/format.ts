const INT = new Intl.NumberFormat("en-US");

export function formatInt(n: number): string {
  return INT.format(n);
}

/** Two significant decimals for small numbers, none for large ones: times and medians. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "–";
  if (Math.abs(n) >= 100) return INT.format(Math.round(n));
  return n.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

export function formatMs(ms: number): string {
  return `${formatNumber(ms)} ms`;
}

export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toLocaleString("en-US", { maximumFractionDigits: 2 })} %`;
}

export function formatDate(iso: string | null): string {
  return iso === null ? "–" : iso.slice(0, 10);
}

export function formatDateTime(iso: string | null): string {
  return iso === null ? "–" : `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
