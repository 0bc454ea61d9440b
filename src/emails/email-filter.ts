import type { Prisma } from "../generated/prisma/client";
import type { EmailFilter } from "./email-filter.input";

/** The one translation of EmailFilter to SQL (through Prisma), shared by every query. */
export function toEmailWhere(filter: EmailFilter | null | undefined): Prisma.EmailWhereInput {
  if (!filter) return {};
  const and: Prisma.EmailWhereInput[] = [];
  if (filter.ids) and.push({ id: { in: filter.ids } });
  if (filter.idFrom != null) and.push({ id: { gte: filter.idFrom } });
  if (filter.idTo != null) and.push({ id: { lte: filter.idTo } });
  if (filter.sender) and.push({ metadataFrom: { contains: filter.sender } });
  if (filter.subjectContains) and.push({ metadataSubject: { contains: filter.subjectContains } });
  if (filter.sentAfter) and.push({ metadataDateSent: { gte: filter.sentAfter } });
  if (filter.sentBefore) and.push({ metadataDateSent: { lt: filter.sentBefore } });
  if (filter.senderPersonIds) and.push({ senderPersonId: { in: filter.senderPersonIds } });
  if (filter.recipientPersonIds) {
    and.push({ receivers: { some: { personId: { in: filter.recipientPersonIds } } } });
  }
  if (filter.release != null) and.push({ extractedReleaseInPartOrFull: filter.release });
  return and.length === 0 ? {} : { AND: and };
}

/** True when the filter selects every email, so callers can skip the query entirely. */
export function selectsAll(filter: EmailFilter | null | undefined): boolean {
  return Object.keys(toEmailWhere(filter)).length === 0;
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
