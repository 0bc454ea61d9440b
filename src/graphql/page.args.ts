import { ArgsType, Field, Int } from "type-graphql";
import { LIMITS } from "./limits";
import { checkRange, type Validatable } from "./validate";

/** `first` and `after` of a Relay connection field, with the API's page-size limit. */
@ArgsType()
export class PageArgs implements Validatable {
  @Field(() => Int, {
    defaultValue: LIMITS.emailsFirst.default,
    description: `Page size, ${LIMITS.pageSize.min} to ${LIMITS.pageSize.max}.`,
  })
  first: number = LIMITS.emailsFirst.default;

  @Field(() => String, { nullable: true, description: "endCursor of the previous page." })
  after?: string | null;

  validate(): void {
    checkRange("first", this.first, LIMITS.pageSize);
  }
}
