import type { AppContext, ViewPanel } from "../app/context";
import { formatInt } from "../../shared/format";
import type { Drill, ViewState } from "../../shared/view-state";
import { fill, h } from "../ui/dom";
import { KeyedLoad } from "../ui/keyed-load";
import { Panel } from "../ui/panel";
import { emailRowsTable } from "./email-rows";
import { openSource, PAGE_SIZE, sourceKey, type EmailPage, type EmailSource } from "./email-source";

function describe(drill: Drill | null): string {
  if (drill === null) return "All emails matching the filters.";
  switch (drill.kind) {
    case "sender":
      return `Emails whose From contains “${drill.key}”.`;
    case "person":
      return `Emails sent by ${drill.label}.`;
    case "recipient":
      return `Emails received by ${drill.label}.`;
    case "sent":
      return `Emails sent in ${drill.key} (UTC).`;
    case "capitals":
      return `Emails with ${drill.from} to ${drill.to - 1} capitals.`;
  }
}

/** The drill-down: the selection's emails, paged and sortable; a row opens the reader. */
export class EmailsPanel implements ViewPanel {
  readonly el: HTMLElement;
  private readonly panel: Panel;
  private readonly sourceLoad: KeyedLoad;
  private readonly pageLoad: KeyedLoad;
  private readonly summary = h("p", { class: "selection", "data-testid": "drill-summary" });
  private readonly clear = h(
    "button",
    { type: "button", onclick: () => this.clearDrill() },
    "Show all emails",
  );
  private readonly tableHost = h("div", { class: "email-table-host" });
  private readonly pager = h("nav", { class: "pager", "aria-label": "Email pages" });
  private source: EmailSource | null = null;
  private pageIndex = 0;

  constructor(private readonly ctx: AppContext) {
    this.sourceLoad = new KeyedLoad(ctx.activity);
    this.pageLoad = new KeyedLoad(ctx.activity);
    this.panel = new Panel("Emails", { className: "span-full", actions: [this.clear] });
    this.panel.el.id = "emails";
    this.panel.body.append(this.summary, this.tableHost, this.pager);
    this.el = this.panel.el;
  }

  update(view: ViewState, previous: ViewState | null): Promise<void> {
    this.summary.textContent = describe(view.drill);
    this.clear.hidden = view.drill === null;
    const key = sourceKey(view);
    const loaded = this.sourceLoad.start(
      key,
      async (signal) => {
        this.panel.loading();
        const source = await openSource(this.ctx.api, view, signal);
        return { source, first: source === null ? null : await source.page(0, signal) };
      },
      ({ source, first }) => {
        this.source = source;
        this.pageIndex = 0;
        if (first === null) {
          fill(this.tableHost);
          fill(this.pager);
          this.panel.empty(
            "These emails have no sent date, and no filter can select a missing date.",
          );
          return;
        }
        this.render(first, key);
      },
      (err) => this.panel.error(err, () => this.retry()),
    );
    // A new drill-down scrolls its result into view; back/forward restore scroll themselves.
    if (previous && JSON.stringify(previous.drill) !== JSON.stringify(view.drill) && view.drill) {
      this.el.scrollIntoView({ block: "start" });
    }
    return loaded;
  }

  private retry(): void {
    this.sourceLoad.invalidate();
    this.update(this.ctx.view(), null);
  }

  private clearDrill(): void {
    this.ctx.navigate((v) => ({ ...v, drill: null }));
  }

  private showPage(index: number, key: string): void {
    const source = this.source;
    if (source === null) return;
    void this.pageLoad.start(
      `${key}#${index}`,
      (signal) => {
        this.panel.loading();
        return source.page(index, signal);
      },
      (page) => {
        this.pageIndex = index;
        this.render(page, key);
      },
      (err) => this.panel.error(err, () => this.showPage(index, key)),
    );
  }

  private render(page: EmailPage, key: string): void {
    if (page.total === 0) {
      fill(this.tableHost);
      fill(this.pager);
      this.panel.empty("No emails match.");
      return;
    }
    const view = this.ctx.view();
    fill(
      this.tableHost,
      emailRowsTable({
        rows: page.rows,
        sort: view.sort,
        onSort: (sort) => this.ctx.navigate((v) => ({ ...v, sort })),
        onOpen: (id) => this.ctx.navigate((v) => ({ ...v, email: id })),
      }),
    );
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    fill(
      this.pager,
      h(
        "button",
        {
          type: "button",
          disabled: this.pageIndex === 0,
          onclick: () => this.showPage(this.pageIndex - 1, key),
        },
        "Previous",
      ),
      h(
        "span",
        { "data-testid": "email-page" },
        `Page ${this.pageIndex + 1} of ${pages} · ${formatInt(page.total)} emails`,
      ),
      h(
        "button",
        {
          type: "button",
          disabled: !page.hasNext,
          onclick: () => this.showPage(this.pageIndex + 1, key),
        },
        "Next",
      ),
    );
    this.panel.ready();
  }
}
