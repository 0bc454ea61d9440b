import { toPrismaDateTime } from "../corpus/row-mapper";
import type { EmailFilter } from "./email-filter.input";
import { containsFolded } from "./text-match";

export interface SqlCondition {
  /** A boolean SQL expression over the Email table ("1" when the filter selects everything). */
  sql: string;
  params: (string | number)[];
}

/**
 * The one translation of EmailFilter to SQL, shared by every query. Ids travel as one JSON
 * parameter (json_each), so a filter of 100,000 ids binds one value, far from SQLite's
 * parameter limit; text conditions compare literally and case-insensitively (text-match.ts).
 */
export function filterSql(filter: EmailFilter | null | undefined): SqlCondition {
  const and: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, param: string | number): void => {
    and.push(sql);
    params.push(param);
  };
  if (filter?.ids) add(`"Id" IN (SELECT value FROM json_each(?))`, JSON.stringify(filter.ids));
  if (filter?.idFrom != null) add(`"Id" >= ?`, filter.idFrom);
  if (filter?.idTo != null) add(`"Id" <= ?`, filter.idTo);
  for (const [column, needle] of [
    ["MetadataFrom", filter?.sender],
    ["MetadataSubject", filter?.subjectContains],
  ] as const) {
    if (!needle) continue;
    const c = containsFolded(column, needle);
    add(c.sql, c.param);
  }
  const ids = `(SELECT value FROM json_each(?))`;
  if (filter?.senderPersonIds)
    add(`"SenderPersonId" IN ${ids}`, JSON.stringify(filter.senderPersonIds));
  if (filter?.recipientPersonIds) {
    add(
      `EXISTS (SELECT 1 FROM "EmailReceiver" r WHERE r."EmailId" = "Email"."Id" AND r."PersonId" IN ${ids})`,
      JSON.stringify(filter.recipientPersonIds),
    );
  }
  if (filter?.release != null) add(`"ExtractedReleaseInPartOrFull" = ?`, filter.release);
  // Stored as Prisma writes DateTime (ISO-8601 with an explicit offset), so text order is time order.
  if (filter?.sentAfter) add(`"MetadataDateSent" >= ?`, sqlDate(filter.sentAfter));
  if (filter?.sentBefore) add(`"MetadataDateSent" < ?`, sqlDate(filter.sentBefore));
  return { sql: and.length === 0 ? "1" : and.join(" AND "), params };
}

function sqlDate(d: Date): string {
  return toPrismaDateTime(d.toISOString()) as string;
}

/** True when the filter selects every email, so callers can skip the query entirely. */
export function selectsAll(filter: EmailFilter | null | undefined): boolean {
  return filterSql(filter).params.length === 0;
}

/** Stable cache key: same filter, same key, whatever the field order. */
export function filterKey(filter: EmailFilter | null | undefined): string {
  if (!filter) return "{}";
  const entries = Object.entries(filter)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}
