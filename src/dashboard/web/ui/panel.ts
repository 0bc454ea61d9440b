import type { ApiError } from "../api/api-error";
import { h, uid, type Child } from "./dom";

export interface PanelOptions {
  /** Extra class names on the section (grid placement). */
  className?: string;
  description?: Child;
  /** Controls shown in the panel's header, beside the title. */
  actions?: Child[];
}

/**
 * A titled section whose body keeps its size whatever state it is in: loading, empty and
 * error messages are drawn over the body instead of replacing it, so nothing below moves
 * when data arrives (no layout shift).
 */
export class Panel {
  readonly el: HTMLElement;
  readonly body: HTMLElement;
  private readonly status: HTMLElement;
  private readonly heading: HTMLElement;

  constructor(title: string, opts: PanelOptions = {}) {
    const titleId = uid("panel-title");
    this.status = h("div", { class: "panel-status", role: "status", "aria-live": "polite" });
    this.body = h("div", { class: "panel-content" });
    this.heading = h("h2", { id: titleId }, title);
    this.el = h(
      "section",
      { class: `panel ${opts.className ?? ""}`, "aria-labelledby": titleId },
      h(
        "header",
        { class: "panel-header" },
        this.heading,
        opts.actions?.length ? h("div", { class: "panel-actions" }, ...opts.actions) : null,
      ),
      opts.description ? h("p", { class: "panel-description" }, opts.description) : null,
      h("div", { class: "panel-body" }, this.body, this.status),
    );
    this.loading();
  }

  setTitle(title: string): void {
    this.heading.textContent = title;
  }

  loading(): void {
    this.setState("loading", h("span", { class: "spinner", "aria-hidden": "true" }), "Loading…");
    this.el.setAttribute("aria-busy", "true");
  }

  ready(): void {
    this.setState("ready");
  }

  empty(message: Child): void {
    this.setState("empty", h("p", null, message));
  }

  error(err: ApiError, retry?: () => void): void {
    this.setState(
      "error",
      h(
        "div",
        { class: "error", role: "alert" },
        h("p", null, h("strong", { class: "error-code" }, err.code), " ", err.message),
        err.advice ? h("p", { class: "error-advice" }, err.advice) : null,
        retry ? h("button", { type: "button", onclick: retry }, "Retry") : null,
      ),
    );
  }

  private setState(state: string, ...message: Child[]): void {
    this.el.dataset.state = state;
    this.el.removeAttribute("aria-busy");
    this.status.replaceChildren();
    for (const m of message) {
      if (m === null || m === undefined || m === false) continue;
      this.status.append(typeof m === "object" ? m : String(m));
    }
  }
}
