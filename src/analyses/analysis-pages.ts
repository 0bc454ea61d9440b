import { decodeCursor, encodeCursor } from "../graphql/cursor";
import type { EmailMetrics, EmailMetricsConnection } from "../stats/text-stats.type";
import type { AnalysisStore } from "./analysis.store";
import { toAnalysisRun, type AnalysisRunConnection } from "./analysis-run.type";
import { RunStatus, type RunRecord } from "./run-record";

const RUN_CURSOR = "analysis-run";
const RESULT_CURSOR = "analysis-result";

/** Relay page of runs, newest first (keyset on id, so new runs never shift a page). */
export function runsPage(
  store: AnalysisStore,
  first: number,
  after: string | null | undefined,
  status: RunStatus | null | undefined,
): AnalysisRunConnection {
  const beforeId = after ? decodeCursor(RUN_CURSOR, after) : null;
  const { runs, totalCount, hasNextPage } = store.page(first, beforeId, status ?? null);
  const edges = runs.map((r) => ({
    cursor: encodeCursor(RUN_CURSOR, r.id),
    node: toAnalysisRun(r),
  }));
  return {
    totalCount,
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: beforeId !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * A COMPLETED run's per-email values in email Id order; null for any other status, so a
 * reader never sees the partial results of a run that is still writing or being rolled back.
 */
export function resultsPage(
  store: AnalysisStore,
  run: RunRecord,
  first: number,
  after: string | null | undefined,
): EmailMetricsConnection | null {
  if (run.status !== RunStatus.COMPLETED) return null;
  const afterId = after ? decodeCursor(RESULT_CURSOR, after) : null;
  const rows = store.resultsPage(run.id, first, afterId);
  const edges = rows.slice(0, first).map((row) => {
    // row.values follows METRICS, the order of the AnalysisResult columns.
    const [capitals, lowercase, digits, whitespace, words, lines, characters] = row.values;
    const node: EmailMetrics = {
      emailId: row.emailId,
      capitals,
      lowercase,
      digits,
      whitespace,
      words,
      lines,
      characters,
    };
    return { cursor: encodeCursor(RESULT_CURSOR, row.emailId), node };
  });
  return {
    totalCount: run.emailCount ?? 0,
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: afterId !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
