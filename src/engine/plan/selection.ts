import type { CorpusView } from "../../corpus/corpus.service";
import { indexOfIds } from "../../corpus/resident-corpus";

/** A contiguous view of the selected emails' sizes, in selection order. */
export interface Selection {
  /** Index into the corpus arrays of each selected email. */
  emails: Int32Array;
  /** Byte size of each selected email. */
  sizes: Float64Array;
  totalBytes: number;
}

/** Turns the ids a filter selected into positions and sizes in one corpus view. */
export class Selector {
  /** The unfiltered selection is the same for every query on a corpus version: build it once. */
  private readonly wholeSelections = new WeakMap<CorpusView, Selection>();

  /** ids ascending, or null for the whole corpus. */
  select(view: CorpusView, ids: Int32Array | null): Selection {
    if (ids !== null) return select(view, ids);
    let sel = this.wholeSelections.get(view);
    if (!sel) {
      sel = select(view, null);
      this.wholeSelections.set(view, sel);
    }
    return sel;
  }
}

function select(view: CorpusView, ids: Int32Array | null): Selection {
  let emails: Int32Array;
  if (ids === null) {
    emails = new Int32Array(view.ids.length);
    for (let i = 0; i < emails.length; i++) emails[i] = i;
  } else {
    // Ids come from a selection on this very version (Engine.count checks), so all are here.
    emails = indexOfIds(view, ids);
    const missing = emails.indexOf(-1);
    if (missing >= 0)
      throw new Error(`email ${ids[missing]} is not in corpus version ${view.version}`);
  }
  const sizes = new Float64Array(emails.length);
  let totalBytes = 0;
  for (let k = 0; k < emails.length; k++) {
    const i = emails[k];
    sizes[k] = view.offsets[i + 1] - view.offsets[i];
    totalBytes += sizes[k];
  }
  return { emails, sizes, totalBytes };
}
