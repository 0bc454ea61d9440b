import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { openSqlite } from "../../src/db/sqlite";
import { applyMigrations } from "../../src/db/migrate";
import { tempDir } from "../support/temp-dir";

const ROOT = path.resolve(__dirname, "../../..");

function sh(cwd: string, command: string, args: string[]) {
  const r = spawnSync(command, args, { cwd, encoding: "utf8" });
  assert.equal(r.status, 0, `${command} ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

/** A git repository holding the project's Prisma files and the tool, sharing node_modules. */
function scratchProject(dir: string): void {
  fs.mkdirSync(path.join(dir, "scripts"));
  fs.copyFileSync(
    path.join(ROOT, "scripts", "new-migration.mjs"),
    path.join(dir, "scripts", "new-migration.mjs"),
  );
  fs.cpSync(path.join(ROOT, "prisma"), path.join(dir, "prisma"), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "prisma.config.ts"), path.join(dir, "prisma.config.ts"));
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  sh(dir, "git", ["init", "-q"]);
  sh(dir, "git", ["add", "scripts", "prisma", "prisma.config.ts"]);
  sh(dir, "git", ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base"]);
}

function newMigration(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(dir, "scripts", "new-migration.mjs"), ...args], {
    cwd: dir,
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("npm run db:migration writes the SQL of a schema change, and the migrations then build it", (t) => {
  const dir = tempDir(t);
  scratchProject(dir);
  const before = fs.readdirSync(path.join(dir, "prisma", "migrations")).sort();
  const committed = before.filter((n) => /^\d{14}_/.test(n)).length;

  const unchanged = newMigration(dir, "nothing_yet");
  assert.equal(unchanged.status, 0, unchanged.stderr);
  assert.match(
    unchanged.stdout,
    new RegExp(`matches the ${committed} migrations: nothing to write`),
  );

  fs.appendFileSync(
    path.join(dir, "prisma", "schema.prisma"),
    '\nmodel Note {\n  id   Int    @id\n  text String\n\n  @@map("Note")\n}\n',
  );
  const made = newMigration(dir, "add_note");
  assert.equal(made.status, 0, made.stderr);
  const written = /^wrote (prisma\/migrations\/(\d{14})_add_note\/migration\.sql)\n$/.exec(
    made.stdout,
  );
  assert.ok(written, made.stdout);
  const after = fs.readdirSync(path.join(dir, "prisma", "migrations")).sort();
  assert.deepEqual(after, [...before, `${written[2]}_add_note`].sort());
  const folders = after.filter((n) => /^\d{14}_/.test(n));
  assert.equal(folders.at(-1), `${written[2]}_add_note`, "the new migration sorts last");
  assert.match(fs.readFileSync(path.join(dir, written[1]), "utf8"), /CREATE TABLE "Note"/);

  // The in-process runner, applying every migration, builds the new table.
  const db = openSqlite(path.join(dir, "check.db"));
  t.after(() => db.close());
  applyMigrations(db, path.join(dir, "prisma", "migrations"));
  const columns = db
    .prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info('Note')`)
    .all();
  assert.deepEqual(columns, [
    { name: "id", type: "INTEGER", notnull: 1, pk: 1 },
    { name: "text", type: "TEXT", notnull: 1, pk: 0 },
  ]);

  const again = newMigration(dir, "add_note_again");
  assert.match(
    again.stdout,
    new RegExp(`matches the ${committed + 1} migrations: nothing to write`),
  );
});

test("a bad name is a one-line usage error and writes nothing", () => {
  const r = newMigration(ROOT, "Add-Note");
  assert.equal(r.status, 2);
  assert.equal(
    r.stderr,
    'error: the name must be 1 to 60 of a-z, 0-9 and _, got "Add-Note" (see npm run db:migration -- --help)\n',
  );
  assert.equal(newMigration(ROOT).status, 2);
  assert.ok(!fs.readdirSync(path.join(ROOT, "prisma", "migrations")).some((n) => /Add/.test(n)));
});
