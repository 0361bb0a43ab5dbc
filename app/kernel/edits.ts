// Text edits by source range: applying them, and mapping a position in the edited text back to the original.

/** Replace js[start, end) by text (start === end: insert). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Keeps the line breaks of removed text, so every line stays where the student wrote it. */
export function keepNewlines(removed: string): string {
  return removed.replace(/[^\n]/g, '');
}

/** Applies non-overlapping edits; at one position insertions go first, in the order they were made. */
export function applyEdits(js: string, edits: readonly Edit[]): string {
  const ordered = edits.map((e, i) => ({ e, i })).sort((x, y) => x.e.start - y.e.start || (x.e.end - x.e.start) - (y.e.end - y.e.start) || x.i - y.i);
  let out = '';
  let at = 0;
  for (const { e } of ordered) {
    if (e.start < at) throw new Error(`overlapping edits at ${e.start} ("${e.text}")`);
    out += js.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + js.slice(at);
}

/** Where a position of the edited text was in the original (inside inserted text: the edit's start). */
export function originalOffset(edits: readonly Edit[], editedOffset: number): number {
  const ordered = [...edits].sort((x, y) => x.start - y.start || (x.end - x.start) - (y.end - y.start));
  let delta = 0;
  for (const e of ordered) {
    const editedStart = e.start + delta;
    if (editedOffset < editedStart) break;
    if (editedOffset < editedStart + e.text.length) return e.start;
    delta += e.text.length - (e.end - e.start);
  }
  return editedOffset - delta;
}
