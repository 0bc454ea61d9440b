/**
 * Reads an Emails.csv with Python's csv module and reports what a consumer would see.
 * Every check is phrased in Python's terms (len, str.isupper, zoneinfo), never the generator's.
 */
export const CORPUS_ORACLE = String.raw`
import csv, io, json, statistics, sys, unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

csv.field_size_limit(sys.maxsize)  # the longest RawText is beyond the 128 KiB default
path = sys.argv[1]
with open(path, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
with open(path, "rb") as f:
    data = f.read()
header, emails = rows[0], rows[1:]
col = {name: i for i, name in enumerate(header)}

out = io.StringIO()
csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(rows)

def has(pred, text):
    return any(pred(c) for c in set(text))

families = {
    "latin": lambda c: c.isupper() and 0xC0 <= ord(c) <= 0x24F,
    "greek": lambda c: c.isupper() and 0x370 <= ord(c) <= 0x3FF,
    "cyrillic": lambda c: c.isupper() and 0x400 <= ord(c) <= 0x52F,
    "otherUppercase": lambda c: c.isupper() and unicodedata.category(c) != "Lu",
    "astral": lambda c: c.isupper() and ord(c) > 0xFFFF,
    "nonAsciiLower": lambda c: c.islower() and ord(c) > 0x7F,
    "nonAsciiDigit": lambda c: c.isdigit() and ord(c) > 0x7F,
}
family_emails = {name: 0 for name in families}
lengths, problems = [], []
upper = letters = crlf = mixed_eol = benghazi = 0
fields_with = {"quote": 0, "comma": 0, "crlf": 0}
ny = ZoneInfo("America/New_York")
for r in emails:
    raw = r[col["RawText"]]
    lengths.append(len(raw))
    for field in r:
        fields_with["quote"] += '"' in field
        fields_with["comma"] += "," in field
        fields_with["crlf"] += "\r\n" in field
    for name, pred in families.items():
        family_emails[name] += has(pred, raw)
    upper += sum(map(str.isupper, raw))
    letters += sum(map(str.isalpha, raw))
    if "\r\n" in raw:
        crlf += 1
        mixed_eol += "\n" in raw.replace("\r\n", "")
    lines = raw.split("\r\n" if "\r\n" in raw else "\n")
    case, doc, stamp = r[col["MetadataCaseNumber"]], r[col["DocNumber"]], r[col["ExtractedDateReleased"]]
    expected = ["UNCLASSIFIED", "U.S. Department of State", "Case No. " + case, "Doc No. " + doc, "Date: " + stamp]
    if lines[:5] != expected:
        problems.append(("header", r[0], lines[:5]))
    footer = " ".join(expected)
    if footer not in raw:
        problems.append(("footer", r[0]))
    release = r[col["ExtractedReleaseInPartOrFull"]]
    if release not in ("RELEASE IN FULL", "RELEASE IN PART") or release not in raw:
        problems.append(("release", r[0], release))
    if "STATE DEPT. - PRODUCED TO HOUSE SELECT BENGHAZI COMM." in lines[:7]:
        benghazi += 1
    if doc != r[col["ExtractedDocNumber"]] or not (doc.startswith("C0") and doc[1:].isdigit() and len(doc) == 9):
        problems.append(("doc", r[0], doc))
    if r[col["MetadataPdfLink"]].split("/")[-1] != doc + ".pdf":
        problems.append(("pdf", r[0]))
    sender, person = r[col["MetadataFrom"]], r[col["SenderPersonId"]]
    if (sender == "") != (person == "") or (person and not person.isdigit()):
        problems.append(("sender", r[0], sender, person))
    sent = datetime.strptime(r[col["ExtractedDateSent"]], "%A, %B %d, %Y %I:%M %p")
    if sent.strftime("%A") != r[col["ExtractedDateSent"]].split(",")[0]:
        problems.append(("weekday", r[0], r[col["ExtractedDateSent"]]))
    for name in ("MetadataDateSent", "MetadataDateReleased"):
        value = r[col[name]]
        if value == "":
            continue
        stamp_utc = datetime.fromisoformat(value)
        local = datetime(stamp_utc.year, stamp_utc.month, stamp_utc.day, tzinfo=ny)
        if stamp_utc != local:
            problems.append(("midnight", r[0], name, value))
        if name == "MetadataDateSent" and local.date() != sent.date():
            problems.append(("sentdate", r[0], value, r[col["ExtractedDateSent"]]))

def words(name):
    return sum(r[col["RawText"]].split().count(name) for r in emails)

print(json.dumps({
    "header": header,
    "rows": len(emails),
    "widths": sorted({len(r) for r in emails}),
    "idsInOrder": [r[0] for r in emails] == [str(i) for i in range(1, len(emails) + 1)],
    "bytes": len(data),
    "reserialisedIdentical": out.getvalue().encode("utf-8") == data,
    "rawTextChars": sum(lengths),
    "median": statistics.median(lengths) if lengths else 0,
    "mean": statistics.mean(lengths) if lengths else 0,
    "max": max(lengths, default=0),
    "fieldsWith": fields_with,
    "subjectsWithQuoteAndComma": sum(1 for r in emails if '"' in r[col["MetadataSubject"]] and "," in r[col["MetadataSubject"]]),
    "familyEmails": family_emails,
    "upperShare": upper / letters if letters else 0,
    "crlfEmails": crlf,
    "mixedEolEmails": mixed_eol,
    "benghaziEmails": benghazi,
    "acronyms": {name: words(name) for name in ("NATO", "UN", "USAID")},
    "problems": problems[:20],
    "problemCount": len(problems),
}))
`;

/** Row count and column widths only, for small files. */
export const SHAPE_ORACLE = String.raw`
import csv, json, sys
csv.field_size_limit(sys.maxsize)
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
print(json.dumps({"rows": len(rows) - 1, "widths": sorted({len(r) for r in rows}), "ids": [r[0] for r in rows[1:]]}))
`;
