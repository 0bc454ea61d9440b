import { CORPUS_CHANGED, CorpusChangedError } from "../../errors";

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
