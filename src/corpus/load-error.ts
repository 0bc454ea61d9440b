/**
 * A load that cannot proceed. The message always names the file, and the physical
 * line (1-based, counting every newline in the file, including those inside quoted
 * fields) whenever the problem has one.
 */
export class CsvLoadError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(line === null ? `${file}: ${problem}` : `${file}:${line}: ${problem}`);
    this.name = "CsvLoadError";
  }
}
