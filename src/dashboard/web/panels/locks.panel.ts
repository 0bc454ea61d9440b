import { asApiError } from "../api/api-error";
import type { LockInfo } from "../api/types";
import type { AppContext } from "../app/context";
import { formatMs } from "../../shared/format";
import { dataTable } from "../ui/data-table";
import { fill, h } from "../ui/dom";
import { Panel } from "../ui/panel";

const QUERY = `query DashboardLocks {
  locks { name rank mode holders waiters { holder mode waitedMs } heldForMs }
}`;
/** Fast enough to watch a run take and release its locks; only while runs are active. */
const LIVE_REFRESH_MS = 500;

function waiting(lock: LockInfo): string {
  if (lock.waiters.length === 0) return "–";
  return lock.waiters
    .map((w) => `${w.holder} (${w.mode.toLowerCase()}, ${formatMs(w.waitedMs)})`)
    .join(", ");
}

/** The server's lock table: who holds what, who waits. Live while any analysis is active. */
export class LocksPanel {
  readonly el: HTMLElement;
  private readonly panel: Panel;
  private readonly host = h("div");
  private readonly liveNote = h("span", { class: "muted", "data-testid": "locks-live" });
  private timer: number | undefined;
  private live = false;

  constructor(private readonly ctx: AppContext) {
    this.panel = new Panel("Locks", {
      className: "span-full",
      description: "What to look at when something seems stuck: every write holds its locks here.",
      actions: [
        this.liveNote,
        h("button", { type: "button", onclick: () => this.refresh() }, "Refresh"),
      ],
    });
    this.panel.body.append(this.host);
    this.el = this.panel.el;
  }

  setLive(live: boolean): void {
    this.live = live;
    this.liveNote.textContent = live ? "updating live" : "";
    this.refresh();
  }

  refresh(): void {
    window.clearTimeout(this.timer);
    void this.ctx.activity
      .track(this.ctx.api.request<{ locks: LockInfo[] }>(QUERY))
      .then(
        ({ locks }) => this.render(locks),
        (err) => this.panel.error(asApiError(err), () => this.refresh()),
      )
      .finally(() => {
        if (this.live) this.timer = window.setTimeout(() => this.refresh(), LIVE_REFRESH_MS);
      });
  }

  private render(locks: LockInfo[]): void {
    fill(
      this.host,
      dataTable({
        caption: "Locks in acquisition order (rank, then name)",
        testId: "locks",
        columns: [
          { label: "Lock", cell: (l: LockInfo) => l.name },
          { label: "Rank", numeric: true, cell: (l) => String(l.rank) },
          {
            label: "Mode",
            cell: (l) => (l.mode ? l.mode.toLowerCase() : h("span", { class: "muted" }, "free")),
          },
          { label: "Holders", cell: (l) => l.holders.join(", ") || "–" },
          { label: "Waiting", cell: (l) => waiting(l) },
          {
            label: "Held for",
            numeric: true,
            cell: (l) => (l.heldForMs === null ? "–" : formatMs(l.heldForMs)),
          },
        ],
        rows: locks,
      }),
    );
    this.panel.ready();
  }
}
