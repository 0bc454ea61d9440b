import { countCapitalsInto } from "./capitals.kernel";
import { countAllInto } from "./general.kernel";
import type { SegmentCounts } from "./segment-counts";
import type { CodePointClasses } from "./unicode-tables";

/** Which implementation counts: the JS loops, or the WebAssembly SIMD ones. */
export type KernelName = "js" | "wasm-simd";

/**
 * One implementation of the two counting loops behind countSegments. Implementations must give
 * bit-identical counts and edge flags: the kernel tests run every one of them against Python,
 * hand counts and each other. Callers have validated the segments (see countSegments), but
 * for their code-point boundaries when the kernel checks those itself.
 */
export interface KernelBackend {
  readonly name: KernelName;
  /**
   * True when the kernel counts segments that cut through a code point without harm and then
   * throws checkCodePointBoundaries' error for the first of them itself, before returning.
   */
  readonly checksCodePointBoundaries?: boolean;
  /** CAPITALS of each segment, and CHARACTERS when withCharacters (else that column stays 0). */
  countCapitals(
    bytes: Uint8Array,
    starts: ArrayLike<number>,
    ends: ArrayLike<number>,
    result: SegmentCounts,
    withCharacters: boolean,
  ): void;
  /** Every metric and the edge flags of each segment, whatever result.mask says. */
  countAll(
    bytes: Uint8Array,
    starts: ArrayLike<number>,
    ends: ArrayLike<number>,
    result: SegmentCounts,
  ): void;
}

/** The JS kernels: the fallback where WebAssembly SIMD is missing, and the second oracle. */
export function jsBackend(classes: CodePointClasses): KernelBackend {
  return {
    name: "js",
    countCapitals(bytes, starts, ends, result, withCharacters) {
      countCapitalsInto(bytes, starts, ends, result.counts, classes, withCharacters);
    },
    countAll(bytes, starts, ends, result) {
      countAllInto(bytes, starts, ends, result.counts, result.edges, classes);
    },
  };
}
