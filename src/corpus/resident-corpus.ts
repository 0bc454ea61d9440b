import type { Sqlite } from "../db/sqlite";
import { readCorpusState } from "./corpus-store";

/**
 * The corpus text held in memory for the engine: every RawText as UTF-8, back to
 * back in one SharedArrayBuffer, so worker threads read it with no copy. Arrays are
 * in Id order; offsets has one more entry than ids, and says where each text lies in
 * bytes (which may hold other things before the first: see ResidentText).
 */
export interface ResidentCorpus {
  version: number;
  ids: Int32Array;
  offsets: Float64Array;
  bytes: SharedArrayBuffer;
  totalBytes: number;
}

/** Room for a corpus's text: [base, base + totalBytes) of bytes. */
export interface ResidentText {
  bytes: SharedArrayBuffer;
  base: number;
}

/** Room for totalBytes of text, given once the read transaction knows the size. */
export type AllocateText = (totalBytes: number) => ResidentText;

/** A buffer of the text alone. */
export const plainText: AllocateText = (totalBytes) => ({
  bytes: new SharedArrayBuffer(Math.max(totalBytes, 1)),
  base: 0,
});

/** Email index of each id in `ids` (ascending), or -1 where absent. */
export function indexOfIds(corpus: Pick<ResidentCorpus, "ids">, wanted: Int32Array): Int32Array {
  const out = new Int32Array(wanted.length);
  const ids = corpus.ids;
  let j = 0;
  // Both sides are ascending, so one merge walk beats a binary search per id.
  for (let i = 0; i < wanted.length; i++) {
    while (j < ids.length && ids[j] < wanted[i]) j++;
    out[i] = j < ids.length && ids[j] === wanted[i] ? j : -1;
  }
  return out;
}

/**
 * Reads the whole corpus inside one read transaction, so the version and the text
 * always belong together even if a loader swaps the corpus meanwhile.
 */
export function readResidentCorpus(db: Sqlite, allocate: AllocateText = plainText): ResidentCorpus {
  return db.transaction((): ResidentCorpus => {
    const state = readCorpusState(db);
    const version = state?.version ?? 0;
    const totalBytes = state?.totalBytes ?? 0;
    const count = state?.emailCount ?? 0;
    const { bytes, base } = allocate(totalBytes);
    if (base + totalBytes > bytes.byteLength) {
      throw new RangeError(
        `${totalBytes} bytes of text do not fit at ${base} of ${bytes.byteLength}`,
      );
    }
    const view = new Uint8Array(bytes);
    const ids = new Int32Array(count);
    const offsets = new Float64Array(count + 1);
    const rows = db
      .prepare(`SELECT Id, CAST(RawText AS BLOB) FROM Email ORDER BY Id`)
      .raw()
      .iterate() as IterableIterator<[number, Buffer | null]>;
    let i = 0;
    let at = base;
    for (const [id, text] of rows) {
      if (i >= count) throw new Error("Email table holds more rows than Corpus.emailCount records");
      ids[i] = id;
      offsets[i] = at;
      if (text) {
        view.set(text, at);
        at += text.length;
      }
      i++;
    }
    offsets[i] = at;
    if (i !== count || at - base !== totalBytes) {
      throw new Error(
        `Corpus metadata (${count} emails, ${totalBytes} bytes) disagrees with Email ` +
          `(${i}, ${at - base})`,
      );
    }
    return { version, ids, offsets, bytes, totalBytes };
  })();
}

/** Ids and byte sizes only (no text), for a corpus above the resident budget. */
export type CorpusIndex = Omit<ResidentCorpus, "bytes">;

/** Ids and cumulative byte offsets in Id order, read in one transaction with the version. */
export function readCorpusIndex(db: Sqlite): CorpusIndex {
  return db.transaction((): CorpusIndex => {
    const state = readCorpusState(db);
    const rows = db.prepare(`SELECT Id, RawTextBytes FROM Email ORDER BY Id`).raw().all() as [
      number,
      number,
    ][];
    const ids = new Int32Array(rows.length);
    const offsets = new Float64Array(rows.length + 1);
    let at = 0;
    rows.forEach(([id, size], i) => {
      ids[i] = id;
      offsets[i] = at;
      at += size;
    });
    offsets[rows.length] = at;
    return { version: state?.version ?? 0, ids, offsets, totalBytes: at };
  })();
}
