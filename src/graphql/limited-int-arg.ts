import { Arg, Int } from "type-graphql";
import { checkRange } from "./validate";

/**
 * An Int argument that defaults to `limit.default` and is range-checked (OUT_OF_RANGE)
 * before the resolver runs, so the resolver only sees sizes within the limit.
 */
export function LimitedIntArg(
  name: string,
  limit: { min: number; max: number; default: number },
): ReturnType<typeof Arg> {
  return Arg(name, () => Int, {
    defaultValue: limit.default,
    validateFn: (value: number) => checkRange(name, value, limit),
  });
}
