import type { Sqlite } from "../../db/sqlite";
import { CorpusChangedError } from "../../errors/client-errors";

/** A text column, dictionary-encoded: codes[i] indexes values, -1 is missing or empty. */
export interface Dictionary {
  codes: Int32Array;
  values: string[];
}

/**
 * What grouping needs to know of every email, in Id order, for one corpus version. The
 * text columns are dictionary-encoded so that a million emails with a few thousand
 * senders cost a few MB, and grouping by one is an array lookup.
 */
export interface EmailAttributes {
  version: number;
  ids: Int32Array;
  sender: Dictionary;
  senderPerson: Int32Array;
  /** UTC milliseconds of MetadataDateSent; NaN when missing. */
  sentMs: Float64Array;
  release: Dictionary;
  documentClass: Dictionary;
  caseNumber: Dictionary;
  /** Distinct recipients of email i: persons[starts[i] .. starts[i + 1]), ascending. */
  recipients: { starts: Int32Array; persons: Int32Array };
  /** Persons.csv names; a person without one maps to null. */
  personNames: ReadonlyMap<number, string | null>;
}

export const NO_PERSON = -1;

class DictionaryBuilder {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];
  constructor(readonly codes: Int32Array) {}

  set(i: number, value: string | null): void {
    if (value === null || value === "") {
      this.codes[i] = -1;
      return;
    }
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.push(value) - 1;
      this.index.set(value, code);
    }
    this.codes[i] = code;
  }
}

type Row = [
  number,
  string | null,
  number | null,
  string | null,
  string | null,
  string | null,
  string | null,
];

/**
 * Reads the attributes of the current corpus once per version and keeps them: a reload
 * bumps the version, so the next request reads again. Synchronous (better-sqlite3) on
 * purpose: grouping runs inside field resolution, and ExecutionReport.groupMs relies on it
 * finishing before the next turn of the event loop.
 */
export class EmailAttributesStore {
  private cached: EmailAttributes | null = null;

  constructor(private readonly db: Sqlite) {}

  /** The attributes of corpus `version`; CORPUS_CHANGED when the corpus has moved on. */
  forVersion(version: number): EmailAttributes {
    if (this.cached?.version !== version) {
      this.cached = null;
      this.cached = this.read();
    }
    if (this.cached.version !== version) {
      throw new CorpusChangedError(
        `the corpus was reloaded (version ${version} is now ${this.cached.version}) after these counts were made; run the query again`,
      );
    }
    return this.cached;
  }

  private read(): EmailAttributes {
    return this.db.transaction((): EmailAttributes => {
      const version =
        (this.db.prepare(`SELECT version FROM Corpus WHERE id = 1`).pluck().get() as
          number | undefined) ?? 0;
      const rows = this.db
        .prepare(
          `SELECT Id, MetadataFrom, SenderPersonId, MetadataDateSent, ExtractedReleaseInPartOrFull,
                  MetadataDocumentClass, MetadataCaseNumber FROM Email ORDER BY Id`,
        )
        .raw()
        .all() as Row[];
      const n = rows.length;
      const ids = new Int32Array(n);
      const senderPerson = new Int32Array(n);
      const sentMs = new Float64Array(n);
      const [sender, release, documentClass, caseNumber] = [0, 1, 2, 3].map(
        () => new DictionaryBuilder(new Int32Array(n)),
      );
      rows.forEach(([id, from, person, sent, rel, cls, kase], i) => {
        ids[i] = id;
        sender.set(i, from);
        senderPerson[i] = person ?? NO_PERSON;
        sentMs[i] = sent === null ? Number.NaN : Date.parse(sent);
        release.set(i, rel);
        documentClass.set(i, cls);
        caseNumber.set(i, kase);
      });
      return {
        version,
        ids,
        sender,
        senderPerson,
        sentMs,
        release,
        documentClass,
        caseNumber,
        recipients: this.readRecipients(ids),
        personNames: new Map(
          this.db.prepare(`SELECT Id, Name FROM Person`).raw().all() as [number, string | null][],
        ),
      };
    })();
  }

  private readRecipients(ids: Int32Array): EmailAttributes["recipients"] {
    const pairs = this.db
      .prepare(`SELECT DISTINCT EmailId, PersonId FROM EmailReceiver ORDER BY EmailId, PersonId`)
      .raw()
      .all() as [number, number][];
    const starts = new Int32Array(ids.length + 1);
    const persons = new Int32Array(pairs.length);
    let p = 0;
    let w = 0;
    // Both sides are in Id order: one merge walk.
    for (let i = 0; i < ids.length; i++) {
      starts[i] = w;
      while (p < pairs.length && pairs[p][0] < ids[i]) p++;
      for (; p < pairs.length && pairs[p][0] === ids[i]; p++) persons[w++] = pairs[p][1];
    }
    starts[ids.length] = w;
    return { starts, persons: persons.subarray(0, w) };
  }
}
