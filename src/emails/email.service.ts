import type { PrismaClient } from "../db/prisma";
import { decodeCursor, encodeCursor } from "../graphql/cursor";
import type { EmailConnection, Email } from "./email.type";
import type { EmailFilter } from "./email-filter.input";
import { toEmailWhere } from "./email-filter";

const CURSOR_KIND = "email";

export class EmailService {
  constructor(private readonly prisma: PrismaClient) {}

  async findById(id: number): Promise<Email | null> {
    return this.prisma.email.findUnique({ where: { id } });
  }

  /** Keyset pagination on Id: stable under inserts and O(page) however deep the page. */
  async page(
    filter: EmailFilter | null | undefined,
    first: number,
    after?: string | null,
  ): Promise<EmailConnection> {
    const where = toEmailWhere(filter);
    const afterId = after ? decodeCursor(CURSOR_KIND, after) : null;
    const pageWhere = afterId === null ? where : { AND: [where, { id: { gt: afterId } }] };
    const [totalCount, rows] = await this.prisma.$transaction([
      this.prisma.email.count({ where }),
      this.prisma.email.findMany({ where: pageWhere, orderBy: { id: "asc" }, take: first + 1 }),
    ]);
    const hasNextPage = rows.length > first;
    const edges = rows
      .slice(0, first)
      .map((node) => ({ cursor: encodeCursor(CURSOR_KIND, node.id), node }));
    return {
      totalCount,
      edges,
      pageInfo: {
        hasNextPage,
        hasPreviousPage: afterId !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  /** Ids matching a filter, ascending; the engine's unit of selection. */
  async selectIds(filter: EmailFilter | null | undefined): Promise<Int32Array> {
    const rows = await this.prisma.email.findMany({
      where: toEmailWhere(filter),
      select: { id: true },
      orderBy: { id: "asc" },
    });
    return Int32Array.from(rows, (r) => r.id);
  }
}
