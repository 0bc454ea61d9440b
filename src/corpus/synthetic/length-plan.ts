import { combineSeeds, mix32 } from "./prng";

/**
 * Decides how long each email's RawText should be. Lengths are the quantiles of a
 * log-normal distribution, one per email, dealt out in a seeded shuffled order. Sampling
 * them independently instead would let the heavy tail swing the corpus total by several
 * percent from seed to seed; quantiles make the total and the shape the same for every seed.
 */

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function inverseNormalCdf(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`inverseNormalCdf needs 0 < p < 1, got ${p}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269];
  const a4 = -30.66479806614716;
  const a5 = 2.506628277459239;
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972];
  const b4 = -13.28068155288572;
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734];
  const c4 = 4.374664141464968;
  const c5 = 2.938163982698783;
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    const x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c4) * q + c5) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    return p < low ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a4) * r + a5) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b4) * r + 1)
  );
}

/**
 * A seeded bijection on [0, size) in O(1) memory: a 4-round Feistel network over the
 * smallest even power of two that covers size, cycle-walking past values >= size.
 */
export class SeededPermutation {
  private readonly halfBits: number;
  private readonly halfMask: number;
  private readonly keys: number[];

  constructor(
    private readonly size: number,
    seed: number,
  ) {
    if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`bad size ${size}`);
    let bits = 2;
    while (2 ** bits < size) bits += 2;
    this.halfBits = bits / 2;
    this.halfMask = 2 ** this.halfBits - 1;
    this.keys = [1, 2, 3, 4].map((round) => combineSeeds(seed, round));
  }

  map(index: number): number {
    let x = index;
    do x = this.encrypt(x);
    while (x >= this.size);
    return x;
  }

  private encrypt(x: number): number {
    let left = Math.floor(x / 2 ** this.halfBits);
    let right = x & this.halfMask;
    for (const key of this.keys) {
      const next = (left ^ mix32((right ^ key) >>> 0)) & this.halfMask;
      left = right;
      right = next;
    }
    return left * 2 ** this.halfBits + right;
  }
}

export interface LengthShape {
  /** Mean RawText length in code points that the plan aims for. */
  meanChars: number;
  /** Floor under every length: the State Department header alone takes this much. */
  minChars: number;
  /** Log-normal shape; larger means a heavier tail. */
  sigma: number;
}

/** Tuned so 7,945 emails come to ~15.4 M characters, longest ~200 K, median ~800. */
export const DEFAULT_SHAPE: LengthShape = { meanChars: 1880, minChars: 360, sigma: 1.6 };

export class LengthPlan {
  private readonly permutation: SeededPermutation;
  private readonly scale: number;

  constructor(
    private readonly count: number,
    seed: number,
    private readonly shape: LengthShape = DEFAULT_SHAPE,
  ) {
    this.permutation = new SeededPermutation(count, combineSeeds(seed, 0x1e9));
    // One pass over the quantiles (no array) so the scale makes the total exact for any count.
    let sum = 0;
    for (let slot = 0; slot < count; slot++) sum += this.quantile(slot);
    this.scale = (count * (shape.meanChars - shape.minChars)) / sum;
  }

  /** Target RawText length, in code points, for the email at this 0-based position. */
  targetFor(index: number): number {
    const slot = this.permutation.map(index);
    return Math.round(this.shape.minChars + this.scale * this.quantile(slot));
  }

  private quantile(slot: number): number {
    return Math.exp(this.shape.sigma * inverseNormalCdf((slot + 0.5) / this.count));
  }
}
