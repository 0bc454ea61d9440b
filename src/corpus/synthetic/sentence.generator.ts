import type { Prng } from "./prng";
import * as V from "./vocabulary";

/** Which kinds of non-ASCII text an email may contain. */
export interface ScriptMix {
  /** Accented Latin, Greek and Cyrillic names; non-ASCII lowercase words and digits. */
  foreign: boolean;
  /** Capitals outside the BMP (𝐀, 𐐀). */
  astral: boolean;
  /** Other_Uppercase capitals: Ⓐ bullets, Ⅻ numerals. */
  enclosed: boolean;
}

const MONTH_NAMES = V.CALENDAR_WORDS.slice(7);
const SENTENCE_ENDS = [".", ".", ".", ".", ".", ".", ".", ".", "?", "!"];

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Produces English-like sentences with the capitalisation a counter must get right:
 * sentence starts, proper nouns, acronyms, the pronoun I, the odd shouted sentence.
 */
export class SentenceGenerator {
  constructor(
    private readonly rng: Prng,
    private readonly mix: ScriptMix,
  ) {}

  sentence(): string {
    const rng = this.rng;
    const count = 3 + rng.int(8) + rng.int(8) + rng.int(8);
    const words: string[] = [];
    for (let i = 0; i < count; i++) {
      let word = this.word();
      if (i < count - 1) {
        const p = rng.next();
        if (p < 0.06) word += ",";
        else if (p < 0.065) word += ";";
        else if (p < 0.068) word += " -";
      }
      words.push(word);
    }
    words[0] = capitalise(words[0]);
    let text = words.join(" ") + rng.pick(SENTENCE_ENDS);
    const style = rng.next();
    if (style < 0.04) text = `"${text}"`;
    else if (style < 0.048) text = text.toUpperCase();
    return text;
  }

  /** A short line for a bulleted list. */
  phrase(): string {
    const words: string[] = [];
    const count = 2 + this.rng.int(7);
    for (let i = 0; i < count; i++) words.push(this.word());
    words[0] = capitalise(words[0]);
    return words.join(" ");
  }

  word(): string {
    const rng = this.rng;
    const r = rng.next();
    if (r < 0.42) return rng.pick(V.FUNCTION_WORDS);
    if (r < 0.78) return rng.pick(V.CONTENT_WORDS);
    if (r < 0.84) return this.properNoun();
    if (r < 0.87) return this.person();
    if (r < 0.9) return rng.pick(V.ACRONYMS);
    if (r < 0.925) return this.number();
    if (r < 0.94) return rng.pick(V.CALENDAR_WORDS);
    if (r < 0.946) return `"${rng.pick(V.CONTENT_WORDS)}"`;
    if (r < 0.965) return `${rng.pick(V.CONTENT_WORDS)}-${rng.pick(V.CONTENT_WORDS)}`;
    // Scripts an email does not use fall back to a plain word, keeping the rates fixed.
    if (r < 0.975) return this.mix.foreign ? rng.pick(V.FOREIGN_LOWER) : rng.pick(V.CONTENT_WORDS);
    if (r < 0.98) return this.mix.foreign ? rng.pick(V.FOREIGN_NUMBERS) : rng.pick(V.CONTENT_WORDS);
    if (r < 0.985) return this.mix.astral ? rng.pick(V.ASTRAL_WORDS) : rng.pick(V.CONTENT_WORDS);
    if (r < 0.99 && this.mix.enclosed) return `Chapter ${rng.pick(V.ROMAN_NUMERALS)}`;
    if (r > 0.998) return rng.pick(V.NON_ASCII_PUNCTUATION);
    return rng.pick(V.CONTENT_WORDS);
  }

  properNoun(): string {
    if (this.mix.foreign && this.rng.chance(0.3)) return this.rng.pick(V.FOREIGN_PROPER);
    return this.rng.pick(V.PLACES);
  }

  person(): string {
    const rng = this.rng;
    const surname = rng.pick(V.SURNAMES);
    const r = rng.next();
    if (r < 0.4) return `${rng.pick(V.TITLES)} ${surname}`;
    if (r < 0.7) return `${rng.pick(V.GIVEN_NAMES)} ${surname}`;
    return surname;
  }

  number(): string {
    const rng = this.rng;
    switch (rng.int(8)) {
      case 0:
        return `${rng.range(1, 99)}`;
      case 1:
        return `${rng.range(1, 99)},${String(rng.int(1000)).padStart(3, "0")}`;
      case 2:
        return `$${rng.range(1, 9)}.${rng.int(10)} ${rng.pick(["million", "billion"])}`;
      case 3:
        return `${rng.range(1, 99)}%`;
      case 4:
        return `${rng.range(2001, 2012)}`;
      case 5:
        return `${rng.range(1, 12)}:${rng.pick(["00", "15", "30", "45"])} ${rng.pick(["am", "pm"])}`;
      case 6:
        return `202-${rng.range(200, 999)}-${String(rng.int(10000)).padStart(4, "0")}`;
      default:
        return `${rng.pick(MONTH_NAMES)} ${rng.range(1, 28)}`;
    }
  }
}
