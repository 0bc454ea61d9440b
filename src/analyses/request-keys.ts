import type { Statement } from "better-sqlite3";
import type { Caller } from "../auth/api-tokens";
import type { Sqlite } from "../db/sqlite";
import { filterKey } from "../emails/email-filter";
import { BadUserInputError } from "../errors/client-errors";
import type { AnalysisStore } from "./analysis.store";
import type { RunRecord, RunSpec } from "./run-record";

/**
 * Idempotency keys of startAnalysis (`input.requestKey`): a client that did not get its
 * answer (a dropped connection, a timeout) retries with the same key and gets the same run,
 * instead of a duplicate. A key names one analysis: reused with other input it is refused.
 * With API tokens on, keys are per token: one token cannot reach another's run by its key.
 */
export class RequestKeys {
  private readonly runOf: Statement;
  private readonly claim: Statement;

  constructor(
    private readonly db: Sqlite,
    private readonly store: AnalysisStore,
  ) {
    this.runOf = db.prepare(`SELECT runId FROM AnalysisRequestKey WHERE key = ?`).pluck();
    this.claim = db.prepare(`INSERT INTO AnalysisRequestKey (key, runId) VALUES (?, ?)`);
  }

  /** The run already started under `spec.requestKey`, if any (and if the input is the same). */
  existing(spec: RunSpec, caller: Caller): RunRecord | null {
    if (!spec.requestKey) return null;
    const id = this.runOf.get(keyOf(spec.requestKey, caller)) as number | undefined;
    const run = id === undefined ? null : this.store.get(id);
    if (run && !sameInput(run, spec)) {
      throw new BadUserInputError(
        `input.requestKey "${spec.requestKey}" was used for analysis run ${run.id} with other ` +
          `input; use a new key for a different analysis`,
        { argument: "input.requestKey", runId: String(run.id) },
      );
    }
    return run;
  }

  /** Creates the run and claims its key in one transaction, unless the key got a run meanwhile. */
  create(spec: RunSpec, now: Date, caller: Caller): { run: RunRecord; created: boolean } {
    return this.db
      .transaction(() => {
        const earlier = this.existing(spec, caller);
        if (earlier) return { run: earlier, created: false };
        const run = this.store.createRun(spec, now, caller.tokenHash);
        if (spec.requestKey) this.claim.run(keyOf(spec.requestKey, caller), run.id);
        return { run, created: true };
      })
      .immediate();
  }
}

function sameInput(run: RunRecord, spec: RunSpec): boolean {
  return (
    run.mask === spec.mask &&
    run.strategy === spec.strategy &&
    run.workers === spec.workers &&
    run.chunkSize === spec.chunkSize &&
    run.filter === (spec.filter ? filterKey(spec.filter) : null)
  );
}

/** The stored key: scoped by the caller's token hash when tokens are on. */
function keyOf(key: string, caller: Caller): string {
  return caller.tokenHash === null ? key : `${caller.tokenHash}:${key}`;
}
