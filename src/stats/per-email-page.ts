import { decodeCursor, encodeCursor } from "../graphql/cursor";
import { LIMITS } from "../graphql/limits";
import { checkRange } from "../graphql/validate";
import type { PageInfo } from "../graphql/page-info.type";

const CURSOR_KIND = "email";

/** Position of the first id greater than `id` in ascending ids. */
function firstAbove(ids: Int32Array, id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One page of per-email values in Id order, keyed by email Id cursors. */
export function pagePerEmail<T>(
  ids: Int32Array,
  first: number,
  after: string | null | undefined,
  node: (position: number) => T,
): { totalCount: number; edges: { cursor: string; node: T }[]; pageInfo: PageInfo } {
  checkRange("first", first, LIMITS.pageSize);
  const from = after ? firstAbove(ids, decodeCursor(CURSOR_KIND, after)) : 0;
  const to = Math.min(ids.length, from + first);
  const edges = [];
  for (let p = from; p < to; p++)
    edges.push({ cursor: encodeCursor(CURSOR_KIND, ids[p]), node: node(p) });
  return {
    totalCount: ids.length,
    edges,
    pageInfo: {
      hasNextPage: to < ids.length,
      hasPreviousPage: from > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
