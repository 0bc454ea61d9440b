import { Args, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { Email } from "../emails/email.type";
import { PersonService } from "./person.service";
import { PersonsArgs } from "./persons.args";
import { Person, PersonConnection } from "./person.type";

@Resolver(() => Person)
export class PersonsResolver {
  constructor(private readonly people: PersonService) {}

  @Query(() => PersonConnection, {
    description:
      "Persons of Persons.csv in Id order (Relay connection); empty when it was not loaded.",
  })
  persons(@Args(() => PersonsArgs) args: PersonsArgs): PersonConnection {
    return this.people.page(args.first, args.after, args.nameContains);
  }

  @FieldResolver(() => Int, {
    description: "Emails of the corpus whose SenderPersonId is this person.",
  })
  sentCount(@Root() person: Person): Promise<number> {
    return this.people.sentCount(person.id);
  }

  @FieldResolver(() => Int, {
    description: "Emails that list this person in EmailReceivers.csv (each email once).",
  })
  receivedCount(@Root() person: Person): Promise<number> {
    return this.people.receivedCount(person.id);
  }

  @FieldResolver(() => [String], { description: "Spellings of the name in Aliases.csv." })
  aliases(@Root() person: Person): Promise<string[]> {
    return this.people.aliases(person.id);
  }
}

@Resolver(() => Email)
export class EmailPeopleResolver {
  constructor(private readonly people: PersonService) {}

  @FieldResolver(() => Person, {
    nullable: true,
    description: "The person SenderPersonId names; null when the email has none.",
  })
  async sender(@Root() email: Email): Promise<Person | null> {
    return email.senderPersonId === null ? null : this.people.person(email.senderPersonId);
  }

  @FieldResolver(() => [Person], {
    description: "Recipients from EmailReceivers.csv, in Id order; empty when it was not loaded.",
  })
  recipients(@Root() email: Email): Promise<Person[]> {
    return this.people.recipients(email.id);
  }
}
