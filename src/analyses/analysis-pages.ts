import { pageRequest, toConnection } from "../graphql/connection";
import { CURSOR } from "../graphql/cursor";
import { toEmailMetrics, type EmailMetricsConnection } from "../graphql/email-metrics.type";
import type { AnalysisStore } from "./analysis.store";
import { toAnalysisRun, type AnalysisRunConnection } from "./analysis-run.type";
import { RunStatus, type RunRecord } from "./run-record";

/** Relay page of runs, newest first (keyset on id, so new runs never shift a page). */
export function runsPage(
  store: AnalysisStore,
  first: number,
  after: string | null | undefined,
  status: RunStatus | null | undefined,
): AnalysisRunConnection {
  const req = pageRequest(CURSOR.ANALYSIS_RUN, first, after);
  const { runs, totalCount } = store.page(req.take, req.afterKey, status ?? null);
  return toConnection(req, runs, totalCount, (r) => r.id, toAnalysisRun);
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
  const req = pageRequest(CURSOR.ANALYSIS_RESULT, first, after);
  const rows = store.resultsPage(run.id, req.take, req.afterKey);
  // row.values follows METRICS, the order of the AnalysisResult columns.
  return toConnection(
    req,
    rows,
    run.emailCount ?? 0,
    (row) => row.emailId,
    (row) => toEmailMetrics(row.emailId, row.values),
  );
}
