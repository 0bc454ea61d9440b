import { parseArgs } from "node:util";

/**
 * The command-line surface every tool shares: `--help` prints the options and an example,
 * and a wrong option is one line naming it, never a stack trace.
 */

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** How the value is shown in help: "PATH", "N". */
  value?: string;
  help: string;
}

export interface CommandSpec {
  /** How the user runs it: "npm run seed --". */
  command: string;
  /** Synopsis lines when `<command> [options]` says too little: "npm run seed -- --csv PATH". */
  usage?: string[];
  /** What it does, in a sentence or two. */
  summary: string;
  options: Record<string, OptionSpec>;
  examples: string[];
  /** Extra lines after the options (environment variables, where output goes). */
  notes?: string[];
}

/** A wrong command line: the message names what is wrong, and the tool exits with 2. */
export class UsageError extends Error {
  override readonly name: string = "UsageError";
}

export type OptionValues = Record<string, string | boolean | undefined>;

const HELP: OptionSpec = { type: "boolean", short: "h", help: "show this help" };

function flag(name: string, spec: OptionSpec): string {
  const short = spec.short ? `-${spec.short}, ` : "";
  return `${short}--${name}${spec.value ? ` ${spec.value}` : ""}`;
}

/** "usage: ..." and its continuation lines. */
export function usageLines(spec: CommandSpec): string[] {
  const forms = spec.usage ?? [`${spec.command} [options]`];
  return forms.map((form, i) => `${i === 0 ? "usage: " : "       "}${form}`);
}

export function helpText(spec: CommandSpec): string {
  const options = Object.entries({ ...spec.options, help: HELP });
  const width = Math.max(...options.map(([name, o]) => flag(name, o).length));
  return [
    ...usageLines(spec),
    "",
    spec.summary,
    "",
    "options:",
    ...options.map(([name, o]) => `  ${flag(name, o).padEnd(width)}  ${o.help}`),
    ...(spec.notes ? ["", ...spec.notes] : []),
    "",
    spec.examples.length > 1 ? "examples:" : "example:",
    ...spec.examples.map((e) => `  ${e}`),
  ].join("\n");
}

/** parseArgs' errors, reworded to name the option the way the user typed it. */
function reword(err: NodeJS.ErrnoException): string {
  const quoted = /'([^']+)'/.exec(err.message)?.[1];
  switch (err.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${quoted ?? err.message}`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument ${JSON.stringify(quoted ?? "")}: this command takes only options`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const option = quoted?.replace(/ <value>$/, "") ?? "an option";
      if (/does not take an argument/.test(err.message)) return `${option} takes no value`;
      if (/ambiguous/.test(err.message)) {
        return `${option} needs a value (write ${option}=VALUE if it starts with -)`;
      }
      return `${option} needs a value`;
    }
    default:
      return err.message;
  }
}

/** The option values, or "help"; a wrong command line throws UsageError. */
export function parseCommandLine(
  spec: CommandSpec,
  argv: readonly string[],
): OptionValues | "help" {
  const options = Object.fromEntries(
    Object.entries({ ...spec.options, help: HELP }).map(([name, o]) => [
      name,
      o.short ? { type: o.type, short: o.short } : { type: o.type },
    ]),
  );
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: false,
      tokens: true,
    });
  } catch (err) {
    throw new UsageError(reword(err as NodeJS.ErrnoException));
  }
  const { values, tokens } = parsed;
  if (values.help) return "help";
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} given more than once`);
    seen.add(token.name);
  }
  return values as OptionValues;
}

/** One line for a usage error, pointing at --help. */
export function usageErrorLine(spec: CommandSpec, message: string): string {
  return `error: ${message} (see ${spec.command} --help)`;
}

/**
 * For a tool's entry: returns the option values, or prints the help (exit 0) or a one-line
 * usage error (exit 2) and ends the process.
 */
export function commandLine(spec: CommandSpec, argv: readonly string[]): OptionValues {
  let parsed: OptionValues | "help";
  try {
    parsed = parseCommandLine(spec, argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(usageErrorLine(spec, err.message));
    process.exit(2);
  }
  if (parsed === "help") {
    console.log(helpText(spec));
    process.exit(0);
  }
  return parsed;
}
