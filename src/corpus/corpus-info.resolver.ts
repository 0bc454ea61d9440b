import { Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { Sqlite } from "../db/sqlite";
import { COMPANIONS, type CompanionKind } from "./companion-files";

/** The row count of a companion file (COMPANIONS names the fields by their kind). */
function RowsOf(stem: string, consequence = ""): PropertyDecorator {
  return Field(() => Int, {
    description: `Rows of ${stem}.csv; 0 when it was not loaded${consequence}.`,
  });
}

@ObjectType({
  description: "The corpus loaded now, and which of the release's files came with it.",
})
export class CorpusInfo {
  @Field(() => Int, { description: "Increases on every load; 0 before the first." })
  version!: number;
  @Field(() => Int) emailCount!: number;
  @Field(() => Date, { nullable: true }) loadedAt!: Date | null;
  @RowsOf("Persons") persons!: number;
  @RowsOf("Aliases") aliases!: number;
  @RowsOf("EmailReceivers", " (RECIPIENT groups are then all null)") emailReceivers!: number;
}

@Resolver(() => CorpusInfo)
export class CorpusInfoResolver {
  constructor(private readonly db: Sqlite) {}

  @Query(() => CorpusInfo, {
    description: "What is loaded: lets a client say why a panel is empty.",
  })
  corpus(): CorpusInfo {
    // One read transaction: the counts and the version belong to the same corpus.
    return this.db.transaction(() => {
      const state = this.db
        .prepare(`SELECT version, emailCount, loadedAt FROM Corpus WHERE id = 1`)
        .get() as { version: number; emailCount: number; loadedAt: string } | undefined;
      const count = (table: string): number =>
        this.db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
      const rows = Object.fromEntries(COMPANIONS.map((c) => [c.kind, count(c.table)]));
      return {
        version: state?.version ?? 0,
        emailCount: state?.emailCount ?? 0,
        loadedAt: state ? new Date(state.loadedAt) : null,
        ...(rows as Record<CompanionKind, number>),
      };
    })();
  }
}
