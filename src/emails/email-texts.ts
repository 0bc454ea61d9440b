import type { Statement } from "better-sqlite3";
import type { Sqlite } from "../db/sqlite";
import { CorpusChangedError } from "../errors/client-errors";
import type { ResponseBudget } from "../graphql/response-budget";

/** The two columns that may be megabytes per email; read only when a field asks for them. */
export type TextColumn = "RawText" | "ExtractedBodyText";

const CORPUS_VERSION = `SELECT version FROM Corpus WHERE id = 1`;

/**
 * Reads the large text columns of emails fetched earlier (a page, or one email), only when a
 * field asks for them, for the whole page at once. The bytes are charged to the request's
 * response budget before any text is read, so a request past MAX_RESPONSE_MB fails without
 * holding the text in memory; and the corpus version is checked in the same read, so text from
 * a reloaded corpus is never paired with the metadata of the old one.
 */
export class EmailTextReader {
  private readonly version: Statement;
  private readonly sizes: Record<TextColumn, Statement>;
  private readonly texts: Record<TextColumn, Statement>;

  constructor(private readonly db: Sqlite) {
    this.version = db.prepare(CORPUS_VERSION).pluck();
    const ids = `"Id" IN (SELECT value FROM json_each(?))`;
    const sizes = (c: TextColumn) =>
      db
        .prepare(`SELECT coalesce(sum(length(CAST("${c}" AS BLOB))), 0) FROM Email WHERE ${ids}`)
        .pluck();
    const texts = (c: TextColumn) =>
      db.prepare(`SELECT "Id", "${c}" FROM Email WHERE ${ids}`).raw();
    this.sizes = { RawText: sizes("RawText"), ExtractedBodyText: sizes("ExtractedBodyText") };
    this.texts = { RawText: texts("RawText"), ExtractedBodyText: texts("ExtractedBodyText") };
  }

  /** Texts of the rows fetched together on corpus `version`. */
  batch(version: number, ids: readonly number[]): EmailTexts {
    return new EmailTexts(this, version, ids);
  }

  read(
    version: number,
    ids: readonly number[],
    column: TextColumn,
    budget: ResponseBudget | null,
  ): Map<number, string | null> {
    const json = JSON.stringify(ids);
    return this.db.transaction(() => {
      const actual = this.version.get() as number | undefined;
      if (actual !== version) {
        throw new CorpusChangedError(
          "the corpus was reloaded between reading these emails and their text; retry the query",
        );
      }
      budget?.charge(this.sizes[column].get(json) as number, `${column} of ${ids.length} emails`);
      const rows = this.texts[column].all(json) as [number, string | null][];
      return new Map(rows);
    })();
  }
}

/** The large texts of one group of emails, read on first use (see EmailTextReader). */
export class EmailTexts {
  private readonly loaded = new Map<TextColumn, Promise<Map<number, string | null>>>();

  constructor(
    private readonly reader: EmailTextReader,
    private readonly version: number,
    private readonly ids: readonly number[],
  ) {}

  /** The text of one email of the group, for a field of the response (charged to `budget`). */
  async get(id: number, column: TextColumn, budget: ResponseBudget): Promise<string | null> {
    let texts = this.loaded.get(column);
    if (!texts) {
      // One read for the whole group: the first field of the page pays for all of them.
      texts = Promise.resolve().then(() =>
        this.reader.read(this.version, this.ids, column, budget),
      );
      this.loaded.set(column, texts);
    }
    return (await texts).get(id) ?? null;
  }

  /** One email's text for a computation on the server (not sent, so not charged). */
  one(id: number, column: TextColumn): string | null {
    return this.reader.read(this.version, [id], column, null).get(id) ?? null;
  }
}
