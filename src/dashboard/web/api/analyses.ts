import type { EmailFilterInput } from "../../shared/email-filter";
import { API_ENUMS } from "../../shared/api-enums";
import type { Strategy } from "../../shared/view-state";
import type { GraphQLClient } from "./graphql-client";
import type { SubscriptionClient, SubscriptionHandlers } from "./subscriptions";
import type { AnalysisRun, Connection } from "./types";

export const TEXT_METRICS = API_ENUMS.TextMetric;

const RUN_FIELDS = `id status metrics strategy progress emailsDone emailCount
  totals { metric total mean median max }
  execution { strategy workers tasks wallMs }
  error createdAt finishedAt`;

const START = `mutation DashboardStartAnalysis($input: StartAnalysisInput!) {
  startAnalysis(input: $input) { ${RUN_FIELDS} }
}`;
const CANCEL = `mutation DashboardCancelAnalysis($id: ID!) { cancelAnalysis(id: $id) { ${RUN_FIELDS} } }`;
const RUNS = `query DashboardRuns($first: Int!) {
  analysisRuns(first: $first) { totalCount edges { cursor node { ${RUN_FIELDS} } } pageInfo { hasNextPage endCursor } }
}`;
const PROGRESS = `subscription DashboardProgress($id: ID!) { analysisProgress(id: $id) { ${RUN_FIELDS} } }`;

/** A run's groups (MetricsGroupConnection): per group, one summary per metric of the run. */
const RUN_GROUPS = `query DashboardRunGroups($id: ID!, $by: GroupDimension!) {
  analysisRun(id: $id) {
    groups(by: $by, first: 10) {
      totalCount
      edges { node { key label emailCount totals { metric total mean median max } } }
    }
  }
}`;

export interface RunGroup {
  key: string | null;
  label: string;
  emailCount: number;
  totals: AnalysisRun["totals"];
}

export class AnalysesApi {
  constructor(
    private readonly api: GraphQLClient,
    private readonly ws: SubscriptionClient,
  ) {}

  async start(input: {
    metrics: string[];
    strategy: Strategy;
    filter?: EmailFilterInput;
  }): Promise<AnalysisRun> {
    const data = await this.api.request<{ startAnalysis: AnalysisRun }>(
      START,
      { input },
      { authorize: true },
    );
    return data.startAnalysis;
  }

  async cancel(id: string): Promise<AnalysisRun> {
    const data = await this.api.request<{ cancelAnalysis: AnalysisRun }>(
      CANCEL,
      { id },
      { authorize: true },
    );
    return data.cancelAnalysis;
  }

  async list(first: number): Promise<AnalysisRun[]> {
    const data = await this.api.request<{ analysisRuns: Connection<AnalysisRun> }>(RUNS, { first });
    return data.analysisRuns.edges.map((e) => e.node);
  }

  async groups(id: string, by: string, signal: AbortSignal): Promise<RunGroup[]> {
    // groups is null until the run is COMPLETED.
    const data = await this.api.request<{
      analysisRun: { groups: Connection<RunGroup> | null } | null;
    }>(RUN_GROUPS, { id, by }, { signal });
    return data.analysisRun?.groups?.edges.map((e) => e.node) ?? [];
  }

  /** The run's state now, then every change, until it ends (graphql-ws). Returns unsubscribe. */
  follow(
    id: string,
    handlers: SubscriptionHandlers<{ analysisProgress: AnalysisRun | null }>,
  ): () => void {
    return this.ws.subscribe(PROGRESS, { id }, handlers);
  }
}
