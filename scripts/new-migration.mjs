#!/usr/bin/env node
// `npm run db:migration -- NAME`: writes prisma/migrations/<timestamp>_NAME/migration.sql, the
// SQL that takes a database from what the committed migrations build to what
// prisma/schema.prisma describes. Offline, Prisma's JS schema engine cannot diff against a
// database (`--from-url`, shadow databases), so the SQL is `prisma migrate diff` between two
// datamodels: schema.prisma as of REV (git) and the working copy. Both ends are checked by
// applying SQL to scratch SQLite files and comparing their sqlite_master.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const Database = require("better-sqlite3");
const MIGRATIONS = path.join(ROOT, "prisma", "migrations");
const SCHEMA = path.join("prisma", "schema.prisma");

const HELP = `usage: npm run db:migration -- NAME [--from REV]

Writes prisma/migrations/<UTC timestamp>_NAME/migration.sql for the change made to
prisma/schema.prisma since REV. Apply it with npm start (migrations run in-process) or
prisma migrate deploy. Nothing is written when the schema already matches the migrations.

options:
  --from REV  the git revision whose schema.prisma the migrations reach (default HEAD)
  -h, --help  show this help

example:
  npm run db:migration -- add_email_language`;

class UsageError extends Error {}
class MigrationError extends Error {}

function fail(message) {
  throw new MigrationError(message);
}

/** The CLI opens the adapter's database even for a diff of two files: `scratch` holds one. */
function prisma(scratch, args) {
  const r = spawnSync(process.execPath, [require.resolve("prisma/build/index.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      ...process.env,
      PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true",
      PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      DATABASE_URL: `file:${path.join(scratch, "adapter.db")}`,
    },
  });
  if (r.status !== 0) fail(`prisma ${args.join(" ")} failed:\n${r.stderr}`);
  return r.stdout;
}

/** The SQL that builds `schemaFile`'s datamodel from nothing. */
const fromEmpty = (scratch, schemaFile) =>
  prisma(scratch, [
    "migrate",
    "diff",
    "--from-empty",
    "--to-schema-datamodel",
    schemaFile,
    "--script",
  ]);

/** Tables and indexes a list of SQL scripts leaves behind, as comparable text. */
function shapeAfter(dir, name, scripts) {
  const db = new Database(path.join(dir, `${name}.db`));
  try {
    for (const sql of scripts) db.exec(sql);
    const rows = db
      .prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all();
    // Whitespace aside: SQLite's ALTER TABLE ADD COLUMN appends `, "col" TYPE` to the stored
    // CREATE TABLE text, the same table as Prisma's freshly laid out one.
    return JSON.stringify(rows.map((r) => ({ ...r, sql: r.sql?.replace(/\s+/g, "") ?? null })));
  } finally {
    db.close();
  }
}

function committedMigrations() {
  return fs
    .readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Prisma's folder prefix, after every existing one even if the clock says otherwise. */
function timestamp(existing) {
  const now = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const last = existing.at(-1)?.slice(0, 14) ?? "0";
  return BigInt(now) > BigInt(last) ? now : String(BigInt(last) + 1n);
}

function parse(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { from: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
    });
  } catch (err) {
    throw new UsageError(err.message.replace(/'/g, "").replace(/ <value>/, ""));
  }
  if (parsed.values.help) return "help";
  const [name, ...extra] = parsed.positionals;
  if (!name)
    throw new UsageError("name the migration, e.g. npm run db:migration -- add_email_language");
  if (extra.length > 0) throw new UsageError(`one name only, got ${parsed.positionals.join(" ")}`);
  if (!/^[a-z0-9_]{1,60}$/.test(name)) {
    throw new UsageError(`the name must be 1 to 60 of a-z, 0-9 and _, got "${name}"`);
  }
  return { name, from: parsed.values.from ?? "HEAD" };
}

function main(argv) {
  let args;
  try {
    args = parse(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`error: ${err.message} (see npm run db:migration -- --help)`);
    return 2;
  }
  if (args === "help") {
    console.log(HELP);
    return 0;
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "capstats-migration-"));
  try {
    const names = committedMigrations();
    const migrations = names.map((n) =>
      fs.readFileSync(path.join(MIGRATIONS, n, "migration.sql"), "utf8"),
    );
    const migrated = shapeAfter(scratch, "migrated", migrations);
    const wanted = shapeAfter(scratch, "wanted", [fromEmpty(scratch, SCHEMA)]);
    if (migrated === wanted) {
      console.log(`prisma/schema.prisma matches the ${names.length} migrations: nothing to write`);
      return 0;
    }
    const git = spawnSync("git", ["show", `${args.from}:${SCHEMA}`], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (git.status !== 0) fail(`cannot read ${SCHEMA} at ${args.from}: ${git.stderr.trim()}`);
    const before = path.join(scratch, "before.prisma");
    fs.writeFileSync(before, git.stdout);
    if (shapeAfter(scratch, "before", [fromEmpty(scratch, before)]) !== migrated) {
      fail(
        `${SCHEMA} at ${args.from} is not what the migrations build; name the revision that is with --from REV`,
      );
    }
    const sql = prisma(scratch, [
      "migrate",
      "diff",
      "--from-schema-datamodel",
      before,
      "--to-schema-datamodel",
      SCHEMA,
      "--script",
    ]);
    if (shapeAfter(scratch, "after", [...migrations, sql]) !== wanted) {
      fail("the generated SQL does not reach prisma/schema.prisma; write this migration by hand");
    }
    const folder = path.join(MIGRATIONS, `${timestamp(names)}_${args.name}`);
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "migration.sql"), sql);
    console.log(`wrote ${path.relative(ROOT, path.join(folder, "migration.sql"))}`);
    return 0;
  } catch (err) {
    if (!(err instanceof MigrationError)) throw err;
    console.error(`error: ${err.message}`);
    return 1;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = main(process.argv.slice(2));
