import type { AppContext } from "../app/context";
import { h, uid } from "../ui/dom";

/**
 * Where the API token is entered. It is sent as `Authorization: Bearer` on startAnalysis and
 * cancelAnalysis, and in the WebSocket's connection params; queries need none.
 */
export class TokenPanel {
  readonly el: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly state = h("span", {
    class: "token-state",
    role: "status",
    "data-testid": "token-state",
  });

  constructor(private readonly ctx: AppContext) {
    this.input = h("input", {
      id: uid("token"),
      type: "password",
      autocomplete: "off",
      placeholder: "only needed when the server sets API_TOKENS",
      "data-testid": "token",
    });
    this.el = h(
      "form",
      {
        class: "token",
        "aria-label": "API token",
        onsubmit: (e: Event) => {
          e.preventDefault();
          this.ctx.tokens.set(this.input.value);
          this.input.value = "";
        },
      },
      h("label", { for: this.input.id }, "API token"),
      this.input,
      h("button", { type: "submit" }, "Use"),
      h("button", { type: "button", onclick: () => this.ctx.tokens.set("") }, "Forget"),
      this.state,
    );
    ctx.tokens.onChange(() => this.show());
    this.show();
  }

  private show(): void {
    this.state.textContent = this.ctx.tokens.get()
      ? "A token is set for this tab: it is sent when you start or cancel an analysis."
      : "No token: analyses can be started only when the server requires none.";
  }
}
