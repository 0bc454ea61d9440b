import type { Statement } from "better-sqlite3";
import type { Sqlite } from "../db/sqlite";
import { foldCase, FOLD_FUNCTION, registerTextFunctions } from "../emails/text-match";

export interface PersonRow {
  id: number;
  /** Null when Persons.csv gives no name, or has no row for the id. */
  name: string | null;
}

/**
 * Literal and case-insensitive beyond ASCII, as the email filters (src/emails/text-match.ts):
 * "ÓSCAR" finds "Núñez, Óscar", and % or _ are ordinary characters.
 */
const NAME_MATCH = `(@needle IS NULL OR instr(${FOLD_FUNCTION}(Name), @needle) > 0
  OR Id IN (SELECT PersonId FROM Alias WHERE instr(${FOLD_FUNCTION}(Alias), @needle) > 0))`;

/**
 * The Persons, Aliases and EmailReceivers tables, read with better-sqlite3. Lookups of many
 * ids take them as one JSON array parameter (json_each), so one prepared statement serves
 * every batch size.
 */
export class PersonStore {
  private readonly countMatching: Statement;
  private readonly pageMatching: Statement;
  private readonly namesOf: Statement;
  private readonly sentOf: Statement;
  private readonly receivedOf: Statement;
  private readonly aliasesOf: Statement;
  private readonly recipientsOf: Statement;

  constructor(db: Sqlite) {
    registerTextFunctions(db);
    const ids = `(SELECT value FROM json_each(?))`;
    this.countMatching = db.prepare(`SELECT count(*) FROM Person WHERE ${NAME_MATCH}`).pluck();
    this.pageMatching = db.prepare(
      `SELECT Id AS id, Name AS name FROM Person WHERE Id > @after AND ${NAME_MATCH}
       ORDER BY Id LIMIT @take`,
    );
    this.namesOf = db.prepare(`SELECT Id, Name FROM Person WHERE Id IN ${ids}`).raw();
    this.sentOf = db
      .prepare(
        `SELECT SenderPersonId, count(*) FROM Email WHERE SenderPersonId IN ${ids}
         GROUP BY SenderPersonId`,
      )
      .raw();
    this.receivedOf = db
      .prepare(
        `SELECT PersonId, count(DISTINCT EmailId) FROM EmailReceiver WHERE PersonId IN ${ids}
         GROUP BY PersonId`,
      )
      .raw();
    this.aliasesOf = db
      .prepare(`SELECT PersonId, Alias FROM Alias WHERE PersonId IN ${ids} ORDER BY PersonId, Id`)
      .raw();
    this.recipientsOf = db
      .prepare(
        `SELECT DISTINCT r.EmailId, r.PersonId, p.Name FROM EmailReceiver r
         LEFT JOIN Person p ON p.Id = r.PersonId
         WHERE r.EmailId IN ${ids} ORDER BY r.EmailId, r.PersonId`,
      )
      .raw();
  }

  /** Up to `take` persons in Id order after `afterId` whose name or an alias contains the text. */
  page(
    take: number,
    afterId: number | null,
    nameContains: string | null,
  ): { rows: PersonRow[]; totalCount: number } {
    const needle = nameContains ? foldCase(nameContains) : null;
    const totalCount = this.countMatching.get({ needle }) as number;
    const rows = this.pageMatching.all({
      needle,
      after: afterId ?? Number.MIN_SAFE_INTEGER,
      take,
    }) as PersonRow[];
    return { rows, totalCount };
  }

  names(ids: readonly number[]): Map<number, string | null> {
    return new Map(this.namesOf.all(JSON.stringify(ids)) as [number, string | null][]);
  }

  sentCounts(ids: readonly number[]): Map<number, number> {
    return new Map(this.sentOf.all(JSON.stringify(ids)) as [number, number][]);
  }

  receivedCounts(ids: readonly number[]): Map<number, number> {
    return new Map(this.receivedOf.all(JSON.stringify(ids)) as [number, number][]);
  }

  aliases(ids: readonly number[]): Map<number, string[]> {
    return groupRows(this.aliasesOf.all(JSON.stringify(ids)) as [number, string][]);
  }

  /** Distinct recipients of each email, by person Id. */
  recipients(emailIds: readonly number[]): Map<number, PersonRow[]> {
    const rows = this.recipientsOf.all(JSON.stringify(emailIds)) as [
      number,
      number,
      string | null,
    ][];
    return groupRows(rows.map(([email, id, name]) => [email, { id, name }]));
  }
}

function groupRows<T>(rows: [number, T][]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const [key, value] of rows) {
    const list = out.get(key);
    if (list) list.push(value);
    else out.set(key, [value]);
  }
  return out;
}
