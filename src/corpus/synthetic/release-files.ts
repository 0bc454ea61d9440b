import { PRINCIPAL, STAFF, type Person } from "./catalog";
import { formatRecord } from "./csv-format";

/** Everyone in the catalog, as Persons.csv and Aliases.csv list them. */
const PEOPLE: readonly Person[] = [PRINCIPAL, ...STAFF];

/** Persons.csv writes "First Last" where MetadataFrom writes "Last, First M". */
export function displayName(p: Person): string {
  if (p === PRINCIPAL) return "Hillary Clinton";
  const [last, first] = p.name.split(", ");
  return `${first.split(" ")[0]} ${last}`;
}

export function personsCsv(): string {
  return [
    formatRecord(["Id", "Name"]),
    ...PEOPLE.map((p) => formatRecord([String(p.id), displayName(p)])),
  ].join("");
}

/** Spellings a name takes in the metadata: as written, lowercased, the address, the display name. */
export function aliasesCsv(): string {
  const rows = [formatRecord(["Id", "Alias", "PersonId"])];
  let id = 0;
  for (const p of PEOPLE) {
    const spellings = new Set([
      p.name,
      p.name.toLowerCase(),
      p.address,
      displayName(p).toLowerCase(),
    ]);
    for (const alias of spellings) rows.push(formatRecord([String(++id), alias, String(p.id)]));
  }
  return rows.join("");
}

export const RECEIVERS_HEADER = formatRecord(["Id", "EmailId", "PersonId"]);
