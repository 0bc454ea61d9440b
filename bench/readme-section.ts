import fs from "node:fs";

export const README_START = "<!-- bench:start (written by npm run bench -- --update-readme) -->";
export const README_END = "<!-- bench:end -->";

export interface ReadmeMarkers {
  start: string;
  end: string;
}

const PERFORMANCE: ReadmeMarkers = { start: README_START, end: README_END };

/** Replaces only the text between the two markers; everything else stays byte for byte. */
export function replaceReadmeBlock(
  readme: string,
  block: string,
  markers: ReadmeMarkers = PERFORMANCE,
): string {
  const start = readme.indexOf(markers.start);
  const end = readme.indexOf(markers.end);
  if (start < 0 || end < 0 || end < start) {
    throw new Error(
      `README has no such block: expected the lines "${markers.start}" and "${markers.end}", in that order`,
    );
  }
  return `${readme.slice(0, start + markers.start.length)}\n${block}\n${readme.slice(end)}`;
}

export function updateReadme(
  file: string,
  block: string,
  markers: ReadmeMarkers = PERFORMANCE,
): void {
  fs.writeFileSync(file, replaceReadmeBlock(fs.readFileSync(file, "utf8"), block, markers));
}
