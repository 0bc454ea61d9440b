import { toClientError } from "../engine/engine-errors";

/**
 * Engine failures become the client errors the API documents; anything else comes back
 * unchanged (a bug, which formatError masks). Only src/pipeline calls this.
 *
 * Until the engine throws errors of its own (issue 9, item 1), the pool executor maps its
 * failures itself, labelled with its strategy, and they pass through here untouched; what
 * still arrives unmapped (a CORPUS_CHANGED from a main-thread task) gets mapped here.
 */
export function engineErrorToClient(err: unknown): unknown {
  return toClientError(err, "engine");
}
