import fs from "node:fs";
import path from "node:path";

/**
 * The repository's root: the nearest folder above `from` whose package.json is
 * Capstats'. Compiled files live at different depths (dist/bench/, a private build's
 * bench/), so a fixed number of "../" would be wrong in one of them.
 */
export function repoRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
        name?: string;
      };
      if (pkg.name === "capstats") return dir;
    } catch {
      // no package.json here: keep climbing
    }
    if (path.dirname(dir) === dir) throw new Error(`no capstats package.json above ${from}`);
  }
}
