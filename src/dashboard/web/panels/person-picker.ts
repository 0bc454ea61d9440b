import type { ApiError } from "../api/api-error";
import { searchPersons, type Person } from "../api/persons";
import type { AppContext } from "../app/context";
import { h, uid } from "../ui/dom";

const DEBOUNCE_MS = 250;

/**
 * A text field that resolves a typed name to a Person id through `persons(nameContains:)`,
 * offering matches in a <datalist>. Without Persons on the server, it says so and the
 * filter cannot be used.
 */
export class PersonPicker {
  readonly input: HTMLInputElement;
  readonly el: HTMLElement;
  private readonly list: HTMLDataListElement;
  private readonly note = h("small", { class: "muted" });
  private matches: Person[] = [];
  private picked: { id: number; name: string } | null = null;
  private timer: number | undefined;
  private controller: AbortController | null = null;

  constructor(
    private readonly ctx: AppContext,
    label: string,
    testId: string,
  ) {
    this.list = h("datalist", { id: uid("people") });
    this.input = h("input", {
      id: uid(testId),
      type: "search",
      list: this.list.id,
      autocomplete: "off",
      placeholder: "a name",
      "data-testid": testId,
      oninput: () => this.search(),
    });
    this.el = h(
      "div",
      { class: "field" },
      h("label", { for: this.input.id }, label),
      this.input,
      this.list,
      this.note,
    );
  }

  show(id: number | null, name: string): void {
    this.picked = id === null ? null : { id, name };
    this.input.value = id === null ? "" : name || `#${id}`;
    this.input.setCustomValidity("");
  }

  /** The picked person, null for an empty field, undefined (and a message) when unresolved. */
  resolve(): { id: number; name: string } | null | undefined {
    const text = this.input.value.trim();
    this.input.setCustomValidity("");
    if (text === "") return null;
    if (this.picked && (text === this.picked.name || text === `#${this.picked.id}`))
      return this.picked;
    const match = this.matches.find((p) => p.name.toLowerCase() === text.toLowerCase());
    if (match) return { id: match.id, name: match.name };
    this.input.setCustomValidity("Pick a person from the suggestions.");
    this.input.reportValidity();
    return undefined;
  }

  private search(): void {
    window.clearTimeout(this.timer);
    this.input.setCustomValidity("");
    const text = this.input.value.trim();
    if (text.length < 2) return;
    this.timer = window.setTimeout(() => {
      this.controller?.abort();
      const controller = new AbortController();
      this.controller = controller;
      searchPersons(this.ctx.api, text, 10, controller.signal).then(
        ({ people }) => {
          this.matches = people;
          this.list.replaceChildren(...people.map((p) => h("option", { value: p.name })));
          this.note.textContent = people.length === 0 ? "Nobody by that name." : "";
        },
        (err: ApiError) => {
          if (!controller.signal.aborted)
            this.note.textContent = `Needs Persons (${err.code}: ${err.message})`;
        },
      );
    }, DEBOUNCE_MS);
  }
}
