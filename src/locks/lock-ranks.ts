import { UnknownLockError } from "./lock-errors";
import type { LockRanks } from "./lock-types";

export interface RankedName {
  name: string;
  rank: number;
}

/**
 * The one global acquisition order: rank first, then name. Names compare by UTF-16 code
 * units rather than localeCompare, because the order must not depend on the process locale.
 */
export function compareRanked(a: RankedName, b: RankedName): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Resolves lock names to ranks. Unknown names are rejected rather than given a default
 * rank: ordering alone would still be deadlock-free, but a typo ("coprus") would silently
 * create a second, unrelated lock and drop mutual exclusion. A catch-all `*` key opts in to
 * a default rank explicitly.
 */
export class LockRegistry {
  /** Names registered exactly; the manager always reports these, even when free. */
  readonly exactNames: readonly string[];
  private readonly exact = new Map<string, number>();
  /** Longest prefix first, so `run:gpu:*` wins over `run:*`. */
  private readonly prefixes: ReadonlyArray<{ prefix: string; rank: number }>;

  constructor(ranks: LockRanks) {
    if (typeof ranks !== "object" || ranks === null) {
      throw new TypeError("lock ranks must be an object mapping lock names to numbers");
    }
    const prefixes: Array<{ prefix: string; rank: number }> = [];
    for (const [key, rank] of Object.entries(ranks)) {
      if (typeof rank !== "number" || !Number.isFinite(rank)) {
        throw new TypeError(`rank of lock "${key}" must be a finite number (got ${String(rank)})`);
      }
      const star = key.indexOf("*");
      if (star === -1) {
        checkLockName(key);
        this.exact.set(key, rank);
      } else if (star === key.length - 1) {
        prefixes.push({ prefix: key.slice(0, -1), rank });
      } else {
        throw new TypeError(`lock rank key "${key}": "*" is only allowed at the end`);
      }
    }
    this.prefixes = prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
    this.exactNames = [...this.exact.keys()];
  }

  rankOf(name: string): number {
    checkLockName(name);
    const exact = this.exact.get(name);
    if (exact !== undefined) return exact;
    for (const { prefix, rank } of this.prefixes) {
      if (name.length > prefix.length && name.startsWith(prefix)) return rank;
    }
    throw new UnknownLockError(name, [
      ...this.exactNames,
      ...this.prefixes.map((p) => `${p.prefix}*`),
    ]);
  }
}

function checkLockName(name: unknown): asserts name is string {
  if (typeof name !== "string" || name.length === 0) {
    throw new TypeError(`lock name must be a non-empty string (got ${JSON.stringify(name)})`);
  }
  if (name.includes("*")) {
    throw new TypeError(`lock name "${name}" must not contain "*" (reserved for rank prefixes)`);
  }
}
