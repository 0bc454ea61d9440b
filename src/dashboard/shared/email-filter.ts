import { dayAfter, dayStart, intersect, sentKeyRange } from "./time-buckets";
import type { Drill, Filters } from "./view-state";

/** The API's `EmailFilter` input; only the fields a view sets are sent. */
export interface EmailFilterInput {
  ids?: number[];
  sender?: string;
  senderPersonIds?: number[];
  recipientPersonIds?: number[];
  sentAfter?: string;
  sentBefore?: string;
  subjectContains?: string;
  release?: string;
}

/**
 * Empty fields are left out rather than sent as "" or null: an empty `sender` would still
 * be a LIKE '%%' the server evaluates, and fields this server does not know yet
 * (`release`, `recipientPersonIds` before the Persons work lands) only reach it when used.
 */
export function filterInput(f: Filters): EmailFilterInput {
  const out: EmailFilterInput = {};
  if (f.sender.trim()) out.sender = f.sender.trim();
  if (f.recipientId !== null) out.recipientPersonIds = [f.recipientId];
  if (f.from) out.sentAfter = dayStart(f.from);
  if (f.until) out.sentBefore = dayAfter(f.until);
  if (f.subject.trim()) out.subjectContains = f.subject.trim();
  if (f.release.trim()) out.release = f.release.trim();
  return out;
}

/**
 * The filters narrowed by a drill-down, as far as EmailFilter can express it; a capitals
 * bucket cannot be (the table selects those ids from the per-email counts instead), and
 * neither can a sender or date that is missing (the "(unknown)" groups).
 */
export function drillFilterInput(f: Filters, drill: Drill | null): EmailFilterInput | null {
  const base = filterInput(f);
  if (drill === null || drill.kind === "capitals") return base;
  switch (drill.kind) {
    case "sender":
      // SENDER groups are MetadataFrom as stored; the API's sender filter is a substring.
      return { ...base, sender: drill.key };
    case "person":
      return { ...base, senderPersonIds: [drill.id] };
    case "recipient":
      return { ...base, recipientPersonIds: [drill.id] };
    case "sent": {
      const r = sentKeyRange(drill.key);
      return r === null ? null : { ...base, ...intersect(base, r) };
    }
  }
}

export function isEmptyFilter(filter: EmailFilterInput): boolean {
  return Object.keys(filter).length === 0;
}
