/**
 * `{ A: "A", B: "B" }` from names written once: what a TypeScript string enum compiles to,
 * without writing each name twice. Give a record (its keys are the names, in order, and keep
 * their doc comments) or a list of names; pair it with `type X = EnumValue<typeof X>`.
 */
export function stringEnum<const K extends string>(names: readonly K[]): { readonly [P in K]: P };
export function stringEnum<T extends Record<string, unknown>>(
  named: T,
): { readonly [P in keyof T]: P };
export function stringEnum(names: readonly string[] | Record<string, unknown>): object {
  const keys = Array.isArray(names) ? names : Object.keys(names);
  return Object.fromEntries(keys.map((k) => [k, k]));
}

/** The union of a stringEnum's values, as the enum's type. */
export type EnumValue<E> = E[keyof E];
