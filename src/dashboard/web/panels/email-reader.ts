import type { AppContext, ViewPanel } from "../app/context";
import { formatDateTime } from "../../shared/format";
import type { ViewState } from "../../shared/view-state";
import { fill, h, type Child } from "../ui/dom";
import { KeyedLoad } from "../ui/keyed-load";
import { Panel } from "../ui/panel";
import { highlightedText } from "./email-text";

const EMAIL_QUERY = `query DashboardEmail($id: Int!) {
  email(id: $id) {
    id docNumber metadataSubject metadataTo metadataFrom senderPersonId metadataDateSent
    metadataDateReleased metadataCaseNumber metadataDocumentClass extractedReleaseInPartOrFull
    metadataPdfLink rawText capitalLetters
  }
}`;

// Asked separately: a server without Persons still shows the email, with a note instead.
const PEOPLE_QUERY = `query DashboardEmailPeople($id: Int!) {
  email(id: $id) { sender { id name } recipients { id name } }
}`;

interface Email {
  id: number;
  docNumber: string | null;
  metadataSubject: string | null;
  metadataTo: string | null;
  metadataFrom: string | null;
  senderPersonId: number | null;
  metadataDateSent: string | null;
  metadataDateReleased: string | null;
  metadataCaseNumber: string | null;
  metadataDocumentClass: string | null;
  extractedReleaseInPartOrFull: string | null;
  metadataPdfLink: string | null;
  rawText: string;
  capitalLetters: number;
}

interface People {
  sender: { name: string } | null;
  recipients: { name: string }[];
}

function facts(email: Email): HTMLElement {
  const rows: [string, Child][] = [
    ["Subject", email.metadataSubject],
    ["From", email.metadataFrom],
    ["To", email.metadataTo],
    ["Sent", formatDateTime(email.metadataDateSent)],
    ["Released", formatDateTime(email.metadataDateReleased)],
    ["Release", email.extractedReleaseInPartOrFull],
    ["Case number", email.metadataCaseNumber],
    ["Document class", email.metadataDocumentClass],
    ["Doc number", email.docNumber],
    ["PDF", email.metadataPdfLink],
  ];
  return h(
    "dl",
    { class: "facts email-facts" },
    ...rows.map(([k, v]) =>
      h("div", null, h("dt", null, k), h("dd", null, v || h("span", { class: "muted" }, "–"))),
    ),
  );
}

/** The email reader: a modal dialog (focus stays inside, Esc closes), its state in the URL. */
export class EmailReader implements ViewPanel {
  readonly el: HTMLDialogElement;
  private readonly panel: Panel;
  private readonly load: KeyedLoad;
  private readonly peopleLoad: KeyedLoad;
  private readonly people = h("p", { class: "people" });

  constructor(private readonly ctx: AppContext) {
    this.load = new KeyedLoad(ctx.activity);
    this.peopleLoad = new KeyedLoad(ctx.activity);
    const close = h(
      "button",
      { type: "button", class: "close", onclick: () => this.el.close() },
      "Close",
    );
    this.panel = new Panel("Email", { actions: [close] });
    this.el = h("dialog", { class: "reader", "data-testid": "email-reader" }, this.panel.el);
    this.el.addEventListener("close", () => {
      if (this.ctx.view().email !== null) this.ctx.navigate((v) => ({ ...v, email: null }));
    });
  }

  update(view: ViewState): void {
    if (view.email === null) {
      if (this.el.open) this.el.close();
      return;
    }
    const id = view.email;
    if (!this.el.open) this.el.showModal();
    void this.load.start(
      String(id),
      (signal) => {
        this.panel.setTitle(`Email #${id}`);
        this.panel.loading();
        return this.ctx.api.request<{ email: Email | null }>(EMAIL_QUERY, { id }, { signal });
      },
      ({ email }) => {
        if (email === null) {
          fill(this.panel.body);
          this.panel.empty(`There is no email #${id}.`);
          return;
        }
        fill(
          this.panel.body,
          facts(email),
          this.people,
          highlightedText(email.rawText, email.capitalLetters),
        );
        this.panel.ready();
        this.loadPeople(id);
      },
      (err) => this.panel.error(err, () => this.retry()),
    );
  }

  private retry(): void {
    this.load.invalidate();
    this.update(this.ctx.view());
  }

  private loadPeople(id: number): void {
    this.peopleLoad.invalidate();
    void this.peopleLoad.start(
      String(id),
      (signal) => this.ctx.api.request<{ email: People | null }>(PEOPLE_QUERY, { id }, { signal }),
      ({ email }) => {
        const sender = email?.sender?.name ?? "unknown";
        const to = email?.recipients.map((r) => r.name).join(", ") || "none known";
        fill(
          this.people,
          h("strong", null, "Sender: "),
          sender,
          h("strong", null, " · Recipients: "),
          to,
        );
      },
      (err) =>
        fill(
          this.people,
          h("span", { class: "muted" }, `People unavailable (${err.code}: ${err.message})`),
        ),
    );
  }
}
