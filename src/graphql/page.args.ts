import { ArgsType, Field, Int } from "type-graphql";
import { LIMITS } from "./limits";
import { checkRange, type Validatable } from "./validate";

/**
 * `first` and `after` of a Relay connection field, with the API's page-size limit, `first`
 * defaulting to `defaultFirst`. Extend it (with its own @ArgsType) for a field with more
 * arguments; the SDL lists them after these.
 */
export function PageArgsWithFirst(defaultFirst: number) {
  @ArgsType()
  class PageArgsOf implements Validatable {
    @Field(() => Int, {
      defaultValue: defaultFirst,
      description: `Page size, ${LIMITS.pageSize.min} to ${LIMITS.pageSize.max}.`,
    })
    first: number = defaultFirst;

    @Field(() => String, { nullable: true, description: "endCursor of the previous page." })
    after?: string | null;

    validate(): void {
      checkRange("first", this.first, LIMITS.pageSize);
    }
  }
  return PageArgsOf;
}

/** The usual page: `first` defaults to LIMITS.emailsFirst.default. */
@ArgsType()
export class PageArgs extends PageArgsWithFirst(LIMITS.emailsFirst.default) {}
