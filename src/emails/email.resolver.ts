import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { countText } from "../engine";
import { maskOf, METRIC_INDEX } from "../metrics/metrics";
import type { RequestContext } from "../graphql/context";
import { TEXT_FIELD_COMPLEXITY } from "../graphql/complexity";
import { Email, EmailConnection } from "./email.type";
import { EmailsArgs } from "./emails.args";
import { EmailService } from "./email.service";

const CAPITALS = maskOf(["CAPITALS"]);

@Resolver(() => Email)
export class EmailResolver {
  constructor(private readonly service: EmailService) {}

  @Query(() => EmailConnection, {
    description: "Emails in Id order, filtered and paged (Relay connection).",
  })
  emails(@Args(() => EmailsArgs) args: EmailsArgs): EmailConnection {
    return this.service.page(args.filter, args.first, args.after);
  }

  @Query(() => Email, { nullable: true, description: "One email by Id, or null." })
  email(@Arg("id", () => Int) id: number): Email | null {
    return this.service.findById(id);
  }

  @FieldResolver(() => String, {
    complexity: TEXT_FIELD_COMPLEXITY,
    description: "The whole email as extracted from the PDF; may be megabytes (MAX_RESPONSE_MB).",
  })
  async rawText(@Root() email: Email, @Ctx() ctx: RequestContext): Promise<string> {
    return (await email.texts.get(email.id, "RawText", ctx.budget)) ?? "";
  }

  @FieldResolver(() => String, { nullable: true, complexity: TEXT_FIELD_COMPLEXITY })
  extractedBodyText(@Root() email: Email, @Ctx() ctx: RequestContext): Promise<string | null> {
    return email.texts.get(email.id, "ExtractedBodyText", ctx.budget);
  }

  @FieldResolver(() => Int, {
    complexity: TEXT_FIELD_COMPLEXITY,
    description: "Capital letters in RawText: code points c with Python c.isupper().",
  })
  capitalLetters(@Root() email: Email): number {
    // One email's text at a time, counted and dropped: a page of them never sits in memory.
    return countText(email.texts.one(email.id, "RawText") ?? "", CAPITALS)[METRIC_INDEX.CAPITALS];
  }
}
