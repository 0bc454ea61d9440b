import type { Prng } from "./prng";
import { SentenceGenerator, type ScriptMix } from "./sentence.generator";
import * as V from "./vocabulary";

export interface BodyStyle extends ScriptMix {
  /** Line ending used throughout the email ("\n", or "\r\n" for some). */
  eol: string;
  /** Column at which OCR'd lines wrap. */
  width: number;
  /** The email was released in part, so redaction codes (B5, B6) appear in the text. */
  redacted: boolean;
}

export interface BodyContext {
  /** Page footer printed every page of the scan, and once at the end. */
  footer: string;
  /** Header lines of a quoted earlier message, or null for an email without one. */
  forwarded: readonly string[] | null;
}

export interface ComposedBody {
  /** Body as it appears in RawText: wrapped paragraphs with page footers. */
  raw: string;
  /** The message text without the scan's page footers. */
  extracted: string;
}

/** Lays out paragraphs, lists, headings and page footers until a length target is met. */
export class TextGenerator {
  private readonly sentences: SentenceGenerator;

  constructor(
    private readonly rng: Prng,
    private readonly style: BodyStyle,
  ) {
    this.sentences = new SentenceGenerator(rng, style);
  }

  /** targetChars counts UTF-16 units; astral letters are rare enough not to matter here. */
  compose(targetChars: number, context: BodyContext): ComposedBody {
    const { rng, style } = this;
    const raw: string[] = [];
    const extracted: string[] = [];
    const pageChars = rng.range(2600, 3600);
    const pageBreak = rng.chance(0.03) ? "\f" : "";
    let length = 0;
    let sincePageBreak = 0;
    const forwardAt = context.forwarded ? 1 + rng.int(4) : -1;
    const emit = (block: string): void => {
      raw.push(block);
      extracted.push(block);
      length += block.length;
      sincePageBreak += block.length;
    };

    // The closing footer is always printed, so it comes out of the budget up front.
    const budget = targetChars - context.footer.length - style.eol.length;
    if (rng.chance(0.3)) emit(rng.pick(V.OPENERS) + style.eol + style.eol);
    for (let n = 0; length < budget; n++) {
      if (n === forwardAt && context.forwarded) {
        emit(["-----Original Message-----", ...context.forwarded, ""].join(style.eol));
      }
      emit(this.block(budget - length) + style.eol + style.eol);
      if (sincePageBreak >= pageChars) {
        raw.push(pageBreak + context.footer + style.eol);
        length += pageBreak.length + context.footer.length + style.eol.length;
        sincePageBreak = 0;
      }
    }
    raw.push(context.footer + style.eol);
    return { raw: raw.join(""), extracted: extracted.join("").trimEnd() };
  }

  /** `room` is what is left of the budget; a paragraph stops adding sentences once it is full. */
  private block(room: number): string {
    const { rng, style } = this;
    const r = rng.next();
    if (r < 0.04) return rng.pick(V.CAPS_HEADINGS);
    if (r < 0.06 && style.astral) return rng.pick(V.ASTRAL_HEADINGS);
    if (r < 0.07 && style.redacted) return rng.pick(["B6", "B5", "B1,1.4(B),B6"]);
    if (r < 0.12) return this.list();
    return this.paragraph(room);
  }

  private paragraph(room: number): string {
    const count = 1 + this.rng.int(3) + this.rng.int(3);
    let text = this.sentences.sentence();
    for (let i = 1; i < count && text.length < room; i++) text += " " + this.sentences.sentence();
    return this.wrap(text);
  }

  private list(): string {
    const { rng, style } = this;
    const items = 2 + rng.int(4);
    const lines: string[] = [];
    const kind = style.enclosed ? rng.int(4) : rng.int(2);
    for (let i = 0; i < items; i++) {
      const marker = [
        "-",
        "•",
        V.CIRCLED_BULLETS[i % V.CIRCLED_BULLETS.length],
        `${V.ROMAN_NUMERALS[i % V.ROMAN_NUMERALS.length]}.`,
      ][kind];
      lines.push(`${marker} ${this.sentences.phrase()}`);
    }
    return lines.join(style.eol);
  }

  /** Greedy word wrap at the style's width, the way OCR returns a printed page. */
  private wrap(text: string): string {
    const { width, eol } = this.style;
    if (text.length <= width) return text;
    const out: string[] = [];
    let start = 0;
    while (text.length - start > width) {
      let cut = text.lastIndexOf(" ", start + width);
      if (cut <= start) cut = text.indexOf(" ", start + width);
      if (cut < 0) break;
      out.push(text.slice(start, cut));
      start = cut + 1;
    }
    out.push(text.slice(start));
    return out.join(eol);
  }
}
