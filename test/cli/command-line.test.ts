import assert from "node:assert/strict";
import { test } from "node:test";
import {
  helpText,
  parseCommandLine,
  UsageError,
  type CommandSpec,
} from "../../src/cli/command-line";

const SPEC: CommandSpec = {
  command: "npm run demo --",
  summary: "Does a demo.",
  options: {
    csv: { type: "string", value: "PATH", help: "the input" },
    quick: { type: "boolean", help: "fewer rounds" },
  },
  examples: ["npm run demo -- --csv x.csv"],
};

function usageError(argv: string[]): string {
  try {
    parseCommandLine(SPEC, argv);
  } catch (err) {
    assert.ok(err instanceof UsageError, String(err));
    return err.message;
  }
  assert.fail(`${argv.join(" ")} was accepted`);
}

test("values come back by option name; --help and -h win over everything else", () => {
  assert.deepEqual(
    { ...(parseCommandLine(SPEC, ["--csv", "a.csv", "--quick"]) as object) },
    {
      csv: "a.csv",
      quick: true,
    },
  );
  assert.deepEqual({ ...(parseCommandLine(SPEC, ["--csv=b.csv"]) as object) }, { csv: "b.csv" });
  assert.equal(parseCommandLine(SPEC, ["--help"]), "help");
  assert.equal(parseCommandLine(SPEC, ["--quick", "-h"]), "help");
});

test("a wrong command line is one line naming the option or argument", () => {
  assert.equal(usageError(["--bogus"]), "unknown option --bogus");
  assert.equal(usageError(["-x"]), "unknown option -x");
  assert.equal(usageError(["--csv"]), "--csv needs a value");
  assert.equal(
    usageError(["--csv", "--quick"]),
    "--csv needs a value (write --csv=VALUE if it starts with -)",
  );
  assert.equal(usageError(["--quick=yes"]), "--quick takes no value");
  assert.equal(
    usageError(["a.csv"]),
    'unexpected argument "a.csv": this command takes only options',
  );
  assert.equal(usageError(["--csv", "a", "--csv", "b"]), "--csv given more than once");
  for (const argv of [["--bogus"], ["--csv"], ["a.csv"]]) {
    assert.doesNotMatch(usageError(argv), /\n/);
  }
});

test("the help lists every option with its value, the summary and the example", () => {
  assert.equal(
    helpText(SPEC),
    [
      "usage: npm run demo -- [options]",
      "",
      "Does a demo.",
      "",
      "options:",
      "  --csv PATH  the input",
      "  --quick     fewer rounds",
      "  -h, --help  show this help",
      "",
      "example:",
      "  npm run demo -- --csv x.csv",
    ].join("\n"),
  );
});
