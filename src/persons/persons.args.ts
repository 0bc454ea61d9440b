import { ArgsType, Field, Int } from "type-graphql";
import { BadUserInputError } from "../errors/client-errors";
import { LIMITS } from "../graphql/limits";
import { checkRange, type Validatable } from "../graphql/validate";

@ArgsType()
export class PersonsArgs implements Validatable {
  @Field(() => Int, {
    defaultValue: LIMITS.emailsFirst.default,
    description: `Page size, ${LIMITS.pageSize.min} to ${LIMITS.pageSize.max}.`,
  })
  first: number = LIMITS.emailsFirst.default;

  @Field(() => String, { nullable: true, description: "endCursor of the previous page." })
  after?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Substring of the name or of one of the person's aliases (Aliases.csv); case-insensitive for ASCII letters; at most ${LIMITS.substring.max} characters.`,
  })
  nameContains?: string | null;

  validate(): void {
    checkRange("first", this.first, LIMITS.pageSize);
    if (this.nameContains && this.nameContains.length > LIMITS.substring.max) {
      throw new BadUserInputError(
        `nameContains may be at most ${LIMITS.substring.max} characters`,
        { argument: "nameContains" },
      );
    }
  }
}
