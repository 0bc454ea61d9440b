export const CORPUS_CHANGED = "CORPUS_CHANGED";

/**
 * The corpus was reloaded between planning a query and reading its text: the task's ids and
 * byte ranges belong to a version that no longer exists, so any count would be wrong.
 * `name` and `code` are own properties on purpose: workerpool serializes an error through its
 * own property names only, so this is how the error survives the trip out of a worker.
 */
export class CorpusChangedError extends Error {
  override readonly name: string = CORPUS_CHANGED;
  readonly code = CORPUS_CHANGED;

  constructor(
    readonly expectedVersion: number,
    readonly actualVersion: number | null,
    message = `corpus changed while the query ran: planned on version ${expectedVersion}, ` +
      `the database now holds ${actualVersion === null ? "no corpus" : `version ${actualVersion}`}`,
  ) {
    super(message);
  }
}

/** True for a CorpusChangedError, including the plain object a worker's error arrives as. */
export function isCorpusChanged(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const { name, code } = err as { name?: unknown; code?: unknown };
  return name === CORPUS_CHANGED || code === CORPUS_CHANGED;
}

/** Turns a CORPUS_CHANGED error that crossed a worker boundary back into the class. */
export function reviveCorpusChanged(err: unknown): unknown {
  if (!isCorpusChanged(err) || err instanceof CorpusChangedError) return err;
  const e = err as { expectedVersion?: unknown; actualVersion?: unknown; message?: unknown };
  return new CorpusChangedError(
    Number(e.expectedVersion),
    typeof e.actualVersion === "number" ? e.actualVersion : null,
    typeof e.message === "string" ? e.message : undefined,
  );
}
