import { ArgsType, Field, Int } from "type-graphql";
import { EmailFilter } from "../emails/email-filter.input";
import { ExecutionStrategy } from "../engine/execution-strategy";
import { LIMITS } from "../graphql/limits";
import { checkRange, type Validatable } from "../graphql/validate";

/** How a stats query executes; shared by every stats query. */
@ArgsType()
export class ExecutionArgs implements Validatable {
  @Field(() => ExecutionStrategy, { defaultValue: ExecutionStrategy.AUTO })
  strategy: ExecutionStrategy = ExecutionStrategy.AUTO;

  @Field(() => Int, {
    nullable: true,
    description: `Most workers this query keeps busy at once (${LIMITS.workers.min} to the pool's maximum). Default: one per core.`,
  })
  workers?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Emails per task (${LIMITS.chunkSize.min} to ${LIMITS.chunkSize.max}); 1 is Pool.map one item at a time. Default: chunks balanced by bytes.`,
  })
  chunkSize?: number | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Recompute from the text instead of the cache.",
  })
  fresh: boolean = false;

  @Field(() => EmailFilter, { nullable: true })
  filter?: EmailFilter | null;

  validate(): void {
    checkRange("workers", this.workers, LIMITS.workers);
    checkRange("chunkSize", this.chunkSize, LIMITS.chunkSize);
    this.filter?.validate();
  }
}
