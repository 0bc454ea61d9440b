import type { EmailRow } from "../api/types";
import { formatDate, formatInt } from "../../shared/format";
import type { EmailSort } from "../../shared/view-state";
import { h } from "../ui/dom";

export interface RowsOptions {
  rows: EmailRow[];
  sort: EmailSort;
  onSort(sort: EmailSort): void;
  onOpen(id: number): void;
}

/** A column header that sorts: a button inside the <th>, with aria-sort on the <th>. */
function sortHeader(label: string, column: "id" | "capitals", opts: RowsOptions): HTMLElement {
  const active = opts.sort === "id" ? column === "id" : column === "capitals";
  const descending = opts.sort === "capitals-desc";
  const next: EmailSort =
    column === "id" ? "id" : opts.sort === "capitals-desc" ? "capitals-asc" : "capitals-desc";
  const arrow = !active ? "" : column === "id" ? " ↑" : descending ? " ↓" : " ↑";
  return h(
    "th",
    {
      scope: "col",
      class: column === "capitals" ? "num" : null,
      "aria-sort": active
        ? column === "capitals" && descending
          ? "descending"
          : "ascending"
        : "none",
    },
    h(
      "button",
      {
        type: "button",
        class: "sort",
        "data-testid": `sort-${column}`,
        onclick: () => opts.onSort(next),
      },
      label,
      arrow,
    ),
  );
}

export function emailRowsTable(opts: RowsOptions): HTMLTableElement {
  return h(
    "table",
    { class: "data-table emails", "data-testid": "email-table" },
    h("caption", { class: "visually-hidden" }, "Emails of the selection"),
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        sortHeader("Id", "id", opts),
        h("th", { scope: "col" }, "Subject"),
        h("th", { scope: "col" }, "From"),
        h("th", { scope: "col" }, "Sent"),
        sortHeader("Capitals", "capitals", opts),
      ),
    ),
    h(
      "tbody",
      null,
      ...opts.rows.map((r) =>
        h(
          "tr",
          { "data-email-id": r.id },
          h(
            "th",
            { scope: "row", "data-label": "Id" },
            h(
              "button",
              { type: "button", class: "link", onclick: () => opts.onOpen(r.id) },
              `#${r.id}`,
            ),
          ),
          h(
            "td",
            { "data-label": "Subject" },
            r.metadataSubject || h("span", { class: "muted" }, "(no subject)"),
          ),
          h(
            "td",
            { "data-label": "From" },
            r.metadataFrom || h("span", { class: "muted" }, "(unknown)"),
          ),
          h("td", { "data-label": "Sent" }, formatDate(r.metadataDateSent)),
          h(
            "td",
            { class: "num", "data-label": "Capitals", "data-testid": "email-capitals" },
            formatInt(r.capitalLetters),
          ),
        ),
      ),
    ),
  );
}
