import { BadUserInputError } from "../../errors/client-errors";
import { LIMITS } from "../../graphql/limits";
import { NO_PERSON, type Dictionary, type EmailAttributes } from "./email-attributes.store";
import { GroupDimension, TimeGranularity } from "./group-enums";
import { bucketKey, bucketStart, nextBucket } from "./time-buckets";

export const UNKNOWN_LABEL = "(unknown)";

export interface GroupSpec {
  by: GroupDimension;
  granularity: TimeGranularity;
  fillGaps: boolean;
}

/** One group: its key and label, and the positions (in the count result) of its emails. */
export interface GroupMembers {
  key: string | null;
  label: string;
  /** Person ids compare as numbers; every other key as text. */
  numericKey: number | null;
  members: Int32Array;
}

/** How one dimension names the groups it files emails under (by a numeric id per group). */
interface Dimension {
  /** Calls add(id) for each group email `row` (an index into the attributes) belongs to. */
  each(row: number, add: (id: number) => void): void;
  key(id: number): string;
  label(id: number): string;
  numeric: boolean;
}

/**
 * Files each email of a count result under its group(s). `rows[p]` is the attribute row of
 * result position p. Groups come out unordered; the null group (missing values) is present
 * only when some email lacks the value.
 */
export function groupMembers(
  attrs: EmailAttributes,
  rows: Int32Array,
  spec: GroupSpec,
): GroupMembers[] {
  const dim = dimension(attrs, spec);
  const byId = new Map<number, number[]>();
  const unknown: number[] = [];
  for (let p = 0; p < rows.length; p++) {
    let placed = false;
    dim.each(rows[p], (id) => {
      placed = true;
      const list = byId.get(id);
      if (list) list.push(p);
      else byId.set(id, [p]);
    });
    if (!placed) unknown.push(p);
  }
  if (spec.fillGaps) fillGaps(byId, spec.granularity);
  const groups: GroupMembers[] = [...byId].map(([id, members]) => ({
    key: dim.key(id),
    label: dim.label(id),
    numericKey: dim.numeric ? id : null,
    members: Int32Array.from(members),
  }));
  if (unknown.length > 0) {
    groups.push({
      key: null,
      label: UNKNOWN_LABEL,
      numericKey: null,
      members: Int32Array.from(unknown),
    });
  }
  return groups;
}

/** Every bucket between the first and the last, so a time series has no holes. */
function fillGaps(byId: Map<number, number[]>, granularity: TimeGranularity): void {
  if (byId.size === 0) return;
  let first = Infinity;
  let last = -Infinity;
  for (const start of byId.keys()) {
    first = Math.min(first, start);
    last = Math.max(last, start);
  }
  let count = 0;
  for (let at = first; at <= last; at = nextBucket(at, granularity)) {
    if (++count > LIMITS.groupBuckets.max) {
      throw new BadUserInputError(
        `fillGaps would make more than ${LIMITS.groupBuckets.max} ${granularity} buckets between ` +
          `${bucketKey(first, granularity)} and ${bucketKey(last, granularity)}; choose a coarser granularity`,
        { argument: "fillGaps", max: LIMITS.groupBuckets.max },
      );
    }
    if (!byId.has(at)) byId.set(at, []);
  }
}

function dimension(attrs: EmailAttributes, spec: GroupSpec): Dimension {
  switch (spec.by) {
    case GroupDimension.SENDER:
      return dictionary(attrs.sender);
    case GroupDimension.RELEASE:
      return dictionary(attrs.release);
    case GroupDimension.DOCUMENT_CLASS:
      return dictionary(attrs.documentClass);
    case GroupDimension.CASE_NUMBER:
      return dictionary(attrs.caseNumber);
    case GroupDimension.SENDER_PERSON:
      return persons(attrs, (row, add) => {
        if (attrs.senderPerson[row] !== NO_PERSON) add(attrs.senderPerson[row]);
      });
    case GroupDimension.RECIPIENT: {
      const { starts, persons: ids } = attrs.recipients;
      return persons(attrs, (row, add) => {
        for (let j = starts[row]; j < starts[row + 1]; j++) add(ids[j]);
      });
    }
    case GroupDimension.SENT: {
      const g = spec.granularity;
      return {
        each: (row, add) => {
          const ms = attrs.sentMs[row];
          if (!Number.isNaN(ms)) add(bucketStart(ms, g));
        },
        key: (start) => bucketKey(start, g),
        label: (start) => bucketKey(start, g),
        numeric: false,
      };
    }
  }
}

function dictionary(d: Dictionary): Dimension {
  return {
    each: (row, add) => {
      if (d.codes[row] >= 0) add(d.codes[row]);
    },
    key: (code) => d.values[code],
    label: (code) => d.values[code],
    numeric: false,
  };
}

function persons(attrs: EmailAttributes, each: Dimension["each"]): Dimension {
  return {
    each,
    key: (id) => String(id),
    label: (id) => attrs.personNames.get(id) || `Person ${id}`,
    numeric: true,
  };
}
