import { parseView, serializeView, type ViewState } from "../../shared/view-state";

export type ViewListener = (view: ViewState, previous: ViewState | null) => void;

/**
 * The URL is the source of truth for the view: every user action pushes a history entry,
 * and back/forward (popstate) re-render from the URL they return to.
 */
export class ViewRouter {
  private current: ViewState;
  private listener: ViewListener = () => undefined;

  constructor(private readonly win: Window) {
    this.current = parseView(win.location.search);
    win.addEventListener("popstate", () => {
      const previous = this.current;
      this.current = parseView(win.location.search);
      this.listener(this.current, previous);
    });
  }

  get view(): ViewState {
    return this.current;
  }

  listen(listener: ViewListener): void {
    this.listener = listener;
    listener(this.current, null);
  }

  navigate(change: (view: ViewState) => ViewState, replace = false): void {
    const previous = this.current;
    const next = change(structuredClone(previous));
    const url = `${this.win.location.pathname}${serializeView(next)}`;
    if (replace) this.win.history.replaceState(null, "", url);
    else if (url !== `${this.win.location.pathname}${this.win.location.search}`)
      this.win.history.pushState(null, "", url);
    // What is rendered is what the URL says (normalised), whatever the change produced.
    this.current = parseView(this.win.location.search);
    this.listener(this.current, previous);
  }
}
