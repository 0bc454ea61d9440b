import { pageRequest, toConnection, type Connection } from "../../graphql/connection";
import { CURSOR } from "../../graphql/cursor";

/**
 * One page of an ordered list of groups. Cursors are positions in that order, which is
 * fixed for one computation (the cached counts and the corpus version they came from).
 */
export function pageGroups<T>(
  nodes: readonly T[],
  first: number,
  after: string | null | undefined,
): Connection<T> {
  const req = pageRequest(CURSOR.GROUP, first, after);
  const from = req.afterKey === null ? 0 : Math.max(0, req.afterKey + 1);
  const positions = Array.from(
    { length: Math.max(0, Math.min(nodes.length, from + req.take) - from) },
    (_, i) => from + i,
  );
  return toConnection(
    req,
    positions,
    nodes.length,
    (p) => p,
    (p) => nodes[p],
    from > 0,
  );
}
