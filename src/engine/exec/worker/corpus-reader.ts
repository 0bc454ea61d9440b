import { openSqlite, type Sqlite } from "../../../db/sqlite";
import { CorpusChangedError } from "../../errors";

type IdText = [id: number, text: Buffer];

/**
 * One read-only connection to a corpus database, with its statements prepared once. Reading
 * happens inside a single transaction so the version check and the texts come from the same
 * WAL snapshot: a reload that commits in between cannot hand back a mix of two corpora.
 */
export class CorpusReader {
  private readonly db: Sqlite;
  private readonly readSnapshot: (version: number, idsJson: string) => IdText[];

  constructor(readonly file: string) {
    try {
      this.db = openSqlite(file, { readonly: true });
    } catch (err) {
      throw new Error(`cannot open corpus database ${file} read-only: ${(err as Error).message}`, {
        cause: err,
      });
    }
    const db = this.db;
    const versionOf = db.prepare("SELECT version FROM Corpus WHERE id = 1").pluck();
    // CAST to BLOB hands back the stored UTF-8 bytes as a Buffer, skipping a decode to a JS
    // string and a re-encode; json_each binds any number of ids as one parameter.
    const texts = db
      .prepare(
        "SELECT Id, CAST(RawText AS BLOB) FROM Email WHERE Id IN (SELECT value FROM json_each(?))",
      )
      .raw();
    this.readSnapshot = db.transaction((version: number, idsJson: string): IdText[] => {
      const actual = versionOf.get() as number | undefined;
      if (actual !== version) throw new CorpusChangedError(version, actual ?? null);
      return texts.all(idsJson) as IdText[];
    });
  }

  /** The UTF-8 bytes of each id's RawText, all from corpus `version`; a missing id throws. */
  readTexts(version: number, ids: readonly number[]): Map<number, Buffer> {
    const rows = this.readSnapshot(version, JSON.stringify(ids));
    const byId = new Map<number, Buffer>();
    for (const [id, text] of rows) byId.set(id, text);
    if (byId.size !== ids.length) {
      const missing = ids.filter((id) => !byId.has(id));
      throw new RangeError(
        `email ids ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? ", ..." : ""} ` +
          `are not in corpus version ${version} of ${this.file}`,
      );
    }
    return byId;
  }

  close(): void {
    this.db.close();
  }
}
