import type { LockRanks, LockRequest } from "./lock-types";

/**
 * Every lock the server takes, and the one global order they are acquired in (rank, then
 * name). A critical section declares all of its locks up front; see the README's
 * architecture section for which section writes what.
 *
 * - `corpus`: the loaded corpus. Shared by anything that reads it (analyses, stats
 *   queries); exclusive for a reload, which therefore waits for every reader, while readers
 *   that arrive during a reload wait for it.
 * - `analysis-runs`: the AnalysisRun table as a whole. Shared by sections that write one
 *   run; exclusive for start-up recovery, which rewrites every interrupted run at once.
 * - `run:<id>`: one run's row and its AnalysisResult rows; exclusive for the run itself.
 *
 * Admission slots (the heavy-query and analysis gates) are not locks: they are always taken
 * before any lock and never while holding one. A lock holder therefore never waits for a slot,
 * which keeps slot waits out of the waits-for graph.
 */
export const CORPUS_LOCK = "corpus";
export const RUNS_TABLE_LOCK = "analysis-runs";

export const APP_LOCK_RANKS: LockRanks = {
  [CORPUS_LOCK]: 0,
  [RUNS_TABLE_LOCK]: 10,
  "run:*": 30,
};

export function runLock(id: number): string {
  return `run:${id}`;
}

export const CORPUS_SHARED: LockRequest = { name: CORPUS_LOCK, mode: "shared" };
export const CORPUS_EXCLUSIVE: LockRequest = { name: CORPUS_LOCK, mode: "exclusive" };

/** What a section that writes run `id` (and only that run) holds. */
export function oneRunLocks(id: number): LockRequest[] {
  return [
    { name: RUNS_TABLE_LOCK, mode: "shared" },
    { name: runLock(id), mode: "exclusive" },
  ];
}
