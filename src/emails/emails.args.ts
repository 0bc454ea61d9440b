import { ArgsType, Field, Int } from "type-graphql";
import { LIMITS } from "../graphql/limits";
import { checkRange, type Validatable } from "../graphql/validate";
import { EmailFilter } from "./email-filter.input";

@ArgsType()
export class EmailsArgs implements Validatable {
  @Field(() => EmailFilter, { nullable: true })
  filter?: EmailFilter | null;

  @Field(() => Int, {
    defaultValue: LIMITS.emailsFirst.default,
    description: `Page size, ${LIMITS.pageSize.min} to ${LIMITS.pageSize.max}.`,
  })
  first: number = LIMITS.emailsFirst.default;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the last edge of the previous page.",
  })
  after?: string | null;

  validate(): void {
    checkRange("first", this.first, LIMITS.pageSize);
    this.filter?.validate();
  }
}
