import type { Statement } from "better-sqlite3";
import type { Sqlite } from "../db/sqlite";
import { pageRequest, toConnection } from "../graphql/connection";
import { CURSOR } from "../graphql/cursor";
import type { EmailConnection, Email } from "./email.type";
import type { EmailFilter } from "./email-filter.input";
import { filterSql } from "./email-filter";
import { METADATA_SELECT, toEmail } from "./email-rows";
import { EmailTextReader } from "./email-texts";
import { registerTextFunctions } from "./text-match";

/** Ids matching a filter, ascending, and the corpus version they were read from. */
export interface EmailSelection {
  version: number;
  ids: Int32Array;
}

/**
 * Email queries in SQL on the server's connection. Each answer is read in one read transaction
 * together with the corpus version, so its parts never come from two corpora, even while
 * another process (npm run seed) replaces the corpus.
 */
export class EmailService {
  private readonly versionOf: Statement;
  private readonly texts: EmailTextReader;

  constructor(private readonly db: Sqlite) {
    registerTextFunctions(db);
    this.versionOf = db.prepare(`SELECT version FROM Corpus WHERE id = 1`).pluck();
    this.texts = new EmailTextReader(db);
  }

  private version(): number {
    return (this.versionOf.get() as number | undefined) ?? 0;
  }

  findById(id: number): Email | null {
    return this.db.transaction(() => {
      const row = this.db.prepare(`SELECT ${METADATA_SELECT} FROM Email WHERE "Id" = ?`).get(id) as
        Record<string, unknown> | undefined;
      return row ? toEmail(row, this.texts.batch(this.version(), [id])) : null;
    })();
  }

  /** Keyset pagination on Id: stable under inserts and O(page) however deep the page. */
  page(
    filter: EmailFilter | null | undefined,
    first: number,
    after?: string | null,
  ): EmailConnection {
    const req = pageRequest(CURSOR.EMAIL, first, after);
    const where = filterSql(filter);
    return this.db.transaction((): EmailConnection => {
      const totalCount = this.db
        .prepare(`SELECT count(*) FROM Email WHERE ${where.sql}`)
        .pluck()
        .get(...where.params) as number;
      const rows = this.db
        .prepare(
          `SELECT ${METADATA_SELECT} FROM Email WHERE (${where.sql}) AND "Id" > ? ORDER BY "Id" LIMIT ?`,
        )
        .all(...where.params, req.afterKey ?? Number.MIN_SAFE_INTEGER, req.take) as Row[];
      const texts = this.texts.batch(
        this.version(),
        rows.slice(0, req.first).map((r) => r.id as number),
      );
      return toConnection(
        req,
        rows,
        totalCount,
        (row) => row.id as number,
        (row) => toEmail(row, texts),
      );
    })();
  }

  /** Ids matching a filter, ascending, with the version they belong to: the engine's selection. */
  selectIds(filter: EmailFilter | null | undefined): EmailSelection {
    const where = filterSql(filter);
    return this.db.transaction((): EmailSelection => {
      const ids = this.db
        .prepare(`SELECT "Id" FROM Email WHERE ${where.sql} ORDER BY "Id"`)
        .pluck()
        .all(...where.params) as number[];
      return { version: this.version(), ids: Int32Array.from(ids) };
    })();
  }
}

type Row = Record<string, unknown>;
