/** part / whole, and 0 for an empty whole (a ratio or mean of nothing is 0 in every answer). */
export function ratioOrZero(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

export function sum(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

export function max(values: Float64Array): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > m) m = values[i];
  return m;
}

/** As Python's statistics.median: the mean of the two middle values when n is even; 0 when empty. */
export function median(values: Float64Array): number {
  return medianInPlace(Float64Array.from(values));
}

/** median() of `work`, which it reorders (for callers that made the copy already). */
export function medianInPlace(work: Float64Array): number {
  const n = work.length;
  if (n === 0) return 0;
  // Selection, not a sort: O(n) on average, which matters at a million emails per query.
  const hi = select(work, n >> 1);
  return n % 2 === 1 ? hi : (max(work.subarray(0, n >> 1)) + hi) / 2;
}

/** Hoare's quickselect: puts the k-th smallest at k, smaller ones before it; returns it. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

/**
 * Positions of the n largest values; ties go to the lower position (lower Id). Selection
 * finds the n-th largest value in O(length), so only the n winners are sorted: sorting
 * every position cost tens of milliseconds per query at 80,000 emails.
 */
export function topPositions(values: Float64Array, n: number): number[] {
  const k = Math.min(n, values.length);
  if (k <= 0) return [];
  const threshold = select(Float64Array.from(values), values.length - k);
  // Fewer than k values exceed the threshold; ties at it are taken lowest position first.
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] > threshold) out.push(i);
  for (let i = 0; i < values.length && out.length < k; i++) {
    if (values[i] === threshold) out.push(i);
  }
  return out.sort((a, b) => values[b] - values[a] || a - b);
}

export interface Bucket {
  /** Inclusive lower bound. */
  from: number;
  /** Exclusive upper bound. */
  to: number;
  count: number;
}

/**
 * Equal-width integer buckets covering 0..max. The width is rounded up so every
 * bucket has whole-number bounds; fewer than `buckets` come back when max is small
 * (a histogram of 0..3 has at most 4 buckets).
 */
export function histogram(values: Float64Array, buckets: number): Bucket[] {
  if (values.length === 0) return [];
  const top = max(values);
  const width = Math.max(1, Math.ceil((top + 1) / buckets));
  const count = Math.ceil((top + 1) / width);
  const out: Bucket[] = Array.from({ length: count }, (_, i) => ({
    from: i * width,
    to: (i + 1) * width,
    count: 0,
  }));
  for (let i = 0; i < values.length; i++) out[Math.floor(values[i] / width)].count++;
  return out;
}

export interface ValueSummary {
  total: number;
  mean: number;
  median: number;
  max: number;
}

/** Total, mean, Python statistics.median and max of some values; all 0 when there are none. */
export function summaryOf(values: Float64Array): ValueSummary {
  const total = sum(values);
  return {
    total,
    mean: ratioOrZero(total, values.length),
    median: median(values),
    max: max(values),
  };
}
