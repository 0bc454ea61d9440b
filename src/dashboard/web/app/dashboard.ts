import type { ViewState } from "../../shared/view-state";
import { SweepCache } from "../panels/compare-cache";
import { ComparePanel } from "../panels/compare.panel";
import { ControlsPanel } from "../panels/controls.panel";
import { EmailReader } from "../panels/email-reader";
import { EmailsPanel } from "../panels/emails.panel";
import { ExecutionPanel } from "../panels/execution.panel";
import { FiltersPanel } from "../panels/filters.panel";
import { HistogramPanel } from "../panels/histogram.panel";
import { AnalysesPanel } from "../panels/analyses.panel";
import { LocksPanel } from "../panels/locks.panel";
import { RecipientsPanel } from "../panels/recipients.panel";
import { SendersPanel } from "../panels/senders.panel";
import { TilesPanel } from "../panels/tiles.panel";
import { TimelinePanel } from "../panels/timeline.panel";
import { h } from "../ui/dom";
import type { AppContext, ViewPanel } from "./context";
import { StatsSource } from "./stats-source";

/**
 * Builds every panel and decides the order of their loads for a view: the summary query
 * first (it computes, or fills the result cache), then the panels that group or page the
 * same per-email counts (served from that cache), and the strategy comparison last, so
 * its timings are not taken while the other queries run.
 */
export class Dashboard {
  private readonly stats: StatsSource;
  private readonly filters: FiltersPanel;
  private readonly controls: ControlsPanel;
  private readonly fromCache: ViewPanel[];
  private readonly compare: ComparePanel;
  private readonly reader: EmailReader;
  private readonly locks: LocksPanel;
  private readonly analyses: AnalysesPanel;
  private readonly grid: HTMLElement;

  constructor(private readonly ctx: AppContext) {
    this.stats = new StatsSource(ctx);
    const tiles = new TilesPanel();
    const execution = new ExecutionPanel();
    const histogram = new HistogramPanel(ctx);
    for (const listener of [tiles, execution, histogram]) this.stats.subscribe(listener);
    this.filters = new FiltersPanel(ctx);
    this.controls = new ControlsPanel(ctx);
    this.compare = new ComparePanel(ctx, new SweepCache(window.sessionStorage));
    const timeline = new TimelinePanel(ctx);
    const senders = new SendersPanel(ctx);
    const recipients = new RecipientsPanel(ctx);
    const emails = new EmailsPanel(ctx);
    this.fromCache = [timeline, senders, recipients, emails];
    this.reader = new EmailReader(ctx);
    this.locks = new LocksPanel(ctx);
    this.analyses = new AnalysesPanel(ctx, (active) => this.locks.setLive(active));
    this.grid = h(
      "main",
      { id: "main", class: "grid", tabindex: -1 },
      tiles.el,
      execution.el,
      this.controls.el,
      this.compare.el,
      histogram.el,
      timeline.el,
      senders.el,
      recipients.el,
      emails.el,
      this.analyses.el,
      this.analyses.runs.el,
      this.locks.el,
    );
  }

  mount(root: HTMLElement): void {
    root.replaceChildren(
      h("a", { class: "skip-link", href: "#main" }, "Skip to the dashboard"),
      h(
        "header",
        { class: "top" },
        h(
          "div",
          { class: "brand" },
          h("h1", null, "Capstats"),
          h(
            "p",
            null,
            "Capital letters per email, counted as Python's isupper(), and how the counting ran.",
          ),
        ),
        h("nav", { "aria-label": "Elsewhere" }, h("a", { href: "/graphql" }, "GraphQL Playground")),
      ),
      this.filters.el,
      this.grid,
      this.reader.el,
    );
    this.analyses.runs.refresh();
    this.locks.refresh();
  }

  update(view: ViewState, previous: ViewState | null): void {
    this.filters.update(view);
    this.controls.update(view);
    this.reader.update(view);
    const summary = this.stats.update(view);
    void summary
      .then(() =>
        this.whileCurrent(view, () =>
          Promise.all(this.fromCache.map((p) => p.update(view, previous))),
        ),
      )
      .then(() =>
        this.whileCurrent(view, () => this.compare.update(view, this.stats.corpusVersion())),
      );
  }

  /** A later view has its own chain of loads; an older chain stops instead of racing it. */
  private async whileCurrent<T>(view: ViewState, next: () => Promise<T>): Promise<T | undefined> {
    return this.ctx.view() === view ? next() : undefined;
  }
}
