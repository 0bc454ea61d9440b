import type { CapitalAggregates } from "../../../src/stats/capital-letter-stats";
import { pythonJson } from "../../support/python";

export interface OracleSummary {
  total: number;
  mean: number;
  median: number;
  max: number;
}

export interface OracleGroup extends CapitalAggregates {
  key: string | null;
  label: string;
  metrics: Record<string, OracleSummary>;
  /** The group's email ids, ascending (what a drill-down into it lists). */
  ids: number[];
}

export interface GroupsOracle {
  /** Groups by "DIM" or "SENT:GRANULARITY[:fill]", in key order (null last). */
  groups: Record<string, OracleGroup[]>;
  /** Keys in each order, by "<spec>|<ORDER>", capital totals and ratios. */
  orders: Record<string, (string | null)[]>;
}

/**
 * The lesson's rules in Python over the release's CSV files, read with the csv module and
 * nothing of Capstats: c.isupper() per code point, statistics.median, ISO weeks from
 * date.isocalendar(), gaps filled by walking every calendar day between the first and the
 * last email. `argv[1]` is Emails.csv; the companions are read from beside it by their
 * Kaggle names.
 */
const SCRIPT = String.raw`
import csv, json, os, statistics, sys
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from decimal import Decimal

csv.field_size_limit(sys.maxsize)
emails_path = sys.argv[1]
folder = os.path.dirname(emails_path)

def read(path):
    if not os.path.exists(path):
        return None
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = [r for r in csv.reader(f) if r]
    header = [h.strip() for h in rows[0]]
    return [dict(zip(header, r)) for r in rows[1:]]

emails = read(emails_path)
persons = read(os.path.join(folder, "Persons.csv")) or []
receivers = read(os.path.join(folder, "EmailReceivers.csv")) or []
names = {int(p["Id"]): p["Name"] for p in persons}
recipients = defaultdict(set)
for r in receivers:
    recipients[int(r["EmailId"])].add(int(r["PersonId"]))

def integer(v):
    return None if v.strip() == "" else int(Decimal(v.strip()))

def sent(v):
    try:
        t = datetime.fromisoformat(v.strip())
    except ValueError:
        return None
    return (t if t.tzinfo else t.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)

def bucket(t, g):
    if g == "DAY":
        return t.strftime("%Y-%m-%d")
    if g == "WEEK":
        y, w, _ = t.isocalendar()
        return "%04d-W%02d" % (y, w)
    if g == "MONTH":
        return "%04d-%02d" % (t.year, t.month)
    if g == "QUARTER":
        return "%04d-Q%d" % (t.year, (t.month - 1) // 3 + 1)
    return "%04d" % t.year

METRICS = {
    "CAPITALS": lambda s: sum(c.isupper() for c in s),
    "LOWERCASE": lambda s: sum(c.islower() for c in s),
    "DIGITS": lambda s: sum(c.isdecimal() for c in s),
    "WHITESPACE": lambda s: sum(c.isspace() for c in s),
    "WORDS": lambda s: len(s.split()),
    "LINES": lambda s: len(s.splitlines()),
    "CHARACTERS": len,
}
COLUMN = {"SENDER": "MetadataFrom", "RELEASE": "ExtractedReleaseInPartOrFull",
          "DOCUMENT_CLASS": "MetadataDocumentClass", "CASE_NUMBER": "MetadataCaseNumber"}
PERSON_DIMS = ("SENDER_PERSON", "RECIPIENT")

def keys_of(e, dim, g):
    if dim in COLUMN:
        v = e[COLUMN[dim]]
        return [v if v != "" else None]
    if dim == "SENDER_PERSON":
        p = integer(e["SenderPersonId"])
        return [None if p is None else str(p)]
    if dim == "RECIPIENT":
        got = recipients.get(int(e["Id"]))
        return [str(p) for p in sorted(got)] if got else [None]
    t = sent(e["MetadataDateSent"])
    return [None if t is None else bucket(t, g)]

def label(dim, key):
    if key is None:
        return "(unknown)"
    if dim in PERSON_DIMS:
        return names.get(int(key)) or "Person " + key
    return key

values = {int(e["Id"]): {m: f(e["RawText"]) for m, f in METRICS.items()} for e in emails}

def summary(xs):
    return {"total": sum(xs), "mean": sum(xs) / len(xs) if xs else 0,
            "median": statistics.median(xs) if xs else 0, "max": max(xs, default=0)}

def groups(dim, g=None, fill=False):
    members = defaultdict(list)
    for e in emails:
        for k in keys_of(e, dim, g):
            members[k].append(int(e["Id"]))
    if fill:
        days = [sent(e["MetadataDateSent"]) for e in emails]
        days = [d for d in days if d is not None]
        day, last = min(days), max(days)
        while day.date() <= last.date():
            members.setdefault(bucket(day, g), [])
            day += timedelta(days=1)
    out = []
    for k, ids in members.items():
        per = {m: summary([values[i][m] for i in ids]) for m in METRICS}
        caps, chars = per["CAPITALS"], per["CHARACTERS"]["total"]
        out.append({"key": k, "label": label(dim, k), "emailCount": len(ids),
                    "totalCapitals": caps["total"], "totalCharacters": chars,
                    "capitalRatio": caps["total"] / chars if chars else 0,
                    "meanPerEmail": caps["mean"], "medianPerEmail": caps["median"],
                    "maxPerEmail": caps["max"], "metrics": per, "ids": sorted(ids)})
    return out

def by_key(dim):
    numeric = dim in PERSON_DIMS
    return lambda gr: (gr["key"] is None,
                       (int(gr["key"]) if numeric else gr["key"]) if gr["key"] is not None else (0 if numeric else ""))

specs = {d: (d, None, False) for d in list(COLUMN) + list(PERSON_DIMS)}
for g in ("DAY", "WEEK", "MONTH", "QUARTER", "YEAR"):
    specs["SENT:" + g] = ("SENT", g, False)
    specs["SENT:" + g + ":fill"] = ("SENT", g, True)

result, orders = {}, {}
for name, (dim, g, fill) in specs.items():
    gs = groups(dim, g, fill)
    k = by_key(dim)
    result[name] = sorted(gs, key=k)
    keyed = [x for x in gs if x["key"] is not None]
    nulls = [x for x in gs if x["key"] is None]
    ranked = {
        "TOTAL_DESC": sorted(gs, key=lambda x: (-x["totalCapitals"], k(x))),
        "TOTAL_ASC": sorted(gs, key=lambda x: (x["totalCapitals"], k(x))),
        "COUNT_DESC": sorted(gs, key=lambda x: (-x["emailCount"], k(x))),
        "RATIO_DESC": sorted(gs, key=lambda x: (-x["capitalRatio"], k(x))),
        "KEY_ASC": sorted(gs, key=k),
        "KEY_DESC": sorted(keyed, key=k, reverse=True) + nulls,
    }
    for order, xs in ranked.items():
        orders[name + "|" + order] = [x["key"] for x in xs]

print(json.dumps({"groups": result, "orders": orders}))
`;

export function groupsOracle(emailsCsv: string): GroupsOracle {
  return pythonJson<GroupsOracle>(SCRIPT, { args: [emailsCsv] });
}
