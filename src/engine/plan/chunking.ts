/**
 * Chunk planning: which bytes of which emails each task counts. Email sizes are
 * heavy-tailed, so balancing by email count leaves one worker with the one huge
 * email while the others idle (the lesson's uneven translators). Balanced plans cut
 * the selected text into equal byte shares instead, splitting an email when a share
 * ends inside it; the kernel's boundary flags make the split exact.
 */

import { isContinuationByte } from "../kernels/utf8";
import type { Selection } from "./selection";

/** Segments of one task. Byte ranges are relative to the email's own text. */
export interface TaskPlan {
  /** Position in the selection of each segment's email (ascending, may repeat at the edges). */
  members: Int32Array;
  starts: Float64Array;
  ends: Float64Array;
  bytes: number;
}

/** Fixed chunks of `chunkSize` whole emails; chunkSize 1 is Pool.map one item at a time. */
export function planFixed(sel: Selection, chunkSize: number): TaskPlan[] {
  const plans: TaskPlan[] = [];
  const n = sel.emails.length;
  for (let from = 0; from < n; from += chunkSize) {
    const to = Math.min(n, from + chunkSize);
    const members = new Int32Array(to - from);
    const starts = new Float64Array(to - from);
    const ends = new Float64Array(to - from);
    let bytes = 0;
    for (let i = from; i < to; i++) {
      members[i - from] = i;
      ends[i - from] = sel.sizes[i];
      bytes += sel.sizes[i];
    }
    plans.push({ members, starts, ends, bytes });
  }
  return plans;
}

/**
 * `tasks` plans of nearly equal bytes. With `split`, a share may end inside an email
 * and `align(member, offset)` moves the cut back to a code-point start; without it,
 * whole emails are packed greedily in order (used when only workers can see the text).
 */
export function planBalanced(
  sel: Selection,
  tasks: number,
  split: ((member: number, offset: number) => number) | null,
): TaskPlan[] {
  const n = sel.emails.length;
  if (n === 0) return [];
  const count = Math.max(1, Math.min(tasks, split ? Math.max(1, sel.totalBytes) : n));
  // Each task is a contiguous run of members: record only its two ends here, and fill the
  // arrays with block copies below (per-member pushes cost milliseconds at 100k emails).
  const spans: {
    first: number;
    firstStart: number;
    last: number;
    lastEnd: number;
    bytes: number;
  }[] = [];
  let member = 0;
  let offset = 0; // bytes of sel.emails[member] already assigned
  let assigned = 0;
  for (let t = 0; t < count && member < n; t++) {
    const target = Math.round(((t + 1) * sel.totalBytes) / count);
    const last = t === count - 1;
    const span = { first: member, firstStart: offset, last: -1, lastEnd: 0, bytes: 0 };
    while (member < n && (assigned < target || last || span.last < 0)) {
      const size = sel.sizes[member];
      let end = size;
      if (!last && split && assigned + (size - offset) > target) {
        end = split(member, offset + (target - assigned));
        if (end <= offset) break; // the cut falls inside the first character: leave it whole to the next task
      } else if (
        !last &&
        !split &&
        span.last >= 0 &&
        assigned + size - target > target - assigned
      ) {
        break; // whole emails: stop where the next email would overshoot more than stopping undershoots
      }
      span.last = member;
      span.lastEnd = end;
      span.bytes += end - offset;
      assigned += end - offset;
      if (end === size) {
        member++;
        offset = 0;
      } else {
        offset = end;
        break;
      }
    }
    if (span.last >= 0) spans.push(span);
  }
  return spans.map(({ first, firstStart, last, lastEnd, bytes }) => {
    const k = last - first + 1;
    const members = new Int32Array(k);
    for (let j = 0; j < k; j++) members[j] = first + j;
    const starts = new Float64Array(k);
    starts[0] = firstStart;
    const ends = sel.sizes.slice(first, last + 1);
    ends[k - 1] = lastEnd;
    return { members, starts, ends, bytes };
  });
}

/** Moves a cut back to the nearest UTF-8 code-point start (never splits a character). */
export function alignToCodePoint(bytes: Uint8Array, base: number, offset: number): number {
  let at = offset;
  while (at > 0 && isContinuationByte(bytes, base + at)) at--;
  return at;
}

/**
 * Splits whole-email plans so none holds more than `maxBytes` (a single larger email
 * stays alone). Used when workers read their text from SQLite: a task's text is
 * materialised in the worker, so the cap is what keeps memory bounded at any corpus size.
 */
export function capTaskBytes(plans: TaskPlan[], maxBytes: number): TaskPlan[] {
  const out: TaskPlan[] = [];
  for (const plan of plans) {
    if (plan.bytes <= maxBytes) {
      out.push(plan);
      continue;
    }
    let from = 0;
    while (from < plan.members.length) {
      let to = from;
      let bytes = 0;
      while (
        to < plan.members.length &&
        (to === from || bytes + plan.ends[to] - plan.starts[to] <= maxBytes)
      ) {
        bytes += plan.ends[to] - plan.starts[to];
        to++;
      }
      out.push({
        members: plan.members.slice(from, to),
        starts: plan.starts.slice(from, to),
        ends: plan.ends.slice(from, to),
        bytes,
      });
      from = to;
    }
  }
  return out;
}
