import type { DocumentNode, OperationDefinitionNode } from "graphql";

/** What the query limits measure of one operation. */
export interface OperationCost {
  depth: number;
  /** null when the variables do not coerce (execution then reports that itself). */
  complexity: number | null;
}

/**
 * Variable sets remembered per operation. A dashboard repeats a handful of operations with a
 * handful of variable values; a client sending ever-new values only recomputes.
 */
const VARIANTS_PER_DOCUMENT = 16;
/** Longer keys (a filter of thousands of ids) are measured every time instead of kept. */
const MAX_KEY_LENGTH = 4096;

/**
 * Depth and complexity per parsed document, so a repeated operation is measured once. Apollo's
 * document store hands back the same DocumentNode for the same query text, so the document
 * itself is the key: a WeakMap entry lives exactly as long as Apollo keeps the document cached.
 * The cost is a function of the document, the operation and the variables (they decide
 * `@include`/`@skip` and argument values), so all three make up the key.
 */
export class OperationCostCache {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, OperationCost>>();

  costOf(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
    measure: () => OperationCost,
  ): OperationCost {
    const declares = (operation.variableDefinitions?.length ?? 0) > 0;
    // Undeclared variables cannot be used, so they cannot change the cost.
    const key = `${operation.name?.value ?? ""}\n${declares ? JSON.stringify(variables ?? {}) : ""}`;
    if (key.length > MAX_KEY_LENGTH) return measure();
    let known = this.byDocument.get(document);
    const hit = known?.get(key);
    if (hit) return hit;
    const cost = measure();
    if (!known) {
      known = new Map();
      this.byDocument.set(document, known);
    }
    if (known.size >= VARIANTS_PER_DOCUMENT) known.delete(known.keys().next().value as string);
    known.set(key, cost);
    return cost;
  }
}
