import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/**
 * Deepest field nesting of one operation, following fragment spreads and inline
 * fragments; a root field is depth 1, so `{ emails { totalCount } }` is 2.
 *
 * The schema's own types do not nest deeply, but introspection's do
 * (`__type { fields { type { fields ... } } }`), so depth has to be bounded on the query
 * text. Each fragment's depth is memoised: a query that spreads one fragment many times
 * costs the size of the fragment once, not once per spread.
 */
export function operationDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const memo = new Map<string, number>();
  // Validation rejects fragment cycles before this runs; the guard keeps a cycle (from a
  // caller that skipped validation) from recursing forever.
  const visiting = new Set<string>();

  const fragmentDepth = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || visiting.has(name)) return 0;
    visiting.add(name);
    const depth = selectionDepth(fragment.selectionSet);
    visiting.delete(name);
    memo.set(name, depth);
    return depth;
  };

  const selectionDepth = (set: SelectionSetNode): number => {
    let max = 0;
    for (const selection of set.selections) {
      let depth: number;
      if (selection.kind === Kind.FIELD) {
        depth = 1 + (selection.selectionSet ? selectionDepth(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = selectionDepth(selection.selectionSet);
      } else {
        depth = fragmentDepth(selection.name.value);
      }
      if (depth > max) max = depth;
    }
    return max;
  };

  return selectionDepth(operation.selectionSet);
}
