import { capitalRuns } from "../../shared/capitals";
import { formatInt } from "../../shared/format";
import { h } from "../ui/dom";

/**
 * RawText with every capital letter (Python's isupper, per code point) in a <mark>; runs of
 * capitals share one mark, so a long upper-case header costs one node, not one per letter.
 */
export function highlightedText(text: string, serverCount: number): HTMLElement {
  const { runs, capitals } = capitalRuns(text);
  const pre = h("pre", { class: "raw-text", "data-testid": "email-text", tabindex: 0 });
  for (const run of runs) pre.append(run.upper ? h("mark", null, run.text) : run.text);
  const agrees = capitals === serverCount;
  return h(
    "div",
    { class: "email-text" },
    h(
      "p",
      { class: "capital-count" },
      h("strong", { "data-testid": "highlighted-capitals" }, formatInt(capitals)),
      " capitals highlighted",
      agrees
        ? h(
            "span",
            { class: "muted" },
            ` · equal to the server's count (${formatInt(serverCount)})`,
          )
        : h(
            "strong",
            { class: "warning" },
            ` · the server counts ${formatInt(serverCount)} (Unicode versions differ?)`,
          ),
    ),
    text === "" ? h("p", { class: "muted" }, "(RawText is empty)") : pre,
  );
}
