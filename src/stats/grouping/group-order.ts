import { GroupOrder } from "./group-enums";
import type { GroupMembers } from "./group-members";

/** What a group is ordered by, besides its key. */
export interface Ranked {
  group: GroupMembers;
  total: number;
  ratio: number;
}

/**
 * Code-point order (Python's str order). UTF-16 order differs only where a surrogate pair
 * meets a unit in U+E000..U+FFFF: moving surrogates above that range fixes it.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return shift(x) - shift(y);
  }
  return a.length - b.length;
}

function shift(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  return unit >= 0xe000 ? unit - 0x800 : unit;
}

/** Keys ascending: person ids as numbers, other keys by code point; the null group last. */
function compareKeys(a: GroupMembers, b: GroupMembers): number {
  if (a.key === null || b.key === null) return (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0);
  if (a.numericKey !== null && b.numericKey !== null) return a.numericKey - b.numericKey;
  return compareCodePoints(a.key, b.key);
}

/** Sorts in place by `order`; ties go by key ascending. */
export function orderGroups<T extends Ranked>(ranked: T[], order: GroupOrder): T[] {
  const byKey = (a: T, b: T): number => compareKeys(a.group, b.group);
  const compare: Record<GroupOrder, (a: T, b: T) => number> = {
    [GroupOrder.TOTAL_DESC]: (a, b) => b.total - a.total || byKey(a, b),
    [GroupOrder.TOTAL_ASC]: (a, b) => a.total - b.total || byKey(a, b),
    [GroupOrder.COUNT_DESC]: (a, b) =>
      b.group.members.length - a.group.members.length || byKey(a, b),
    [GroupOrder.RATIO_DESC]: (a, b) => b.ratio - a.ratio || byKey(a, b),
    [GroupOrder.KEY_ASC]: byKey,
    [GroupOrder.KEY_DESC]: (a, b) =>
      a.group.key === null || b.group.key === null ? byKey(a, b) : byKey(b, a),
  };
  return ranked.sort(compare[order]);
}
