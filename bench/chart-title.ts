import { noiseWarning } from "./noise";
import type { BenchResults } from "./results.types";

/**
 * A chart's title with the run it came from underneath: the date, the machine, and the
 * interference warning when other processes were busy. A chart is often seen on its own
 * (in the README, a pull request), so it has to say where its numbers came from.
 */
export function chartTitle(r: BenchResults, text: string): object {
  const m = r.machine;
  const warning = noiseWarning(r);
  const subtitle = [
    `${r.startedAt.slice(0, 10)}, \`${r.command}\`; ${m.cpuModel}, ${m.cores} cores, Node ${m.node}`,
    ...(warning ? [`WARNING: ${warning}`] : []),
  ];
  return {
    text,
    subtitle,
    subtitleColor: warning ? "#b00020" : "#555555",
    anchor: "start",
  };
}
