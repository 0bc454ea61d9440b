import { BadUserInputError } from "../errors/client-errors";

/**
 * Every cursor kind, in one place so no two connections share one by accident. `emails` and
 * `perEmail` share EMAIL on purpose: both are keyed by email Id.
 */
export const CURSOR = {
  EMAIL: "email",
  ANALYSIS_RUN: "analysis-run",
  ANALYSIS_RESULT: "analysis-result",
  /** Positions in one ordered list of groups (stats/grouping). */
  GROUP: "group",
  PERSON: "person",
} as const;

/**
 * Opaque Relay cursors: base64url of "<kind>:<integer>". Clients must not build them,
 * and a malformed one is a BAD_USER_INPUT naming the argument, not a crash.
 */
export function encodeCursor(kind: string, value: number): string {
  return Buffer.from(`${kind}:${value}`, "utf8").toString("base64url");
}

export function decodeCursor(kind: string, cursor: string, argument = "after"): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^([a-z-]+):(-?\d{1,15})$/.exec(text);
  if (!match || match[1] !== kind || encodeCursor(kind, Number(match[2])) !== cursor) {
    throw new BadUserInputError(`${argument} is not a valid cursor for this connection`, {
      argument,
    });
  }
  return Number(match[2]);
}
