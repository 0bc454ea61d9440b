import { fetchGroups } from "../api/groups";
import type { AppContext, ViewPanel } from "../app/context";
import { EMPTY_FILTERS, type Filters, type ViewState } from "../../shared/view-state";
import { h, uid } from "../ui/dom";
import { PersonPicker } from "./person-picker";

function input(testId: string, type: string, placeholder = ""): HTMLInputElement {
  return h("input", { id: uid(testId), type, placeholder, maxlength: 200, "data-testid": testId });
}

function field(label: string, control: HTMLElement): HTMLElement {
  return h("div", { class: "field" }, h("label", { for: control.id }, label), control);
}

/** The filters every panel follows. Applying them pushes a new URL (a shareable view). */
export class FiltersPanel implements ViewPanel {
  readonly el: HTMLElement;
  private readonly sender = input("filter-sender", "search", "part of From");
  private readonly recipient: PersonPicker;
  private readonly from = input("filter-from", "date");
  private readonly until = input("filter-until", "date");
  private readonly subject = input("filter-subject", "search", "part of the subject");
  private readonly release = input("filter-release", "search", "e.g. RELEASE IN FULL");
  private readonly releases = h("datalist", { id: uid("releases") });
  private releasesLoaded = false;
  private readonly summary: HTMLElement;

  constructor(private readonly ctx: AppContext) {
    this.recipient = new PersonPicker(ctx, "Recipient", "filter-recipient");
    this.release.setAttribute("list", this.releases.id);
    // Read on first use, not at start-up: it is one more stats query the page would wait for.
    this.release.addEventListener("focus", () => this.loadReleases());
    this.summary = h("summary", null, "Filters");
    const form = h(
      "form",
      {
        class: "filters",
        "aria-label": "Filters",
        "data-testid": "filters",
        onsubmit: (e: Event) => {
          e.preventDefault();
          this.apply();
        },
      },
      field("Sender", this.sender),
      this.recipient.el,
      field("Sent from", this.from),
      field("Sent until", this.until),
      field("Subject", this.subject),
      field("Release", this.release),
      this.releases,
      h(
        "div",
        { class: "filter-actions" },
        h("button", { type: "submit", class: "primary", "data-testid": "apply-filters" }, "Apply"),
        h(
          "button",
          { type: "button", onclick: () => this.navigate({ ...EMPTY_FILTERS }) },
          "Clear",
        ),
      ),
    );
    // Folded on a phone (the panels come first there), open on a wider screen.
    this.el = h(
      "details",
      { class: "filters-box", open: !window.matchMedia("(max-width: 640px)").matches },
      this.summary,
      form,
    );
  }

  update(view: ViewState): void {
    const f = view.filters;
    this.sender.value = f.sender;
    this.recipient.show(f.recipientId, f.recipientName);
    this.from.value = f.from;
    this.until.value = f.until;
    this.subject.value = f.subject;
    this.release.value = f.release;
    const active = [f.sender, f.recipientId, f.from || f.until, f.subject, f.release].filter(
      (v) => v !== "" && v !== null,
    ).length;
    this.summary.textContent = active === 0 ? "Filters (none)" : `Filters (${active} active)`;
  }

  private apply(): void {
    const person = this.recipient.resolve();
    if (person === undefined) return;
    if (this.from.value && this.until.value && this.from.value > this.until.value) {
      this.until.setCustomValidity("The end date is before the start date.");
      this.until.reportValidity();
      return;
    }
    this.until.setCustomValidity("");
    this.navigate({
      sender: this.sender.value.trim(),
      recipientId: person?.id ?? null,
      recipientName: person?.name ?? "",
      from: this.from.value,
      until: this.until.value,
      subject: this.subject.value.trim(),
      release: this.release.value.trim(),
    });
  }

  /** New filters start a new selection: the drill-down and the open email belonged to the old one. */
  private navigate(filters: Filters): void {
    this.ctx.navigate((v) => ({ ...v, filters, drill: null, email: null }));
  }

  /** Suggestions for the release field, from the RELEASE groups; without them it stays free text. */
  private loadReleases(): void {
    if (this.releasesLoaded) return;
    this.releasesLoaded = true;
    fetchGroups(
      this.ctx.api,
      { by: "RELEASE", filter: {}, orderBy: "COUNT_DESC", first: 50 },
      new AbortController().signal,
    ).then(
      (page) => {
        const values = page.groups.flatMap((g) => (g.key === null ? [] : [g.key]));
        this.releases.replaceChildren(...values.map((v) => h("option", { value: v })));
      },
      () => undefined,
    );
  }
}
