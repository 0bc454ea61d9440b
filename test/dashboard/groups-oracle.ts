import { pythonJson } from "../support/python";

export interface OracleGroup {
  key: string | null;
  label: string;
  emailCount: number;
  totalCapitals: number;
  /** Ids of the group's emails, ascending. */
  ids: number[];
}

/**
 * Python's grouping of the CSVs the server loaded, for the dashboard's group panels:
 * SENDER (MetadataFrom as stored), SENDER_PERSON (SenderPersonId, named from Persons.csv),
 * RECIPIENT (EmailReceivers.csv) and SENT by UTC month with the gaps filled. Ordered as the
 * API orders them: total capitals descending then key ascending, SENT by key. Missing
 * values are the group with key None, labelled "(unknown)".
 */
const SCRIPT = String.raw`
import csv, json, os, sys
from datetime import datetime, timezone
path, by = sys.argv[1], sys.argv[2]
folder = os.path.dirname(path)
def rows(name):
    p = os.path.join(folder, name)
    if not os.path.exists(p): return []
    with open(p, newline='', encoding='utf-8') as f: return list(csv.DictReader(f))
names = {r['Id']: r['Name'] for r in rows('Persons.csv')}
receivers = {}
for r in rows('EmailReceivers.csv'): receivers.setdefault(r['EmailId'], []).append(r['PersonId'])
groups = {}
def add(key, label, email):
    g = groups.setdefault(key, {'key': key, 'label': label, 'emailCount': 0, 'totalCapitals': 0, 'ids': []})
    g['emailCount'] += 1; g['totalCapitals'] += email['capitals']; g['ids'].append(email['id'])
for r in rows(os.path.basename(path)):
    email = {'id': int(r['Id']), 'capitals': sum(1 for c in r['RawText'] if c.isupper())}
    if by == 'SENDER':
        v = r['MetadataFrom']; add(v or None, v or '(unknown)', email)
    elif by == 'SENDER_PERSON':
        v = r['SenderPersonId'].split('.')[0]; add(v or None, names.get(v, 'Person ' + v) if v else '(unknown)', email)
    elif by == 'RECIPIENT':
        ids = receivers.get(r['Id'], [])
        if not ids: add(None, '(unknown)', email)
        for v in ids: add(v, names.get(v, 'Person ' + v), email)
    elif by == 'SENT':
        v = r['MetadataDateSent']
        k = datetime.fromisoformat(v).astimezone(timezone.utc).strftime('%Y-%m') if v else None
        add(k, k or '(unknown)', email)
out = list(groups.values())
if by == 'SENT':
    months = sorted(k for k in groups if k)
    y, m = map(int, months[0].split('-')); end = months[-1]; filled = []
    while True:
        k = '%04d-%02d' % (y, m)
        filled.append(groups.get(k, {'key': k, 'label': k, 'emailCount': 0, 'totalCapitals': 0, 'ids': []}))
        if k == end: break
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    out = filled + ([groups[None]] if None in groups else [])
else:
    out.sort(key=lambda g: (-g['totalCapitals'], g['key'] is None, g['key'] or ''))
print(json.dumps(out))
`;

export function pythonGroups(csvFile: string, by: string): OracleGroup[] {
  return pythonJson<OracleGroup[]>(SCRIPT, { args: [csvFile, by] });
}
