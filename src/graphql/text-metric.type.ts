import { registerEnumType } from "type-graphql";

/** GraphQL mirror of the kernel's metric names (src/engine/kernels/metrics.ts). */
export enum TextMetric {
  CAPITALS = "CAPITALS",
  LOWERCASE = "LOWERCASE",
  DIGITS = "DIGITS",
  WHITESPACE = "WHITESPACE",
  WORDS = "WORDS",
  LINES = "LINES",
  CHARACTERS = "CHARACTERS",
}

registerEnumType(TextMetric, {
  name: "TextMetric",
  description: "A text metric, each defined by the Python expression it equals.",
  valuesConfig: {
    CAPITALS: { description: "sum(c.isupper() for c in text)" },
    LOWERCASE: { description: "sum(c.islower() for c in text)" },
    DIGITS: { description: "sum(c.isdecimal() for c in text): decimal digits (Nd) of any script" },
    WHITESPACE: { description: "sum(c.isspace() for c in text)" },
    WORDS: { description: "len(text.split())" },
    LINES: { description: "len(text.splitlines())" },
    CHARACTERS: { description: "len(text): code points" },
  },
});
