import { Field, InputType, Int } from "type-graphql";
import { BadUserInputError } from "../errors/client-errors";
import { LIMITS } from "../graphql/limits";
import type { Validatable } from "../graphql/validate";

@InputType({ description: "Selects emails. All given fields must match (AND)." })
export class EmailFilter implements Validatable {
  @Field(() => [Int], { nullable: true, description: `At most ${LIMITS.idsPerFilter.max} ids.` })
  ids?: number[] | null;

  @Field(() => Int, { nullable: true, description: "Lowest Id, inclusive." })
  idFrom?: number | null;

  @Field(() => Int, { nullable: true, description: "Highest Id, inclusive." })
  idTo?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Substring of MetadataFrom, matched literally (% and _ are ordinary characters) and case-insensitively beyond ASCII: both sides are upper-cased, then lower-cased, with final ς as σ (so STRASSE finds Straße, JÜRGEN finds Jürgen). No accent folding: é and e differ.",
  })
  sender?: string | null;

  @Field(() => Date, { nullable: true, description: "MetadataDateSent at or after this instant." })
  sentAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: "MetadataDateSent before this instant." })
  sentBefore?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Substring of MetadataSubject, matched as filter.sender is.",
  })
  subjectContains?: string | null;

  @Field(() => [Int], {
    nullable: true,
    description: `SenderPersonId is one of these (1 to ${LIMITS.personIdsPerFilter.max} ids).`,
  })
  senderPersonIds?: number[] | null;

  @Field(() => [Int], {
    nullable: true,
    description: `Some recipient in EmailReceivers.csv is one of these persons (1 to ${LIMITS.personIdsPerFilter.max} ids).`,
  })
  recipientPersonIds?: number[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'ExtractedReleaseInPartOrFull equals this exactly ("RELEASE IN FULL", "RELEASE IN PART").',
  })
  release?: string | null;

  validate(): void {
    for (const [name, ids] of [
      ["filter.senderPersonIds", this.senderPersonIds],
      ["filter.recipientPersonIds", this.recipientPersonIds],
    ] as const) {
      if (ids && (ids.length === 0 || ids.length > LIMITS.personIdsPerFilter.max)) {
        throw new BadUserInputError(
          `${name} must list 1 to ${LIMITS.personIdsPerFilter.max} person ids (got ${ids.length}); leave it out to select everyone`,
          { argument: name },
        );
      }
    }
    if (this.ids && this.ids.length > LIMITS.idsPerFilter.max) {
      throw new BadUserInputError(
        `filter.ids may hold at most ${LIMITS.idsPerFilter.max} ids (got ${this.ids.length})`,
        {
          argument: "filter.ids",
        },
      );
    }
    for (const [name, value] of [
      ["filter.sender", this.sender],
      ["filter.subjectContains", this.subjectContains],
      ["filter.release", this.release],
    ] as const) {
      if (value && value.length > LIMITS.substring.max) {
        throw new BadUserInputError(`${name} may be at most ${LIMITS.substring.max} characters`, {
          argument: name,
        });
      }
    }
  }
}
