import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { tempDir } from "../support/temp-dir";

const DIST = path.resolve(__dirname, "../..");

/** Every command-line tool of the project, as its npm script runs it, with an option it has. */
const TOOLS: { script: string; entry: string; option: string }[] = [
  { script: "npm start", entry: "src/main.js", option: "" },
  { script: "npm run schema", entry: "src/emit-schema.js", option: "" },
  { script: "npm run seed", entry: "seed/load.js", option: "--csv PATH" },
  { script: "npm run corpus", entry: "seed/generate.js", option: "--emails N" },
  { script: "npm run bench", entry: "bench/run.js", option: "--reps N" },
  { script: "npm run bench:kernels", entry: "bench/kernels/run.js", option: "--rounds N" },
  { script: "npm run load", entry: "bench/load/run.js", option: "--duration S" },
  { script: "npm run worker", entry: "src/worker-main.js", option: "" },
  { script: "npm run bench:distributed", entry: "bench/distributed/run.js", option: "--reps N" },
];

function run(entry: string, args: string[], cwd: string) {
  // DATABASE_URL in a temp dir: a tool that ignored --help would leave its traces there.
  const r = spawnSync(process.execPath, [path.join(DIST, entry), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${path.join(cwd, "never.db")}`, PORT: "0" },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

for (const tool of TOOLS) {
  test(`${tool.script} -- --help prints its options and an example, and does nothing else`, (t) => {
    const dir = tempDir(t);
    const r = run(tool.entry, ["--help"], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, "");
    assert.match(r.stdout, new RegExp(`^usage: ${tool.script} `));
    assert.match(r.stdout, /\noptions:\n/);
    assert.match(r.stdout, /\n {2}-h, --help {2}/);
    assert.ok(r.stdout.includes(tool.option), `${tool.option} is listed`);
    assert.match(r.stdout, /\nexamples?:\n {2}\S/);
    assert.equal(run(tool.entry, ["-h"], dir).stdout, r.stdout);
    assert.deepEqual(
      spawnSync("ls", ["-A", dir], { encoding: "utf8" }).stdout,
      "",
      "--help created no file",
    );
  });

  test(`${tool.script} -- --bogus is one line naming the option, exit 2`, (t) => {
    const r = run(tool.entry, ["--bogus"], tempDir(t));
    assert.equal(r.status, 2);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^error: unknown (option |argument ")--bogus"? \(see .+ --help\)\n$/);
  });
}
