import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { parseCliArgs } from "../../seed/generate";
import { SHAPE_ORACLE } from "../corpus/synthetic/csv-oracles";
import { pythonJson } from "../support/python";

const CLI = resolve(__dirname, "../../seed/generate.js");

function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
}

test("corpus CLI", async (t) => {
  let dir: string;
  t.before(async () => {
    dir = await mkdtemp(join(tmpdir(), "corpus-cli-"));
  });
  t.after(() => rm(dir, { recursive: true, force: true }));

  await t.test("--emails 10 writes a 10-row file that Python parses", () => {
    const path = join(dir, "ten.csv");
    const run = cli("--out", path, "--emails", "10", "--seed", "42");
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^wrote 10 emails, /);
    assert.equal(run.stdout.trim().split("\n").length, 1, "one-line summary");
    const shape = pythonJson<{ rows: number; widths: number[]; ids: string[] }>(SHAPE_ORACLE, {
      args: [path],
    });
    assert.equal(shape.rows, 10);
    assert.deepEqual(shape.widths, [22]);
    assert.deepEqual(shape.ids, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
  });

  await t.test("accepts --flag=value and the smallest count, 1", () => {
    const path = join(dir, "one.csv");
    const run = cli(`--out=${path}`, "--emails=1");
    assert.equal(run.status, 0, run.stderr);
    assert.equal(pythonJson<{ rows: number }>(SHAPE_ORACLE, { args: [path] }).rows, 1);
  });

  for (const bad of ["0", "-5", "1000001", "abc", "1.5", "1e3", "", " 7", "0x10"]) {
    await t.test(`rejects --emails ${JSON.stringify(bad)} naming the flag and range`, () => {
      const path = join(dir, `bad-${bad.trim() || "empty"}.csv`);
      const run = cli("--out", path, "--emails", bad);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /--emails must be a whole number from 1 to 1000000/);
      assert.equal(existsSync(path), false);
    });
  }

  await t.test("parses the largest count and defaults the rest", () => {
    assert.deepEqual(parseCliArgs(["--out", "x.csv", "--emails", "1000000"]), {
      out: "x.csv",
      emails: 1_000_000,
      seed: 20150522,
    });
    assert.deepEqual(parseCliArgs(["--out=x.csv"]), { out: "x.csv", emails: 7945, seed: 20150522 });
    assert.equal(parseCliArgs(["--help"]), "help");
  });

  await t.test("rejects a bad --seed, an unknown flag, a missing value and a missing --out", () => {
    const path = join(dir, "x.csv");
    assert.match(
      cli("--out", path, "--seed", "4294967296").stderr,
      /--seed must be .* 0 to 4294967295/,
    );
    assert.match(cli("--out", path, "--rows", "5").stderr, /unknown argument "--rows"/);
    assert.match(cli("--out", path, "--emails").stderr, /--emails needs a value/);
    assert.match(cli("--emails", "5").stderr, /--out PATH is required/);
    assert.equal(existsSync(path), false);
  });

  await t.test("fails clearly when the output directory does not exist", () => {
    const run = cli("--out", join(dir, "missing", "x.csv"), "--emails", "3");
    assert.equal(run.status, 1);
    assert.match(run.stderr, /missing/);
  });

  await t.test("replaces an existing file only when the new one is complete", async () => {
    const path = join(dir, "replace.csv");
    await writeFile(path, "old contents\n");
    const run = cli("--out", path, "--emails", "5");
    assert.equal(run.status, 0, run.stderr);
    assert.equal(pythonJson<{ rows: number }>(SHAPE_ORACLE, { args: [path] }).rows, 5);
  });

  await t.test("leaves the previous file untouched when killed mid-write", async () => {
    const path = join(dir, "killed.csv");
    await writeFile(path, "old contents\n");
    const child = spawn(process.execPath, [CLI, "--out", path, "--emails", "1000000"]);
    const exited = new Promise((done) => child.once("exit", done));
    // Wait until data is streaming into the temporary file, then pull the plug.
    for (;;) {
      const temp = (await readdir(dir)).find((name) => name.startsWith(".killed.csv."));
      if (temp && (await stat(join(dir, temp))).size > 0) break;
      await new Promise((pause) => setTimeout(pause, 10));
    }
    child.kill("SIGKILL");
    await exited;
    assert.equal(await readFile(path, "utf8"), "old contents\n");
  });
});
