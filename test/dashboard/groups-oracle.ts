import { groupsOracle, type OracleGroup } from "../stats/grouping/groups-oracle";

export type { OracleGroup };

/**
 * The groups a dashboard panel lists, from the grouping tests' Python oracle (the release's
 * CSVs read with nothing of Capstats): `spec` is "SENDER", "SENDER_PERSON", "RECIPIENT" or
 * "SENT:MONTH:fill", in the panel's order (TOTAL_DESC for the top lists, KEY_ASC over time).
 */
export function pythonGroups(csvFile: string, spec: string, order = "TOTAL_DESC"): OracleGroup[] {
  const oracle = groupsOracle(csvFile);
  const byKey = new Map(oracle.groups[spec].map((g) => [g.key, g]));
  return oracle.orders[`${spec}|${order}`].map((key) => byKey.get(key)!);
}
