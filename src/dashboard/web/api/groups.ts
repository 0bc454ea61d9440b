import type { EmailFilterInput } from "../../shared/email-filter";
import { isEmptyFilter } from "../../shared/email-filter";
import type { Granularity, GroupDimension, GroupOrder } from "../../shared/api-enums";
import type { GraphQLClient } from "./graphql-client";
import type { Connection, StatsGroup } from "./types";

export type { GroupDimension, GroupOrder };
/** The page size limit of `groups(first:)` in the API. */
export const MAX_GROUP_PAGE = 1000;

export const GROUP_FIELDS =
  "key label emailCount totalCapitals totalCharacters capitalRatio meanPerEmail medianPerEmail maxPerEmail";

// No strategy and no `fresh`: grouping reads the per-email counts of the summary query,
// which ran first, from the result cache instead of counting the text again.
const GROUPS_QUERY = `query DashboardGroups($filter: EmailFilter, $by: GroupDimension!,
  $granularity: TimeGranularity, $fillGaps: Boolean, $orderBy: GroupOrder, $first: Int, $after: String) {
  capitalLetterStats(filter: $filter) {
    groups(by: $by, granularity: $granularity, fillGaps: $fillGaps, orderBy: $orderBy, first: $first,
      after: $after) {
      totalCount
      edges { cursor node { ${GROUP_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

export interface GroupRequest {
  by: GroupDimension;
  filter: EmailFilterInput;
  granularity?: Granularity;
  fillGaps?: boolean;
  orderBy?: GroupOrder;
  first: number;
  /** Follow `after` cursors until every group is read, at most this many pages. */
  pages?: number;
}

export interface GroupPage {
  groups: StatsGroup[];
  totalCount: number;
  /** Groups were left unread (more than `pages` pages). */
  truncated: boolean;
}

export async function fetchGroups(
  api: GraphQLClient,
  req: GroupRequest,
  signal: AbortSignal,
): Promise<GroupPage> {
  const groups: StatsGroup[] = [];
  let after: string | undefined;
  let totalCount = 0;
  for (let page = 0; page < (req.pages ?? 1); page++) {
    const data = await api.request<{ capitalLetterStats: { groups: Connection<StatsGroup> } }>(
      GROUPS_QUERY,
      {
        filter: isEmptyFilter(req.filter) ? undefined : req.filter,
        by: req.by,
        granularity: req.granularity,
        fillGaps: req.fillGaps,
        orderBy: req.orderBy,
        first: req.first,
        after,
      },
      { signal },
    );
    const conn = data.capitalLetterStats.groups;
    totalCount = conn.totalCount;
    groups.push(...conn.edges.map((e) => e.node));
    if (!conn.pageInfo.hasNextPage || conn.pageInfo.endCursor === null) {
      return { groups, totalCount, truncated: false };
    }
    after = conn.pageInfo.endCursor;
  }
  return { groups, totalCount, truncated: groups.length < totalCount };
}
