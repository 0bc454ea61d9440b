import type { CaseResult } from "./results.types";
import type { EndToEndRow, EndToEndSection, LatencyQuantiles } from "./sections.types";

/**
 * Where an end-to-end query's time goes, from one run's medians: the client's round trip,
 * the `{ __typename }` floor (client, HTTP, Express, Apollo and its plugins), the engine's
 * phases from its report, and what is left: resolvers, aggregates and the answer's JSON.
 * One row per strategy at one worker per core.
 */
export function endToEnd(
  cases: readonly CaseResult[],
  corpus: string,
  floor: LatencyQuantiles,
  cores: number,
): EndToEndSection {
  const rows = cases
    .filter((c) => c.corpus === corpus && c.mode === "http" && c.sweep === "workers")
    .filter((c) => c.workers === null || c.workers === cores)
    .map((c): EndToEndRow => {
      const b = c.breakdown;
      const phases = {
        queueMs: b.queueMs,
        otherMs: b.otherMs,
        loadMs: b.loadMs,
        planMs: b.planMs,
        executeMs: b.executeMs,
        mergeMs: b.mergeMs,
      };
      return {
        strategy: c.strategy === "AUTO" ? `AUTO -> ${c.ran.strategy}` : c.strategy,
        workers: c.ran.workers,
        clientMs: c.wallMs.median,
        floorMs: floor.p50,
        phases,
        engineWallMs: b.engineWallMs,
        answerMs: b.outsideEngineMs - floor.p50,
      };
    });
  return { corpus, floor, rows };
}
