import { metadataTimestamp, sentLine, usDate } from "./calendar";
import * as C from "./catalog";
import { pickCc, pickRecipient, pickSender, pickSentDay } from "./correspondence";
import { EMAIL_COLUMNS, type EmailRecord } from "./email-columns";
import { Prng, combineSeeds } from "./prng";
import { TextGenerator, type BodyStyle } from "./text.generator";
import * as V from "./vocabulary";

const PREFIXES = ["", "", "", "", "", "Re: ", "Re: ", "Re: ", "RE: ", "Fw: ", "FW: ", "Fwd: "];
const SHORT_SUBJECTS = ["WOW", "Fyi", "Call list", "Tomorrow", "Good news", "Thank you", "URGENT"];

function title(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const addressLine = (p: C.Person): string => `${p.name} <${p.address}>`;

/**
 * Builds email number `id` (1-based) of the corpus. Every email draws from its own
 * PRNG seeded by (seed, id), so an email's content does not depend on any other email.
 */
export class EmailGenerator {
  constructor(private readonly seed: number) {}

  build(id: number, targetChars: number): EmailRecord {
    return this.buildWithRecipients(id, targetChars).record;
  }

  /** The email and the person ids its EmailReceivers rows name (To, then Cc, distinct). */
  buildWithRecipients(
    id: number,
    targetChars: number,
  ): { record: EmailRecord; recipients: number[] } {
    const rng = new Prng(combineSeeds(this.seed, id));
    const release = rng.chance(0.04) ? C.FIRST_RELEASE : rng.pick(C.LATER_RELEASES);
    const doc = `C0${rng.range(5739545, 6199999)}`;
    const inPart = rng.chance(0.45);
    const releaseLine = inPart ? "RELEASE IN PART" : "RELEASE IN FULL";
    const style: BodyStyle = {
      eol: rng.chance(0.04) ? "\r\n" : "\n",
      width: rng.range(64, 96),
      redacted: inPart,
      foreign: rng.chance(0.12),
      astral: rng.chance(0.02),
      enclosed: rng.chance(0.03),
    };

    const sender = pickSender(rng);
    const recipient = pickRecipient(rng, sender);
    const senderKnown = !rng.chance(0.03);
    const sentDays = pickSentDay(rng);
    const sent = sentLine(sentDays, rng.range(6 * 60, 24 * 60 - 1));
    const subject = this.subject(rng, style.foreign);
    const copied = pickCc(rng);
    const cc = copied.map((p) => p.name).join("; ");
    const stamp = usDate(release.stampDays);
    const stampLines = [
      "UNCLASSIFIED",
      "U.S. Department of State",
      `Case No. ${release.caseNumber}`,
      `Doc No. ${doc}`,
      `Date: ${stamp}`,
      ...(release.benghazi ? C.BENGHAZI_LEGEND : []),
    ];
    const legend = release.benghazi ? style.eol + C.BENGHAZI_LEGEND.join(style.eol) : "";
    const footer = `${stampLines.slice(0, 5).join(" ")}${legend}`;

    const headerLines = [
      ...stampLines,
      inPart && rng.chance(0.5) ? `${releaseLine} B6` : releaseLine,
      `From: ${senderKnown ? addressLine(sender) : ""}`,
      `Sent: ${sent}`,
      `To: ${recipient.name}`,
      ...(cc ? [`Cc: ${cc}`] : []),
      `Subject: ${subject}`,
      "",
      "",
    ];
    const header = headerLines.join(style.eol);
    const forwarded = rng.chance(0.2)
      ? [
          `From: ${addressLine(rng.pick(C.STAFF))}`,
          `Sent: ${sentLine(sentDays, rng.range(0, 6 * 60))}`,
          `To: ${addressLine(sender)}`,
          `Subject: ${subject.replace(/^(Re|RE|Fw|FW|Fwd): /, "")}`,
        ]
      : null;
    const body = new TextGenerator(rng, style).compose(Math.max(40, targetChars - header.length), {
      footer,
      forwarded,
    });

    const record: EmailRecord = {
      Id: String(id),
      DocNumber: doc,
      MetadataSubject: subject,
      MetadataTo: recipient === C.PRINCIPAL || rng.chance(0.9) ? recipient.name : "",
      MetadataFrom: senderKnown ? sender.name : "",
      SenderPersonId: senderKnown ? String(sender.id) : "",
      MetadataDateSent: rng.chance(0.02) ? "" : metadataTimestamp(sentDays),
      MetadataDateReleased: metadataTimestamp(release.releasedDays),
      MetadataPdfLink: `DOCUMENTS/${release.pdfFolder}/HRCH${rng.range(1, 3)}/DOC_0${doc}/${doc}.pdf`,
      MetadataCaseNumber: release.caseNumber,
      MetadataDocumentClass: release.documentClass,
      ExtractedSubject: rng.chance(0.05) ? "" : subject,
      ExtractedTo: rng.chance(0.4) ? "" : recipient.name,
      ExtractedFrom: senderKnown ? addressLine(sender) : "",
      ExtractedCc: cc,
      ExtractedDateSent: sent,
      ExtractedCaseNumber: release.caseNumber,
      ExtractedDocNumber: doc,
      ExtractedDateReleased: stamp,
      ExtractedReleaseInPartOrFull: releaseLine,
      ExtractedBodyText: rng.chance(0.05) ? "" : body.extracted,
      RawText: header + body.raw,
    };
    const recipients = [...new Set([recipient.id, ...copied.map((p) => p.id)])];
    return { record, recipients };
  }

  /** Subjects carry the CSV traps: embedded quotes, commas, non-ASCII capitals. */
  private subject(rng: Prng, foreign: boolean): string {
    const prefix = rng.pick(PREFIXES);
    const place = rng.pick(V.PLACES);
    const topic = rng.pick(V.CONTENT_WORDS);
    const r = rng.next();
    if (r < 0.06) return `${prefix}"${place}", ${topic}`;
    if (r < 0.12) return `${prefix}${title(topic)}, ${place}`;
    if (r < 0.2) return `${prefix}${rng.pick(SHORT_SUBJECTS)}`;
    if (foreign && r < 0.45) return `${prefix}${rng.pick(V.FOREIGN_PROPER)} ${topic}`;
    if (r < 0.6) return `${prefix}${place} ${topic}`;
    return `${prefix}${title(topic)}`;
  }
}

/** The record's values in file order. */
export function recordValues(record: EmailRecord): string[] {
  return EMAIL_COLUMNS.map((column) => record[column]);
}
