import { registerEnumType } from "type-graphql";

/**
 * Registers `values` (a string enum) as the GraphQL enum `name`; `described` gives values
 * their descriptions, keyed like the enum.
 */
export function registerDescribedEnum<E extends Record<string, string>>(
  values: E,
  name: string,
  description: string,
  described: { readonly [K in keyof E]?: string } = {},
): void {
  const valuesConfig: { [K in keyof E]?: { description: string } } = {};
  for (const [value, text] of Object.entries(described)) {
    if (text !== undefined) valuesConfig[value as keyof E] = { description: text };
  }
  registerEnumType(values, { name, description, valuesConfig });
}
