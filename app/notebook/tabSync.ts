// Two tabs editing one notebook: a per-cell three-way merge of saved edits, so a save never silently wipes another tab's.
import type { CellState, KeptEdit, UntrustedMark } from './cellState';
import { restoreCells, schemaVersion, type SavedEdits } from './storage';

/*
 * The rule. Each tab remembers `base`: what storage held when it last read or wrote it. Before it
 * writes, and whenever another tab writes (the `storage` event), it compares, cell by cell, `base`,
 * `mine` (what it holds now) and `theirs` (what storage holds now):
 * - theirs = base: only this tab changed the cell (or nobody did): mine is written;
 * - mine = base: only another tab changed it: this tab takes theirs, and says so;
 * - mine = theirs: both made the same change;
 * - otherwise a conflict: storage keeps theirs, this tab keeps mine on screen and asks which to
 *   keep. Until it is answered the cell stays a conflict (its base is not moved), so no later save
 *   of another cell overwrites either version.
 * A cell's "saved part" is its edit, its kept-aside edit and its untrusted code, compared as one.
 */

/** The saved part of cell `id`, as a string two tabs' versions can be compared by. */
function partOf(saved: SavedEdits, id: string): string {
  return JSON.stringify([saved.edits[id] ?? null, saved.aside[id] ?? null, saved.untrusted?.[id] ?? null]);
}

function idsOf(...all: SavedEdits[]): string[] {
  const ids = new Set<string>();
  for (const saved of all) for (const map of [saved.edits, saved.aside, saved.untrusted ?? {}]) for (const id of Object.keys(map)) ids.add(id);
  return [...ids].sort();
}

/** `target` with the saved parts of cells `ids` taken from `source` (removed where `source` has none). */
export function pickCells(target: SavedEdits, source: SavedEdits, ids: Iterable<string>): SavedEdits {
  const out: SavedEdits = { version: schemaVersion, edits: { ...target.edits }, aside: { ...target.aside } };
  const untrusted = { ...target.untrusted };
  for (const id of ids) {
    for (const [to, from] of [[out.edits, source.edits], [out.aside, source.aside], [untrusted, source.untrusted ?? {}]] as const) {
      if (from[id] === undefined) delete to[id];
      else to[id] = from[id];
    }
  }
  if (Object.keys(untrusted).length > 0) out.untrusted = untrusted;
  return out;
}

export interface MergeResult {
  /** What storage should hold: mine, theirs where only they changed a cell, theirs too for conflicts. */
  merged: SavedEdits;
  /** What this tab remembers as seen: `merged`, but conflicting cells keep their old base. */
  base: SavedEdits;
  /** Cells only another tab changed: this tab shows theirs now. */
  theirs: string[];
  /** Cells changed here and in another tab, differently. */
  conflicts: string[];
}

/** The three-way merge of the rule above. */
export function mergeEdits(base: SavedEdits, mine: SavedEdits, theirs: SavedEdits): MergeResult {
  const taken: string[] = [];
  const conflicts: string[] = [];
  for (const id of idsOf(base, mine, theirs)) {
    const [b, m, t] = [partOf(base, id), partOf(mine, id), partOf(theirs, id)];
    if (t === b || m === t) continue;
    if (m === b) taken.push(id);
    else conflicts.push(id);
  }
  const merged = pickCells(mine, theirs, [...taken, ...conflicts]);
  return { merged, base: pickCells(merged, base, conflicts), theirs: taken, conflicts };
}

/** What a cell shows for its saved part in `saved`: its source, kept-aside edit and untrusted mark. */
export interface SavedPart {
  id: string;
  source: string;
  aside: KeptEdit | null;
  untrusted: UntrustedMark | null;
}

/**
 * The saved parts of cells `ids` as `restoreCells` reads them (an edit of another lesson version is
 * kept aside, untrusted code stays untrusted). Ids that are not cells here are left out.
 */
export function savedParts(cells: readonly CellState[], saved: SavedEdits, ids: readonly string[]): SavedPart[] {
  const wanted = cells.filter((c) => ids.includes(c.id));
  const lesson = wanted.map((c) => ({ id: c.id, type: c.type, group: c.group, source: c.original, ...(c.pair ? { pair: c.pair } : {}) }));
  return restoreCells(lesson, saved).cells.map((c) => ({ id: c.id, source: c.source, aside: c.aside, untrusted: c.untrusted }));
}

/** The sentence naming cells: `cell 04-a`, `cells 04-a and 06-b`, `cells 04-a, 06-b and 08-c`. */
export function cellList(ids: readonly string[]): string {
  if (ids.length === 1) return `cell ${ids[0]}`;
  return `cells ${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}
