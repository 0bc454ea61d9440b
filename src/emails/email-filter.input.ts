import { Field, InputType, Int } from "type-graphql";
import { BadUserInputError } from "../errors/client-errors";
import { LIMITS } from "../graphql/limits";
import type { Validatable } from "../graphql/validate";

/** A condition of the filter: optional, as every one is (an absent or null one matches all). */
function Condition(
  type: NonNullable<Parameters<typeof Field>[0]>,
  description: string,
): PropertyDecorator {
  return Field(type, { nullable: true, description });
}

@InputType({ description: "Selects emails. All given fields must match (AND)." })
export class EmailFilter implements Validatable {
  @Condition(() => [Int], `At most ${LIMITS.idsPerFilter.max} ids.`)
  ids?: number[] | null;

  @Condition(() => Int, "Lowest Id, inclusive.")
  idFrom?: number | null;

  @Condition(() => Int, "Highest Id, inclusive.")
  idTo?: number | null;

  @Condition(
    () => String,
    "Substring of MetadataFrom, matched literally (% and _ are ordinary characters) and case-insensitively beyond ASCII: both sides are upper-cased, then lower-cased, with final ς as σ (so STRASSE finds Straße, JÜRGEN finds Jürgen). No accent folding: é and e differ.",
  )
  sender?: string | null;

  @Condition(() => Date, "MetadataDateSent at or after this instant.")
  sentAfter?: Date | null;

  @Condition(() => Date, "MetadataDateSent before this instant.")
  sentBefore?: Date | null;

  @Condition(() => String, "Substring of MetadataSubject, matched as filter.sender is.")
  subjectContains?: string | null;

  @Condition(
    () => [Int],
    `SenderPersonId is one of these (1 to ${LIMITS.personIdsPerFilter.max} ids).`,
  )
  senderPersonIds?: number[] | null;

  @Condition(
    () => [Int],
    `Some recipient in EmailReceivers.csv is one of these persons (1 to ${LIMITS.personIdsPerFilter.max} ids).`,
  )
  recipientPersonIds?: number[] | null;

  @Condition(
    () => String,
    'ExtractedReleaseInPartOrFull equals this exactly ("RELEASE IN FULL", "RELEASE IN PART").',
  )
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
