import type { GraphQLClient } from "./graphql-client";
import type { Connection } from "./types";

export interface Person {
  id: number;
  name: string;
  sentCount: number;
  receivedCount: number;
}

const PERSONS_QUERY = `query DashboardPersons($first: Int, $nameContains: String) {
  persons(first: $first, nameContains: $nameContains) {
    totalCount
    edges { node { id name sentCount receivedCount } }
  }
}`;

export async function searchPersons(
  api: GraphQLClient,
  nameContains: string | undefined,
  first: number,
  signal?: AbortSignal,
): Promise<{ people: Person[]; totalCount: number }> {
  const data = await api.request<{ persons: Connection<Person> }>(
    PERSONS_QUERY,
    { first, nameContains },
    { signal },
  );
  return { people: data.persons.edges.map((e) => e.node), totalCount: data.persons.totalCount };
}

/**
 * Whether Persons.csv was loaded: then senders are grouped by person (SENDER_PERSON, named);
 * otherwise by MetadataFrom as stored. A server without `persons` counts as not loaded.
 */
export async function personsLoaded(api: GraphQLClient, signal: AbortSignal): Promise<boolean> {
  try {
    return (await searchPersons(api, undefined, 1, signal)).totalCount > 0;
  } catch (err) {
    if (signal.aborted) throw err;
    return false;
  }
}
