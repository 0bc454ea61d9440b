import type { PrismaClient } from "../db/prisma";
import { pageRequest, toConnection } from "../graphql/connection";
import { CURSOR } from "../graphql/cursor";
import type { Email, EmailConnection } from "./email.type";
import type { EmailFilter } from "./email-filter.input";
import { toEmailWhere } from "./email-filter";

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
    const req = pageRequest(CURSOR.EMAIL, first, after);
    const where = toEmailWhere(filter);
    const pageWhere =
      req.afterKey === null ? where : { AND: [where, { id: { gt: req.afterKey } }] };
    const [totalCount, rows] = await this.prisma.$transaction([
      this.prisma.email.count({ where }),
      this.prisma.email.findMany({ where: pageWhere, orderBy: { id: "asc" }, take: req.take }),
    ]);
    return toConnection(
      req,
      rows,
      totalCount,
      (row) => row.id,
      (row) => row,
    );
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
