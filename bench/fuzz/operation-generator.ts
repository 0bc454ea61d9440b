import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { Prng } from "../../src/corpus/synthetic/prng";

/** One fuzzed request: an operation text, maybe with variables, and whether it was meant to be valid. */
export interface FuzzRequest {
  query: string;
  variables?: Record<string, unknown>;
  /** How it was made, for the report: "valid", "invalid-arg", "unknown-field", "syntax", ... */
  kind: string;
}

/** Values at and around every documented limit, and the classic troublemakers. */
const INTS = [
  0,
  1,
  -1,
  2,
  7,
  20,
  100,
  999,
  1000,
  1001,
  100_000,
  1_000_000,
  1_000_001,
  2 ** 31 - 1,
  -(2 ** 31),
];
const STRINGS = [
  "",
  "a",
  "%",
  "_",
  "\\",
  "'",
  '"',
  "Sullivan",
  "ß",
  "ΣΣ",
  "\u0000",
  "😀",
  "x".repeat(200),
  "x".repeat(201),
];
const IDS = ["1", "2", "0", "-1", "abc", "999999999999999", "1e3", ""];
const FLOATS = [0, -1, 1.5, 1e300, -1e300];
const DATES = [
  "2012-09-12T04:00:00Z",
  "1970-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "not a date",
  "",
];

/**
 * In-range values at the documented boundaries, by argument name, for the operations meant to
 * be valid: these must reach the resolvers, where the bugs hide (1,000 ids once failed there).
 */
const VALID_INTS: Record<string, readonly number[]> = {
  first: [1, 20, 1000],
  n: [1, 1000],
  buckets: [1, 1000],
  workers: [1, 2],
  chunkSize: [1, 100, 1_000_000],
  repetitions: [1, 2],
};
const LIST_SIZES = [1, 998, 1000, 100_000];

/**
 * Random GraphQL operations over every root field and argument of `schema`: two thirds
 * meant to be valid, with values at the documented boundaries (so they reach the resolvers),
 * the rest with values past them or invalid on purpose (wrong literal types, unknown enum
 * values and fields, broken syntax, huge lists). Deterministic for a seed.
 */
export class OperationGenerator {
  private readonly rng: Prng;
  /** Whether the operation being made is meant to be valid. */
  private valid = true;

  constructor(
    private readonly schema: GraphQLSchema,
    seed: number,
  ) {
    this.rng = new Prng(seed);
  }

  next(): FuzzRequest {
    const r = this.rng.next();
    if (r < 0.04) return { kind: "syntax", query: this.broken() };
    this.valid = this.rng.chance(0.67);
    const mutation = this.rng.chance(0.25);
    const root = (mutation ? this.schema.getMutationType() : this.schema.getQueryType())!;
    const fields = Object.values(root.getFields());
    const count = this.rng.chance(0.8) ? 1 : 1 + this.rng.int(3);
    const parts: string[] = [];
    let kind = "valid";
    for (let i = 0; i < count; i++) {
      const field = this.rng.pick(fields);
      const made = this.field(field, 0);
      if (made.kind !== "valid") kind = made.kind;
      parts.push(`f${i}: ${made.text}`);
    }
    if (!this.valid && this.rng.chance(0.1)) {
      parts.push("nope { id }");
      kind = "unknown-field";
    }
    if (!this.valid && this.rng.chance(0.1)) kind = "subscription-over-http";
    if (!this.valid && kind === "valid") kind = "boundary";
    const keyword =
      kind === "subscription-over-http" ? "subscription" : mutation ? "mutation" : "query";
    const query =
      keyword === "subscription"
        ? `subscription { analysisProgress(id: "${this.rng.pick(IDS)}") { id status } }`
        : `${keyword} { ${parts.join(" ")} }`;
    return { kind, query };
  }

  private field(
    field: GraphQLField<unknown, unknown>,
    depth: number,
  ): { text: string; kind: string } {
    let kind = "valid";
    const args = field.args
      .filter((a) => isNonNullType(a.type) || this.rng.chance(0.6))
      .map((a) => {
        const v = this.argument(a);
        if (v.invalid) kind = "invalid-arg";
        return `${a.name}: ${v.text}`;
      });
    const named = getNamedType(field.type);
    let selection = "";
    if (isObjectType(named)) selection = ` { ${this.selection(named, depth + 1)} }`;
    else if (!isScalarType(named) && !isEnumType(named)) selection = " { __typename }";
    return { text: `${field.name}${args.length ? `(${args.join(", ")})` : ""}${selection}`, kind };
  }

  private selection(type: GraphQLObjectType, depth: number): string {
    const fields = Object.values(type.getFields());
    const scalars = fields.filter((f) => !isObjectType(getNamedType(f.type)));
    const objects = fields.filter((f) => isObjectType(getNamedType(f.type)));
    const picked = new Set<GraphQLField<unknown, unknown>>();
    const n = 1 + this.rng.int(4);
    for (let i = 0; i < n && scalars.length > 0; i++) picked.add(this.rng.pick(scalars));
    if (depth < 4 && objects.length > 0 && this.rng.chance(0.7)) picked.add(this.rng.pick(objects));
    if (picked.size === 0) return "__typename";
    return [...picked].map((f) => this.field(f, depth).text).join(" ");
  }

  private argument(arg: GraphQLArgument): { text: string; invalid: boolean } {
    if (!this.valid && this.rng.chance(0.1)) return { text: this.wrongLiteral(), invalid: true };
    return { text: this.value(arg.type, arg.name), invalid: false };
  }

  /** A literal of `type`, usually valid in type (boundary values may still be out of range). */
  private value(type: GraphQLInputType, name: string): string {
    if (isNonNullType(type)) return this.value(type.ofType, name);
    if (isListType(type)) {
      if (/ids$|Ids$/.test(name) && this.rng.chance(0.3)) {
        const n = this.valid ? this.rng.pick(LIST_SIZES) : this.rng.pick([1001, 100_001]);
        return `[${Array.from({ length: n }, (_, i) => i + 1).join(",")}]`;
      }
      const n = this.rng.int(4);
      return `[${Array.from({ length: n }, () => this.value(type.ofType, name)).join(", ")}]`;
    }
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields()).filter(
        (f) => isNonNullType(f.type) || this.rng.chance(0.4),
      );
      return `{ ${fields.map((f) => `${f.name}: ${this.value(f.type, f.name)}`).join(", ")} }`;
    }
    if (isEnumType(type)) {
      if (!this.valid && this.rng.chance(0.1)) return "NOT_A_VALUE";
      return this.rng.pick(type.getValues()).name;
    }
    switch (type.name) {
      case "Int":
      case "SafeInt":
        if (this.valid) return String(this.rng.pick(VALID_INTS[name] ?? [1, 2, 7]));
        return String(this.rng.chance(0.8) ? this.rng.pick(INTS) : this.rng.int(5000));
      case "Float":
        return String(this.rng.pick(FLOATS));
      case "Boolean":
        return String(this.rng.chance(0.5));
      case "ID":
        return JSON.stringify(this.valid ? this.rng.pick(["1", "2"]) : this.rng.pick(IDS));
      case "DateTimeISO":
        return JSON.stringify(this.rng.pick(this.valid ? DATES.slice(0, 3) : DATES));
      default:
        return JSON.stringify(this.rng.pick(this.valid ? STRINGS.slice(0, -1) : STRINGS));
    }
  }

  private wrongLiteral(): string {
    return this.rng.pick([
      "null",
      '"x"',
      "1.5",
      "[1, 2]",
      "{ a: 1 }",
      "true",
      "99999999999999999999",
      "-0",
    ]);
  }

  private broken(): string {
    return this.rng.pick([
      "{",
      "{ emails(first: ) { totalCount } }",
      "query { emails { edges { node { id } }",
      "}}}{{{",
      "mutation { startAnalysis(input: {",
      `{ ${"a { ".repeat(300)}`,
      "\u0000\u0001",
    ]);
  }
}
