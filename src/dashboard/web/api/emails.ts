import { isEmptyFilter, type EmailFilterInput } from "../../shared/email-filter";
import type { GraphQLClient } from "./graphql-client";
import type { Connection, EmailRow } from "./types";

const ROW_FIELDS = "id metadataSubject metadataFrom metadataDateSent capitalLetters";

const PAGE_QUERY = `query DashboardEmails($filter: EmailFilter, $first: Int!, $after: String) {
  emails(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { ${ROW_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const PER_EMAIL_QUERY = `query DashboardPerEmail($filter: EmailFilter, $after: String) {
  capitalLetterStats(filter: $filter) {
    emailCount
    perEmail(first: 1000, after: $after) {
      edges { node { emailId capitals } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

/** Sorting by capitals and histogram drill-downs read every selected email's count. */
export const PER_EMAIL_LIMIT = 20_000;

export interface EmailCapitals {
  emailId: number;
  capitals: number;
}

export class TooManyEmailsError extends Error {
  readonly code = "TOO_MANY_EMAILS";
  constructor(readonly count: number) {
    super(
      `This needs the capital count of every selected email, and ${count.toLocaleString("en-US")} are ` +
        `selected (at most ${PER_EMAIL_LIMIT.toLocaleString("en-US")}). Narrow the filters first.`,
    );
  }
}

function filterVar(filter: EmailFilterInput): EmailFilterInput | undefined {
  return isEmptyFilter(filter) ? undefined : filter;
}

export async function fetchEmailPage(
  api: GraphQLClient,
  filter: EmailFilterInput,
  first: number,
  after: string | null,
  signal: AbortSignal,
): Promise<Connection<EmailRow>> {
  const data = await api.request<{ emails: Connection<EmailRow> }>(
    PAGE_QUERY,
    { filter: filterVar(filter), first, after: after ?? undefined },
    { signal },
  );
  return data.emails;
}

/** Rows for exactly these ids, returned in the order given. */
export async function fetchEmailsByIds(
  api: GraphQLClient,
  ids: number[],
  signal: AbortSignal,
): Promise<EmailRow[]> {
  if (ids.length === 0) return [];
  const page = await fetchEmailPage(api, { ids }, ids.length, null, signal);
  const byId = new Map(page.edges.map((e) => [e.node.id, e.node]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Every selected email's capital count, in Id order, from the stats query's `perEmail`
 * pages (served by the result cache, so nothing is counted again).
 */
export async function fetchPerEmail(
  api: GraphQLClient,
  filter: EmailFilterInput,
  signal: AbortSignal,
): Promise<EmailCapitals[]> {
  const out: EmailCapitals[] = [];
  let after: string | undefined;
  for (;;) {
    const data = await api.request<{
      capitalLetterStats: { emailCount: number; perEmail: Connection<EmailCapitals> };
    }>(PER_EMAIL_QUERY, { filter: filterVar(filter), after }, { signal });
    const stats = data.capitalLetterStats;
    if (stats.emailCount > PER_EMAIL_LIMIT) throw new TooManyEmailsError(stats.emailCount);
    out.push(...stats.perEmail.edges.map((e) => e.node));
    const { hasNextPage, endCursor } = stats.perEmail.pageInfo;
    if (!hasNextPage || endCursor === null) return out;
    after = endCursor;
  }
}
