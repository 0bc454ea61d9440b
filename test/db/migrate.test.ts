import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { openSqlite } from "../../src/db/sqlite";
import { applyMigrations } from "../../src/db/migrate";
import { tempDir } from "../support/temp-dir";

const ROOT = path.resolve(__dirname, "../../..");

test("migrations apply once, in WAL mode with a busy timeout", (t) => {
  const db = openSqlite(path.join(tempDir(t), "m.db"));
  t.after(() => db.close());
  const first = applyMigrations(db);
  assert.ok(first.applied.length >= 1);
  assert.deepEqual(applyMigrations(db).applied, []);
  assert.equal(db.pragma("journal_mode", { simple: true }), "wal");
  assert.equal(db.pragma("busy_timeout", { simple: true }), 5000);
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all();
  assert.ok(tables.includes("Email") && tables.includes("Corpus"), String(tables));
  const indexes = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Email'")
    .pluck()
    .all();
  assert.ok(indexes.includes("Email_MetadataDateSent_idx"), String(indexes));
});

test("Prisma's own CLI agrees the in-process runner left the database up to date, with no drift", (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, "m.db");
  const db = openSqlite(file);
  applyMigrations(db);
  db.close();
  const env = {
    ...process.env,
    DATABASE_URL: `file:${file}`,
    PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true",
    PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  const prisma = path.join(ROOT, "node_modules/.bin/prisma");
  const status = spawnSync(prisma, ["migrate", "status"], { cwd: ROOT, env, encoding: "utf8" });
  assert.equal(status.status, 0, status.stdout + status.stderr);
  assert.match(status.stdout, /Database schema is up to date!/);
  // Drift check: the SQL Prisma derives from schema.prisma, applied to an empty database,
  // must produce exactly the tables and indexes the committed migrations produce.
  const script = spawnSync(
    prisma,
    [
      "migrate",
      "diff",
      "--from-empty",
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
    ],
    { cwd: ROOT, env, encoding: "utf8" },
  );
  assert.equal(script.status, 0, script.stderr);
  const fromSchema = openSqlite(path.join(dir, "from-schema.db"));
  fromSchema.exec(script.stdout);
  const migrated = openSqlite(file);
  // Whitespace aside: SQLite's ALTER TABLE ADD COLUMN appends `, "col" TYPE` to the stored
  // CREATE TABLE text, which is the same table as Prisma's freshly laid out one.
  const shape = (d: typeof db): unknown =>
    (
      d
        .prepare(
          "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE '\\_prisma%' ESCAPE '\\' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all() as { type: string; name: string; sql: string | null }[]
    ).map((r) => ({ ...r, sql: r.sql?.replace(/\s+/g, "") ?? null }));
  assert.deepEqual(
    shape(migrated),
    shape(fromSchema),
    "prisma/schema.prisma and the migrations differ: add a migration",
  );
  fromSchema.close();
  migrated.close();
});
