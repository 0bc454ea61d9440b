import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from "type-graphql";
import type { ApiTokens } from "../auth/api-tokens";
import type { RequestContext } from "../graphql/context";
import { HEAVY_FIELD_COMPLEXITY } from "../graphql/complexity";
import { EmailMetricsConnection } from "../graphql/email-metrics.type";
import { AnalysisRunsArgs, RunResultsArgs, StartAnalysisInput } from "./analysis.args";
import { AnalysisService } from "./analysis.service";
import type { AnalysisStore } from "./analysis.store";
import { resultsPage, runsPage } from "./analysis-pages";
import {
  AnalysisRunConnection,
  AnalysisRunType,
  DeletedAnalysis,
  toAnalysisRun,
} from "./analysis-run.type";
import { ANALYSIS_PROGRESS } from "./run-feed";
import { parseRunId, type RunRecord } from "./run-record";

@Resolver(() => AnalysisRunType)
export class AnalysisResolver {
  constructor(
    private readonly analyses: AnalysisService,
    private readonly store: AnalysisStore,
    private readonly tokens: ApiTokens,
  ) {}

  @Mutation(() => AnalysisRunType, {
    // A whole pass over the corpus, like the stats queries, even if it runs later.
    complexity: HEAVY_FIELD_COMPLEXITY,
    // Nullable so that, of several aliased startAnalysis, the ones that created a run are
    // answered even when a later one fails: a client must learn every run it caused.
    nullable: true,
    description:
      "Creates a run and returns it at once (PENDING); it continues in the background. Follow it with analysisProgress or by polling analysisRun. Null only together with an error for this field (then no run was created).",
  })
  async startAnalysis(
    @Arg("input", () => StartAnalysisInput) input: StartAnalysisInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AnalysisRunType | null> {
    const caller = this.tokens.authenticate(ctx.authorization, "startAnalysis");
    return toAnalysisRun(await this.analyses.start(input.toSpec(), ctx.requestId, caller));
  }

  @Mutation(() => AnalysisRunType, {
    description:
      "Stops a run, releases its locks and drops its partial results; returns the run once that is recorded. A run that already ended is returned unchanged.",
  })
  async cancelAnalysis(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AnalysisRunType> {
    const caller = this.tokens.authenticate(ctx.authorization, "cancelAnalysis");
    return toAnalysisRun(await this.analyses.cancel(parseRunId(id), caller));
  }

  @Mutation(() => DeletedAnalysis, {
    description:
      "Deletes a run and all its results (an active run is cancelled first). Ended runs are also deleted by retention: ANALYSIS_RETENTION_RUNS, ANALYSIS_RETENTION_DAYS.",
  })
  async deleteAnalysis(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<DeletedAnalysis> {
    const caller = this.tokens.authenticate(ctx.authorization, "deleteAnalysis");
    const { results } = await this.analyses.delete(parseRunId(id), caller);
    return { id, results };
  }

  @Query(() => AnalysisRunType, { nullable: true, description: "One run by id, or null." })
  analysisRun(@Arg("id", () => ID) id: string): AnalysisRunType | null {
    const run = this.analyses.get(parseRunId(id));
    return run ? toAnalysisRun(run) : null;
  }

  @Query(() => AnalysisRunConnection, { description: "Runs, newest first (Relay connection)." })
  analysisRuns(@Args(() => AnalysisRunsArgs) args: AnalysisRunsArgs): AnalysisRunConnection {
    return runsPage(this.store, args.first, args.after, args.status);
  }

  @FieldResolver(() => EmailMetricsConnection, {
    nullable: true,
    description:
      "Per-email values in email Id order; null until COMPLETED (a run's results are all there or not shown).",
  })
  results(
    @Root() run: AnalysisRunType,
    @Args(() => RunResultsArgs) args: RunResultsArgs,
  ): EmailMetricsConnection | null {
    return resultsPage(this.store, run.record, args.first, args.after);
  }

  @Subscription(() => AnalysisRunType, {
    nullable: true,
    topics: ANALYSIS_PROGRESS,
    topicId: ({ args }) => args.id,
    description:
      "The run's current state, then every progress and status change; ends after COMPLETED, FAILED or CANCELLED. Null (and the end) for an unknown id.",
  })
  analysisProgress(
    @Root() run: RunRecord | null,
    // Declared for the schema; the feed already routed by it.
    @Arg("id", () => ID) _id: string,
  ): AnalysisRunType | null {
    return run ? toAnalysisRun(run) : null;
  }
}
