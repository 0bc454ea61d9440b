import { formatInt } from "../../shared/format";
import { h, type Child } from "./dom";

export interface Column<R> {
  label: string;
  numeric?: boolean;
  cell(row: R): Child;
}

/** A right-aligned column of one number per row, printed by `format`. */
export function numberColumn<R>(
  label: string,
  value: (row: R) => number,
  format: (n: number) => string = formatInt,
): Column<R> {
  return { label, numeric: true, cell: (row) => format(value(row)) };
}

export interface TableOptions<R> {
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  /** The first column is the row header (<th scope="row">): what each row is about. */
  testId?: string;
  className?: string;
}

/**
 * A plain, accessible table: a caption, column headers, row headers. Below 640 px each
 * row stacks into labelled lines (CSS reads the data-label), so no page scrolls sideways.
 */
export function dataTable<R>(opts: TableOptions<R>): HTMLTableElement {
  const head = h(
    "tr",
    null,
    ...opts.columns.map((c) => h("th", { scope: "col", class: c.numeric ? "num" : null }, c.label)),
  );
  const body = opts.rows.map((row) =>
    h(
      "tr",
      null,
      ...opts.columns.map((c, i) =>
        h(
          i === 0 ? "th" : "td",
          {
            scope: i === 0 ? "row" : null,
            class: c.numeric ? "num" : null,
            "data-label": c.label,
          },
          c.cell(row),
        ),
      ),
    ),
  );
  return h(
    "table",
    { class: `data-table ${opts.className ?? ""}`, "data-testid": opts.testId },
    h("caption", null, opts.caption),
    h("thead", null, head),
    h("tbody", null, ...body),
  );
}

/** A chart's data as a table, folded under the chart: the accessible view of every chart. */
export function tableView(table: HTMLTableElement, open = false): HTMLDetailsElement {
  return h("details", { class: "table-view", open }, h("summary", null, "Table view"), table);
}
