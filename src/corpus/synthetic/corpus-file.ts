import { createWriteStream } from "node:fs";
import { open, rename, unlink } from "node:fs/promises";
import { once } from "node:events";
import { basename, dirname, join } from "node:path";
import { finished } from "node:stream/promises";
import { writeCorpus, type CorpusOptions, type CorpusSummary } from "./corpus.generator";

/** The name the file has while it is being written; it only becomes `path` when complete. */
export function temporaryPathFor(path: string, pid: number = process.pid): string {
  return join(dirname(path), `.${basename(path)}.${pid}.tmp`);
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
  const temporary = temporaryPathFor(path);
  // "wx": refuse to reuse a leftover temp file that another run might still be writing.
  const stream = createWriteStream(temporary, { flags: "wx" });
  try {
    await once(stream, "open").catch((error: NodeJS.ErrnoException) => {
      throw Object.assign(
        new Error(`cannot create ${temporary} to write ${path}: ${error.message}`),
        {
          code: error.code,
        },
      );
    });
    const summary = await writeCorpus(stream, opts);
    stream.end();
    await finished(stream);
    // rename is atomic only for what reached the disk; without fsync a power cut could
    // leave a complete-looking name over an empty file. fsync acts on the file, so a
    // second descriptor will do (FileHandle.close() hangs on a handle lent to a stream).
    await syncPath(temporary, "r+");
    await rename(temporary, path);
    await syncPath(dirname(path), "r").catch(() => undefined);
    return summary;
  } catch (error) {
    stream.destroy();
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
      await unlink(temporary).catch(() => undefined);
    }
    throw error;
  }
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
