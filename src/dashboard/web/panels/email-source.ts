import { fetchEmailPage, fetchEmailsByIds, fetchPerEmail, type EmailCapitals } from "../api/emails";
import type { GraphQLClient } from "../api/graphql-client";
import type { EmailRow } from "../api/types";
import { drillFilterInput, filterInput, type EmailFilterInput } from "../../shared/email-filter";
import type { EmailSort, ViewState } from "../../shared/view-state";

export const PAGE_SIZE = 20;

export interface EmailPage {
  rows: EmailRow[];
  total: number;
  hasNext: boolean;
}

/**
 * Where the table's rows come from. Sorted by Id, the API pages the selection itself
 * (cursors). Sorted by capitals, or for a histogram bucket (capitals are no EmailFilter
 * field), the selection's per-email counts are read once, ordered here, and each page's
 * rows are fetched by id.
 */
export interface EmailSource {
  page(index: number, signal: AbortSignal): Promise<EmailPage>;
}

class ServerSource implements EmailSource {
  /** cursors[i] is the `after` of page i. */
  private readonly cursors: (string | null)[] = [null];

  constructor(
    private readonly api: GraphQLClient,
    private readonly filter: EmailFilterInput,
  ) {}

  async page(index: number, signal: AbortSignal): Promise<EmailPage> {
    // Pages are reached one step at a time (Previous/Next), so the cursor is known.
    const after = this.cursors[Math.min(index, this.cursors.length - 1)];
    const conn = await fetchEmailPage(this.api, this.filter, PAGE_SIZE, after, signal);
    this.cursors[index + 1] = conn.pageInfo.endCursor;
    return {
      rows: conn.edges.map((e) => e.node),
      total: conn.totalCount,
      hasNext: conn.pageInfo.hasNextPage,
    };
  }
}

class LocalSource implements EmailSource {
  constructor(
    private readonly api: GraphQLClient,
    private readonly items: EmailCapitals[],
  ) {}

  async page(index: number, signal: AbortSignal): Promise<EmailPage> {
    const slice = this.items.slice(index * PAGE_SIZE, (index + 1) * PAGE_SIZE);
    const rows = await fetchEmailsByIds(
      this.api,
      slice.map((i) => i.emailId),
      signal,
    );
    return { rows, total: this.items.length, hasNext: (index + 1) * PAGE_SIZE < this.items.length };
  }
}

function ordered(items: EmailCapitals[], sort: EmailSort): EmailCapitals[] {
  if (sort === "id") return items;
  // Ties by lower Id, as the API's own top(n).
  const sign = sort === "capitals-desc" ? -1 : 1;
  return [...items].sort((a, b) => sign * (a.capitals - b.capitals) || a.emailId - b.emailId);
}

/** The key of a source: two views with the same key show the same rows. */
export function sourceKey(view: ViewState): string {
  return JSON.stringify({
    f: drillFilterInput(view.filters, view.drill),
    d: view.drill,
    s: view.sort,
  });
}

/** Null when the drill-down names emails that no filter can select (an unknown date). */
export async function openSource(
  api: GraphQLClient,
  view: ViewState,
  signal: AbortSignal,
): Promise<EmailSource | null> {
  const drill = view.drill;
  if (drill?.kind === "capitals") {
    const all = await fetchPerEmail(api, filterInput(view.filters), signal);
    const inBucket = all.filter((e) => e.capitals >= drill.from && e.capitals < drill.to);
    return new LocalSource(api, ordered(inBucket, view.sort));
  }
  const filter = drillFilterInput(view.filters, drill);
  if (filter === null) return null;
  if (view.sort === "id") return new ServerSource(api, filter);
  return new LocalSource(api, ordered(await fetchPerEmail(api, filter, signal), view.sort));
}
