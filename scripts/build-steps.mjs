// The two ways a build step of scripts/build.mjs stays cheap when there is nothing to do.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Where a step's stamp lives: with the other tools' caches, so `npm ci` starts afresh. */
export const STAMP_DIR = path.join("node_modules", ".cache", "capstats-build");

function filesUnder(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [file];
  return fs
    .readdirSync(file)
    .sort()
    .flatMap((name) => filesUnder(path.join(file, name)));
}

/** SHA-256 over every input file's relative path and content (directories are walked). */
export function inputsHash(root, inputs) {
  const hash = createHash("sha256");
  for (const input of inputs) {
    for (const file of filesUnder(path.join(root, input))) {
      hash
        .update(path.relative(root, file))
        .update("\0")
        .update(fs.readFileSync(file))
        .update("\0");
    }
  }
  return hash.digest("hex");
}

/**
 * Content, not timestamps: a git checkout or a copied tree touches every mtime. A step is
 * fresh when all its outputs exist and its inputs hash as they did when it last succeeded.
 */
export function stampCheck(root, step) {
  const stampFile = path.join(root, STAMP_DIR, `${step.name}.sha256`);
  const hash = inputsHash(root, step.inputs);
  const recorded = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8").trim() : null;
  const outputsExist = step.outputs.every((o) => fs.existsSync(path.join(root, o)));
  return {
    fresh: outputsExist && recorded === hash,
    record() {
      fs.mkdirSync(path.dirname(stampFile), { recursive: true });
      fs.writeFileSync(stampFile, `${hash}\n`);
    },
  };
}

/**
 * Deletes compiled files under `outDir`/<root> whose TypeScript source is gone (tsc never
 * removes the output of a moved or deleted file), then the folders left empty. Returns the
 * deleted paths.
 */
export function pruneOrphans(root, outDir, roots) {
  const deleted = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(file);
        if (fs.readdirSync(file).length === 0) fs.rmdirSync(file);
        continue;
      }
      const compiled = /\.js(\.map)?$/.exec(entry.name);
      if (!compiled) continue;
      const rel = path.relative(outDir, file).slice(0, -compiled[0].length);
      if (!fs.existsSync(path.join(root, `${rel}.ts`))) {
        fs.unlinkSync(file);
        deleted.push(file);
      }
    }
  };
  for (const r of roots) {
    if (fs.existsSync(path.join(outDir, r))) walk(path.join(outDir, r));
  }
  return deleted;
}
