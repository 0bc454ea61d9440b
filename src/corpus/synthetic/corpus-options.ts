/** Limits and defaults of the generator, and the checks that enforce them. */

export const DEFAULT_EMAILS = 7945;
export const MAX_EMAILS = 1_000_000;
export const DEFAULT_SEED = 20150522;
export const MAX_SEED = 0xffff_ffff;

export class CorpusOptionError extends Error {
  override readonly name = "CorpusOptionError";
}

const DECIMAL = /^\d+$/;

function checkWhole(value: number, min: number, max: number, label: string, shown: string): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new CorpusOptionError(
      `${label} must be a whole number from ${min} to ${max}, got ${shown}`,
    );
  }
  return value;
}

/** `label` is how the caller names the setting: "emails" in the API, "--emails" in the CLI. */
export function checkEmailCount(value: number, label = "emails"): number {
  return checkWhole(value, 1, MAX_EMAILS, label, String(value));
}

export function checkSeed(value: number, label = "seed"): number {
  return checkWhole(value, 0, MAX_SEED, label, String(value));
}

/** Strict: "1e3", "0x10", "12abc", " 5", "-1" and "" are errors, not numbers. */
function parseWhole(text: string, min: number, max: number, label: string): number {
  const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
  return checkWhole(value, min, max, label, JSON.stringify(text));
}

export function parseEmailCount(text: string, label = "--emails"): number {
  return parseWhole(text, 1, MAX_EMAILS, label);
}

export function parseSeed(text: string, label = "--seed"): number {
  return parseWhole(text, 0, MAX_SEED, label);
}
