import { pythonJson } from "../support/python";

export interface PersonsOracle {
  persons: {
    id: number;
    name: string;
    sentCount: number;
    receivedCount: number;
    aliases: string[];
  }[];
  emails: {
    id: number;
    sender: { id: number; name: string } | null;
    recipients: { id: number; name: string }[];
  }[];
  /** Email ids and capital totals selected by each filter, in the order given. */
  selections: { ids: number[]; totalCapitals: number }[];
}

/**
 * Python over the release's CSVs: who sent and received what, and which emails each filter
 * selects. `argv[2]` is a JSON list of filters ({senderPersonIds, recipientPersonIds, release}).
 */
const SCRIPT = String.raw`
import csv, json, os, sys
from decimal import Decimal
csv.field_size_limit(sys.maxsize)
emails_path, filters = sys.argv[1], json.loads(sys.argv[2])
folder = os.path.dirname(emails_path)
def read(name):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return []
    with open(path, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.reader(f) if r]
    return [dict(zip(rows[0], r)) for r in rows[1:]]
emails = read(os.path.basename(emails_path))
persons = read("Persons.csv")
aliases = read("Aliases.csv")
receivers = read("EmailReceivers.csv")
names = {int(p["Id"]): p["Name"] for p in persons}
sender = {int(e["Id"]): (int(Decimal(e["SenderPersonId"])) if e["SenderPersonId"] else None) for e in emails}
got = {}
for r in receivers:
    got.setdefault(int(r["EmailId"]), set()).add(int(r["PersonId"]))
def person(i):
    return {"id": i, "name": names.get(i, "")}
out_persons = [{
    "id": i, "name": n,
    "sentCount": sum(1 for s in sender.values() if s == i),
    "receivedCount": sum(1 for ps in got.values() if i in ps),
    "aliases": [a["Alias"] for a in sorted(aliases, key=lambda a: int(a["Id"])) if int(a["PersonId"]) == i],
} for i, n in sorted(names.items())]
out_emails = [{
    "id": int(e["Id"]),
    "sender": None if sender[int(e["Id"])] is None else person(sender[int(e["Id"])]),
    "recipients": [person(p) for p in sorted(got.get(int(e["Id"]), set()))],
} for e in emails]
selections = []
for f in filters:
    picked = [e for e in emails
              if ("senderPersonIds" not in f or sender[int(e["Id"])] in f["senderPersonIds"])
              and ("recipientPersonIds" not in f or got.get(int(e["Id"]), set()) & set(f["recipientPersonIds"]))
              and ("release" not in f or e["ExtractedReleaseInPartOrFull"] == f["release"])]
    selections.append({
        "ids": sorted(int(e["Id"]) for e in picked),
        "totalCapitals": sum(sum(c.isupper() for c in e["RawText"]) for e in picked),
    })
print(json.dumps({"persons": out_persons, "emails": out_emails, "selections": selections}))
`;

export function personsOracle(emailsCsv: string, filters: object[]): PersonsOracle {
  return pythonJson<PersonsOracle>(SCRIPT, { args: [emailsCsv, JSON.stringify(filters)] });
}
