/**
 * Everything that makes up a view of the dashboard, and its one encoding: the URL query
 * string. A copied link therefore reproduces the view, and history entries are views.
 * Pure (no DOM), so it is unit-tested in Node too (src/dashboard/shared/ is compiled by both).
 */

import { API_ENUMS, type Granularity, type Strategy } from "./api-enums";

export type { Granularity, Strategy };
export const STRATEGIES = API_ENUMS.ExecutionStrategy;
export const GRANULARITIES = API_ENUMS.TimeGranularity;

export const SORTS = ["id", "capitals-desc", "capitals-asc"] as const;
export type EmailSort = (typeof SORTS)[number];

export interface Filters {
  /** Substring of MetadataFrom (the API's `sender`). */
  sender: string;
  /** A Person id (the API's `recipientPersonIds`), with the name it was picked by. */
  recipientId: number | null;
  recipientName: string;
  /** Inclusive UTC dates, `YYYY-MM-DD`. */
  from: string;
  until: string;
  subject: string;
  release: string;
}

export interface ExecutionChoice {
  strategy: Strategy;
  workers: number | null;
  chunkSize: number | null;
  fresh: boolean;
}

/** What a click on a chart selected; it narrows the email table only, never the panels. */
export type Drill =
  | { kind: "sender"; key: string; label: string }
  | { kind: "person"; id: number; label: string }
  | { kind: "recipient"; id: number; label: string }
  | { kind: "sent"; key: string }
  | { kind: "capitals"; from: number; to: number };

export interface ViewState {
  filters: Filters;
  exec: ExecutionChoice;
  granularity: Granularity;
  drill: Drill | null;
  sort: EmailSort;
  /** The email open in the reader, if any. */
  email: number | null;
}

export const EMPTY_FILTERS: Filters = {
  sender: "",
  recipientId: null,
  recipientName: "",
  from: "",
  until: "",
  subject: "",
  release: "",
};

export const DEFAULT_EXEC: ExecutionChoice = {
  strategy: "AUTO",
  workers: null,
  chunkSize: null,
  fresh: false,
};

export function defaultView(): ViewState {
  return {
    filters: { ...EMPTY_FILTERS },
    exec: { ...DEFAULT_EXEC },
    granularity: "MONTH",
    drill: null,
    sort: "id",
    email: null,
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(list: readonly T[], value: string | null, fallback: T): T {
  return list.includes(value as T) ? (value as T) : fallback;
}

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

function date(value: string | null): string {
  return value !== null && DATE.test(value) ? value : "";
}

/** `kind:rest`; a malformed drill is dropped rather than guessed at. */
function parseDrill(raw: string | null, label: string): Drill | null {
  if (raw === null) return null;
  const colon = raw.indexOf(":");
  if (colon < 0) return null;
  const kind = raw.slice(0, colon);
  const rest = raw.slice(colon + 1);
  switch (kind) {
    case "sender":
      return { kind, key: rest, label: label || rest };
    case "person":
    case "recipient": {
      const id = positiveInt(rest);
      return id === null ? null : { kind, id, label: label || `#${id}` };
    }
    case "sent":
      return rest === "" ? null : { kind, key: rest };
    case "capitals": {
      const m = /^(\d+)-(\d+)$/.exec(rest);
      if (!m) return null;
      const from = Number(m[1]);
      const to = Number(m[2]);
      return to > from ? { kind, from, to } : null;
    }
    default:
      return null;
  }
}

function drillParam(drill: Drill): string {
  switch (drill.kind) {
    case "sender":
      return `sender:${drill.key}`;
    case "person":
    case "recipient":
      return `${drill.kind}:${drill.id}`;
    case "sent":
      return `sent:${drill.key}`;
    case "capitals":
      return `capitals:${drill.from}-${drill.to}`;
  }
}

function drillLabel(drill: Drill): string {
  return drill.kind === "sender" || drill.kind === "person" || drill.kind === "recipient"
    ? drill.label
    : "";
}

/** Unknown or malformed parameters fall back to defaults: an old or hand-edited link still opens. */
export function parseView(search: string): ViewState {
  const p = new URLSearchParams(search);
  const text = (name: string): string => (p.get(name) ?? "").slice(0, 200);
  const recipientId = positiveInt(p.get("to"));
  return {
    filters: {
      sender: text("sender"),
      recipientId,
      recipientName: recipientId === null ? "" : text("toName"),
      from: date(p.get("from")),
      until: date(p.get("until")),
      subject: text("subject"),
      release: text("release"),
    },
    exec: {
      strategy: oneOf(STRATEGIES, p.get("strategy"), "AUTO"),
      workers: positiveInt(p.get("workers")),
      chunkSize: positiveInt(p.get("chunk")),
      fresh: p.get("fresh") === "1",
    },
    granularity: oneOf(GRANULARITIES, p.get("granularity"), "MONTH"),
    drill: parseDrill(p.get("drill"), text("drillLabel")),
    sort: oneOf(SORTS, p.get("sort"), "id"),
    email: positiveInt(p.get("email")),
  };
}

/** Only non-default values are written, so links stay short and stable. */
export function serializeView(view: ViewState): string {
  const p = new URLSearchParams();
  const set = (name: string, value: string | number | null, fallback: string | null = ""): void => {
    if (value !== null && String(value) !== fallback) p.set(name, String(value));
  };
  const f = view.filters;
  set("sender", f.sender);
  if (f.recipientId !== null) {
    set("to", f.recipientId);
    set("toName", f.recipientName);
  }
  set("from", f.from);
  set("until", f.until);
  set("subject", f.subject);
  set("release", f.release);
  set("strategy", view.exec.strategy, "AUTO");
  set("workers", view.exec.workers);
  set("chunk", view.exec.chunkSize);
  if (view.exec.fresh) p.set("fresh", "1");
  set("granularity", view.granularity, "MONTH");
  if (view.drill) {
    p.set("drill", drillParam(view.drill));
    set("drillLabel", drillLabel(view.drill));
  }
  set("sort", view.sort, "id");
  set("email", view.email);
  const s = p.toString();
  return s === "" ? "" : `?${s}`;
}

export function sameFilters(a: Filters, b: Filters): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function sameExec(a: ExecutionChoice, b: ExecutionChoice): boolean {
  return (
    a.strategy === b.strategy &&
    a.workers === b.workers &&
    a.chunkSize === b.chunkSize &&
    a.fresh === b.fresh
  );
}
