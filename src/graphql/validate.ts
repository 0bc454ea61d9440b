import { OutOfRangeError } from "../errors/client-errors";

/** Implemented by @ArgsType/@InputType classes; run by type-graphql's validateFn before a resolver. */
export interface Validatable {
  validate(): void;
}

export function isValidatable(value: unknown): value is Validatable {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Validatable).validate === "function"
  );
}

/** type-graphql validateFn: arguments that know their limits check themselves. */
export function validateArgument(value: unknown): void {
  if (Array.isArray(value)) value.forEach(validateArgument);
  else if (isValidatable(value)) value.validate();
}

export function checkRange(
  argument: string,
  value: number | null | undefined,
  range: { min: number; max: number },
): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new OutOfRangeError(argument, value, range.min, range.max);
  }
}
