import { ArgsType, Field } from "type-graphql";
import { BadUserInputError } from "../errors/client-errors";
import { LIMITS } from "../graphql/limits";
import { PageArgs } from "../graphql/page.args";

@ArgsType()
export class PersonsArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: `Substring of the name or of one of the person's aliases (Aliases.csv); case-insensitive for ASCII letters; at most ${LIMITS.substring.max} characters.`,
  })
  nameContains?: string | null;

  override validate(): void {
    super.validate();
    if (this.nameContains && this.nameContains.length > LIMITS.substring.max) {
      throw new BadUserInputError(
        `nameContains may be at most ${LIMITS.substring.max} characters`,
        { argument: "nameContains" },
      );
    }
  }
}
