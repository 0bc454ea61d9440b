/** A chart of the report: file name, what it shows, and its vega-lite spec. */
export interface ChartSpec {
  file: string;
  title: string;
  spec: object;
}

export const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** A dashed red rule at `value`: a target line. */
export function targetRule(value: number, axis: "x" | "y" = "y"): object {
  return {
    mark: { type: "rule", strokeDash: [4, 4], color: "#b00020" },
    encoding: { [axis]: { datum: value } },
  };
}
