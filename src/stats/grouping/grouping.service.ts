import type { MetricName } from "../../metrics/metrics";
import type { MetricMatrix } from "../../metrics/metric-matrix";
import { indexOfIds } from "../../corpus/resident-corpus";
import { BadUserInputError } from "../../errors/client-errors";
import { ratioOrZero, summaryOf } from "../../metrics/aggregates";
import { capitalAggregates } from "../capital-letter-stats";
import type { MetricSummary } from "../../graphql/metric-summary.type";
import { TextMetric } from "../../graphql/text-metric.type";
import type { EmailAttributesStore } from "./email-attributes.store";
import { GroupOrder } from "./group-enums";
import { groupMembers, type GroupMembers, type GroupSpec } from "./group-members";
import { orderGroups, type Ranked } from "./group-order";
import type { MetricsGroup, StatsGroup } from "./stats-group.type";

/** Per-email counts of one computation: what grouping works from. It never counts text. */
export interface CountsSource {
  emailIds: Int32Array;
  /** One row per email of emailIds. */
  counts: MetricMatrix;
  corpusVersion: number;
}

export interface OrderSpec {
  orderBy: GroupOrder;
}

/**
 * Groups the per-email counts of a stats query or an analysis run by an email attribute
 * and summarises each group. Pure over the counts and the attributes of the corpus version
 * they came from; the time it takes is charged to the answer's execution report (groupMs).
 */
export class GroupingService {
  private readonly clocks = new WeakMap<object, { ms: number }>();

  constructor(private readonly attributes: EmailAttributesStore) {}

  capitalGroups(source: CountsSource, spec: GroupSpec & OrderSpec, report: object): StatsGroup[] {
    return this.timed(report, () => {
      const ranked = this.members(source, spec).map((group) => {
        const aggregates = capitalAggregates(
          column(source, group.members, "CAPITALS"),
          column(source, group.members, "CHARACTERS"),
        );
        const node: StatsGroup = { key: group.key, label: group.label, ...aggregates };
        return { group, total: node.totalCapitals, ratio: node.capitalRatio, node };
      });
      return orderGroups(ranked, spec.orderBy).map((r) => r.node);
    });
  }

  metricGroups(
    source: CountsSource,
    metrics: readonly TextMetric[],
    spec: GroupSpec & OrderSpec & { orderMetric?: TextMetric | null },
    report: object,
  ): MetricsGroup[] {
    const orderMetric = spec.orderMetric ?? metrics[0];
    if (!metrics.includes(orderMetric)) {
      throw new BadUserInputError(
        `orderMetric ${orderMetric} is not among the metrics computed (${metrics.join(", ")})`,
        { argument: "orderMetric" },
      );
    }
    if (spec.orderBy === GroupOrder.RATIO_DESC && !metrics.includes(TextMetric.CHARACTERS)) {
      throw new BadUserInputError(
        "orderBy: RATIO_DESC divides by CHARACTERS, which must be among the metrics",
        { argument: "orderBy" },
      );
    }
    return this.timed(report, () => {
      const ranked = this.members(source, spec).map((group) => {
        const totals: MetricSummary[] = metrics.map((metric) => ({
          metric,
          ...summaryOf(column(source, group.members, metric as MetricName)),
        }));
        const total = totals[metrics.indexOf(orderMetric)].total;
        const chars = totals.find((t) => t.metric === TextMetric.CHARACTERS)?.total ?? 0;
        const node: MetricsGroup = {
          key: group.key,
          label: group.label,
          emailCount: group.members.length,
          totals,
        };
        return { group, total, ratio: ratioOrZero(total, chars), node };
      });
      return orderGroups(ranked, spec.orderBy).map((r: Ranked & { node: MetricsGroup }) => r.node);
    });
  }

  /**
   * Milliseconds spent grouping for the answer `report` belongs to. Waits one turn of the
   * event loop first: the groups fields of the same answer resolve synchronously (the
   * attributes come from better-sqlite3) within the turn that resolves this field, so by
   * then every one of them has been charged, whichever order the query lists them in.
   */
  async groupMs(report: object): Promise<number> {
    await new Promise((resolve) => setImmediate(resolve));
    return this.clocks.get(report)?.ms ?? 0;
  }

  private members(source: CountsSource, spec: GroupSpec): GroupMembers[] {
    const attrs = this.attributes.forVersion(source.corpusVersion);
    const rows = indexOfIds(attrs, source.emailIds);
    // Same corpus version, so every counted email has its attributes; anything else is a bug.
    if (rows.includes(-1)) throw new Error("counted emails missing from their corpus version");
    return groupMembers(attrs, rows, spec);
  }

  private timed<T>(report: object, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      const clock = this.clocks.get(report) ?? { ms: 0 };
      clock.ms += performance.now() - started;
      this.clocks.set(report, clock);
    }
  }
}

function column(source: CountsSource, members: Int32Array, metric: MetricName): Float64Array {
  const out = new Float64Array(members.length);
  for (let j = 0; j < members.length; j++) out[j] = source.counts.get(members[j], metric);
  return out;
}
