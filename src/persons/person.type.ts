import { Field, Int, ObjectType } from "type-graphql";
import type { Connection } from "../graphql/connection";
import { connectionType } from "../graphql/connection.type";

@ObjectType({ description: "A person of the release's Persons.csv (or an id it does not name)." })
export class Person {
  @Field(() => Int) id!: number;
  @Field(() => String, {
    description: "From Persons.csv; empty when it gives no name or was not loaded.",
  })
  name!: string;
}

export const PersonConnection = connectionType(Person, "Person", {
  description: "Persons in Id order.",
});
export type PersonConnection = Connection<Person>;
