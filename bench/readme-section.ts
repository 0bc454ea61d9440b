import fs from "node:fs";

export const README_START = "<!-- bench:start (written by npm run bench -- --update-readme) -->";
export const README_END = "<!-- bench:end -->";

/** Replaces only the text between the two markers; everything else stays byte for byte. */
export function replaceReadmeBlock(readme: string, block: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < 0 || end < start) {
    throw new Error(
      `README has no Performance block: expected the lines "${README_START}" and "${README_END}", in that order`,
    );
  }
  return `${readme.slice(0, start + README_START.length)}\n${block}\n${readme.slice(end)}`;
}

export function updateReadme(file: string, block: string): void {
  fs.writeFileSync(file, replaceReadmeBlock(fs.readFileSync(file, "utf8"), block));
}
