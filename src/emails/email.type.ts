import { Field, Int, ObjectType } from "type-graphql";
import type { Connection } from "../graphql/connection";
import { connectionType } from "../graphql/connection.type";
import type { EmailTexts } from "./email-texts";

@ObjectType({ description: "One row of Emails.csv." })
export class Email {
  @Field(() => Int) id!: number;
  @Field(() => String, { nullable: true }) docNumber!: string | null;
  @Field(() => String, { nullable: true }) metadataSubject!: string | null;
  @Field(() => String, { nullable: true }) metadataTo!: string | null;
  @Field(() => String, { nullable: true }) metadataFrom!: string | null;
  @Field(() => Int, { nullable: true }) senderPersonId!: number | null;
  @Field(() => Date, { nullable: true }) metadataDateSent!: Date | null;
  @Field(() => Date, { nullable: true }) metadataDateReleased!: Date | null;
  @Field(() => String, { nullable: true }) metadataPdfLink!: string | null;
  @Field(() => String, { nullable: true }) metadataCaseNumber!: string | null;
  @Field(() => String, { nullable: true }) metadataDocumentClass!: string | null;
  @Field(() => String, { nullable: true }) extractedSubject!: string | null;
  @Field(() => String, { nullable: true }) extractedTo!: string | null;
  @Field(() => String, { nullable: true }) extractedFrom!: string | null;
  @Field(() => String, { nullable: true }) extractedCc!: string | null;
  @Field(() => String, { nullable: true }) extractedDateSent!: string | null;
  @Field(() => String, { nullable: true }) extractedCaseNumber!: string | null;
  @Field(() => String, { nullable: true }) extractedDocNumber!: string | null;
  @Field(() => String, { nullable: true }) extractedDateReleased!: string | null;
  @Field(() => String, { nullable: true }) extractedReleaseInPartOrFull!: string | null;
  /** rawText and extractedBodyText are field resolvers (EmailResolver): read on demand, charged. */
  texts!: EmailTexts;
}

export const EmailConnection = connectionType(Email, "Email", {
  description: "A page of emails in Id order.",
  totalCountDescription: "Emails matching the filter, across all pages.",
});
export type EmailConnection = Connection<Email>;
