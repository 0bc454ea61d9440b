import { Field, Float } from "type-graphql";

/**
 * Fields of measured quantities, so that each kind says its GraphQL type once: durations
 * and byte counts are Floats (sums of many readings outgrow Int).
 */

/** A measured duration in ms; nullable where older stored reports have none. */
export function MsField(
  description?: string,
  opts: { nullable?: boolean } = {},
): PropertyDecorator {
  return Field(() => Float, { ...opts, description });
}

/** A count of bytes read, staged or sent. */
export function BytesField(description?: string): PropertyDecorator {
  return Field(() => Float, { description });
}
