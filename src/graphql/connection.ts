import { decodeCursor, encodeCursor } from "./cursor";
import { LIMITS } from "./limits";
import type { PageInfo } from "./page-info.type";
import { checkRange } from "./validate";

export interface Edge<N> {
  cursor: string;
  node: N;
}

/** What every Relay connection of the API returns (types from `connectionType`). */
export interface Connection<N> {
  totalCount: number;
  edges: Edge<N>[];
  pageInfo: PageInfo;
}

/**
 * A page request with its cursor decoded. Cursors are keyset keys (an Id), so a page
 * never shifts when rows are added. A source returns up to `take` rows after `afterKey`,
 * one more than asked: that extra row says whether another page follows.
 */
export interface PageRequest {
  kind: string;
  first: number;
  afterKey: number | null;
  take: number;
}

export function pageRequest(
  kind: string,
  first: number,
  after: string | null | undefined,
): PageRequest {
  checkRange("first", first, LIMITS.pageSize);
  return { kind, first, afterKey: after ? decodeCursor(kind, after) : null, take: first + 1 };
}

/** The one place a Relay page is assembled; `rows` are in cursor order, at most `take`. */
export function toConnection<R, N>(
  req: PageRequest,
  rows: readonly R[],
  totalCount: number,
  key: (row: R) => number,
  node: (row: R) => N,
  hasPreviousPage = req.afterKey !== null,
): Connection<N> {
  const edges = rows
    .slice(0, req.first)
    .map((row) => ({ cursor: encodeCursor(req.kind, key(row)), node: node(row) }));
  return {
    totalCount,
    edges,
    pageInfo: {
      hasNextPage: rows.length > req.first,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

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

/** A page of an ascending id array held in memory; `node` gets a position in `ids`. */
export function pageOfIds<N>(
  kind: string,
  ids: Int32Array,
  first: number,
  after: string | null | undefined,
  node: (position: number) => N,
): Connection<N> {
  const req = pageRequest(kind, first, after);
  const from = req.afterKey === null ? 0 : firstAbove(ids, req.afterKey);
  const to = Math.min(ids.length, from + req.take);
  const positions = Array.from({ length: to - from }, (_, i) => from + i);
  return toConnection(req, positions, ids.length, (p) => ids[p], node, from > 0);
}
