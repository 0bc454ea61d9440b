#!/usr/bin/env node
// First step of `npm test`: the programs the tests need besides Node, each looked up on PATH
// (so a test can hide one). A missing one stops the run at once with one line saying what to
// install, instead of a failure deep inside a test minutes later.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** What the test suite needs; a new one (redis-server, say) is one more entry. */
const REQUIREMENTS = [
  {
    command: "python3",
    package: "python3",
    why: "the tests' independent oracle",
    // The oracles use zoneinfo (Python 3.9).
    problem: (file) => {
      const r = spawnSync(file, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], {
        encoding: "utf8",
      });
      if (r.status !== 0) return "does not run";
      const [major, minor] = r.stdout.trim().split(".").map(Number);
      return major > 3 || (major === 3 && minor >= 9)
        ? null
        : `is ${r.stdout.trim()}, not 3.9 or later`;
    },
  },
  { command: "chromium", package: "chromium", why: "the Playground browser tests" },
  {
    command: "redis-server",
    package: "redis-server",
    why: "the DISTRIBUTED tests, which start private ones",
  },
];

function findOnPath(command, envPath = process.env.PATH ?? "") {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, command);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return null;
}

const problems = [];
for (const req of REQUIREMENTS) {
  const file = findOnPath(req.command);
  const problem = file ? (req.problem?.(file) ?? null) : "is not installed";
  if (problem) problems.push({ ...req, problem });
}
if (problems.length > 0) {
  const what = problems.map((p) => `${p.command} ${p.problem} (${p.why})`).join("; ");
  const install = [...new Set(problems.map((p) => p.package))].join(" ");
  console.error(`npm test cannot run: ${what}. Install: apt-get install ${install}`);
  process.exitCode = 1;
}
