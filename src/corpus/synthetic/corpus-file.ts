import { createWriteStream, type WriteStream } from "node:fs";
import { open, rename, unlink } from "node:fs/promises";
import { once } from "node:events";
import { basename, dirname, join } from "node:path";
import { finished } from "node:stream/promises";
import { companionPath } from "../companion-files";
import { writeCorpus, type CorpusOptions, type CorpusSummary } from "./corpus.generator";
import { aliasesCsv, personsCsv } from "./release-files";

/** The name the file has while it is being written; it only becomes `path` when complete. */
export function temporaryPathFor(path: string, pid: number = process.pid): string {
  return join(dirname(path), `.${basename(path)}.${pid}.tmp`);
}

/** A file written under its temporary name, renamed over `path` only once flushed to disk. */
class AtomicFile {
  readonly temporary: string;
  readonly stream: WriteStream;

  constructor(readonly path: string) {
    this.temporary = temporaryPathFor(path);
    // "wx": refuse to reuse a leftover temp file that another run might still be writing.
    this.stream = createWriteStream(this.temporary, { flags: "wx" });
  }

  async opened(): Promise<void> {
    await once(this.stream, "open").catch((error: NodeJS.ErrnoException) => {
      throw Object.assign(
        new Error(`cannot create ${this.temporary} to write ${this.path}: ${error.message}`),
        { code: error.code },
      );
    });
  }

  async commit(): Promise<void> {
    this.stream.end();
    await finished(this.stream);
    // rename is atomic only for what reached the disk; without fsync a power cut could
    // leave a complete-looking name over an empty file. fsync acts on the file, so a
    // second descriptor will do (FileHandle.close() hangs on a handle lent to a stream).
    await syncPath(this.temporary, "r+");
    await rename(this.temporary, this.path);
    await syncPath(dirname(this.path), "r").catch(() => undefined);
  }

  async abort(error: unknown): Promise<void> {
    this.stream.destroy();
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
      await unlink(this.temporary).catch(() => undefined);
    }
  }
}

/** Writes all `files` atomically, each into a temp file renamed over its path when complete. */
async function writeAll<T>(
  paths: string[],
  write: (files: AtomicFile[]) => Promise<T>,
): Promise<T> {
  const files: AtomicFile[] = [];
  try {
    for (const path of paths) {
      const file = new AtomicFile(path);
      files.push(file);
      await file.opened();
    }
    const result = await write(files);
    for (const file of files) await file.commit();
    return result;
  } catch (error) {
    await Promise.all(files.map((f) => f.abort(error)));
    throw error;
  }
}

/**
 * Writes the corpus to `path` atomically: into a temporary file in the same directory,
 * flushed to disk, then renamed over `path`. A crash or error leaves any earlier file at
 * `path` untouched and never a partial one.
 */
export async function writeCorpusFile(
  path: string,
  opts: CorpusOptions = {},
): Promise<CorpusSummary> {
  return writeAll([path], ([emails]) => writeCorpus(emails.stream, opts));
}

/**
 * The whole synthetic release: Emails.csv at `path` and, beside it under the names the loader
 * looks for (src/corpus/companion-files.ts), Persons.csv, Aliases.csv and EmailReceivers.csv,
 * consistent with each other. Each file is written atomically.
 */
export async function writeReleaseFiles(
  path: string,
  opts: CorpusOptions = {},
): Promise<CorpusSummary> {
  const companion = (stem: string): string => companionPath(path, stem);
  return writeAll(
    [path, companion("EmailReceivers"), companion("Persons"), companion("Aliases")],
    async ([emails, receivers, persons, aliases]) => {
      persons.stream.write(personsCsv());
      aliases.stream.write(aliasesCsv());
      return writeCorpus(emails.stream, { ...opts, receivers: receivers.stream });
    },
  );
}

/** Some file systems refuse to fsync a directory, so callers may treat that as best effort. */
async function syncPath(target: string, flags: string): Promise<void> {
  const handle = await open(target, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
