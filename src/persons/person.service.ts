import { BatchLoader } from "../graphql/batch-loader";
import { pageRequest, toConnection } from "../graphql/connection";
import { CURSOR } from "../graphql/cursor";
import type { PersonStore, PersonRow } from "./person.store";
import type { Person, PersonConnection } from "./person.type";

const toPerson = (row: PersonRow): Person => ({ id: row.id, name: row.name ?? "" });

/**
 * Persons and who sent or received what. Every per-person or per-email lookup goes through a
 * batch loader, so a page of emails with their senders and recipients costs one query per
 * field, not one per email.
 */
export class PersonService {
  private readonly names: BatchLoader<number, string | null>;
  private readonly sent: BatchLoader<number, number>;
  private readonly received: BatchLoader<number, number>;
  private readonly aliasLists: BatchLoader<number, string[]>;
  private readonly recipientLists: BatchLoader<number, PersonRow[]>;

  constructor(private readonly store: PersonStore) {
    this.names = new BatchLoader((ids) => store.names(ids), null);
    this.sent = new BatchLoader((ids) => store.sentCounts(ids), 0);
    this.received = new BatchLoader((ids) => store.receivedCounts(ids), 0);
    this.aliasLists = new BatchLoader((ids) => store.aliases(ids), []);
    this.recipientLists = new BatchLoader((ids) => store.recipients(ids), []);
  }

  page(
    first: number,
    after: string | null | undefined,
    nameContains: string | null | undefined,
  ): PersonConnection {
    const req = pageRequest(CURSOR.PERSON, first, after);
    const { rows, totalCount } = this.store.page(req.take, req.afterKey, nameContains ?? null);
    return toConnection(req, rows, totalCount, (r) => r.id, toPerson);
  }

  /** The person with this id; its name is empty when Persons.csv does not name it. */
  async person(id: number): Promise<Person> {
    return toPerson({ id, name: await this.names.load(id) });
  }

  async recipients(emailId: number): Promise<Person[]> {
    return (await this.recipientLists.load(emailId)).map(toPerson);
  }

  sentCount(personId: number): Promise<number> {
    return this.sent.load(personId);
  }

  receivedCount(personId: number): Promise<number> {
    return this.received.load(personId);
  }

  aliases(personId: number): Promise<string[]> {
    return this.aliasLists.load(personId);
  }
}
