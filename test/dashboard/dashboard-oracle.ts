import { pythonJson } from "../support/python";

export interface OracleEmail {
  id: number;
  sender: string;
  sent: string;
  capitals: number;
  /** The capital letters of RawText, in order: ''.join(c for c in text if c.isupper()). */
  upper: string;
}

export interface OracleSummary {
  emailCount: number;
  totalCapitals: number;
  totalCharacters: number;
  medianPerEmail: number;
  emails: OracleEmail[];
}

export interface OracleFilter {
  /** Substring of MetadataFrom, ASCII case-insensitive (SQLite LIKE). */
  sender?: string;
  /** Inclusive UTC dates, as the dashboard's date fields. */
  from?: string;
  until?: string;
}

/**
 * The dashboard's numbers computed by Python from the CSV the server loaded, with the
 * lesson's rule (c.isupper() per code point) and statistics.median: nothing from Capstats.
 */
const SCRIPT = String.raw`
import csv, json, statistics, sys
from datetime import datetime, timedelta, timezone
path, flt = sys.argv[1], json.loads(sys.argv[2])
def ascii_lower(s): return ''.join(c.lower() if c.isascii() else c for c in s)
def day(d): return datetime.fromisoformat(d + 'T00:00:00+00:00')
rows = []
with open(path, newline='', encoding='utf-8') as f:
    for r in csv.DictReader(f):
        sent = datetime.fromisoformat(r['MetadataDateSent']) if r['MetadataDateSent'] else None
        if 'sender' in flt and ascii_lower(flt['sender']) not in ascii_lower(r['MetadataFrom']): continue
        if 'from' in flt and (sent is None or sent < day(flt['from'])): continue
        if 'until' in flt and (sent is None or sent >= day(flt['until']) + timedelta(days=1)): continue
        text = r['RawText']
        upper = ''.join(c for c in text if c.isupper())
        rows.append({'id': int(r['Id']), 'sender': r['MetadataFrom'], 'sent': r['MetadataDateSent'],
                     'capitals': len(upper), 'upper': upper, 'characters': len(text)})
caps = [r['capitals'] for r in rows]
print(json.dumps({'emailCount': len(rows), 'totalCapitals': sum(caps),
  'totalCharacters': sum(r['characters'] for r in rows),
  'medianPerEmail': statistics.median(caps) if caps else 0,
  'emails': [{k: r[k] for k in ('id', 'sender', 'sent', 'capitals', 'upper')} for r in rows]}))
`;

export function pythonSummary(csvFile: string, filter: OracleFilter = {}): OracleSummary {
  return pythonJson<OracleSummary>(SCRIPT, { args: [csvFile, JSON.stringify(filter)] });
}
