import { Arg, Args, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { countText } from "../engine";
import { maskOf, METRIC_INDEX } from "../metrics/metrics";
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
  async emails(@Args(() => EmailsArgs) args: EmailsArgs): Promise<EmailConnection> {
    return this.service.page(args.filter, args.first, args.after);
  }

  @Query(() => Email, { nullable: true, description: "One email by Id, or null." })
  async email(@Arg("id", () => Int) id: number): Promise<Email | null> {
    return this.service.findById(id);
  }

  @FieldResolver(() => Int, {
    description: "Capital letters in RawText: code points c with Python c.isupper().",
  })
  capitalLetters(@Root() email: Email): number {
    return countText(email.rawText, CAPITALS)[METRIC_INDEX.CAPITALS];
  }
}
