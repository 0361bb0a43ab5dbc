// Two tabs editing one notebook: a per-cell three-way merge of saved edits, so a save never silently wipes another tab's.
import type { CellState, KeptEdit, UntrustedMark } from './cellState';
import { shownIds } from './savedStructure';
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
 * The notebook's structure (its list of cells: order, added, deleted, retyped) is one more part,
 * merged by the same rule as a whole. Two more conflicts, so that no text goes silently: a tab's
 * structure dropping a cell whose text the other tab changed. And a cell this tab does not show
 * (added by another tab, or dropped) has a saved part this tab leaves as it found it.
 */

/** The saved part of cell `id`, as a string two tabs' versions can be compared by. */
function partOf(saved: SavedEdits, id: string): string {
  return JSON.stringify([saved.edits[id] ?? null, saved.aside[id] ?? null, saved.untrusted?.[id] ?? null]);
}

const noPart = partOf({ version: schemaVersion, edits: {}, aside: {} }, '');
const structureOf = (saved: SavedEdits): string => JSON.stringify(saved.structure ?? null);

function idsOf(...all: SavedEdits[]): string[] {
  const ids = new Set<string>();
  for (const saved of all) for (const map of [saved.edits, saved.aside, saved.untrusted ?? {}]) for (const id of Object.keys(map)) ids.add(id);
  return [...ids].sort();
}

/** `target` with the saved parts of cells `ids` (and the structure, if `structure`) taken from `source` (removed where `source` has none). */
export function pickCells(target: SavedEdits, source: SavedEdits, ids: Iterable<string>, structure = false): SavedEdits {
  const out: SavedEdits = { version: schemaVersion, edits: { ...target.edits }, aside: { ...target.aside } };
  const untrusted = { ...target.untrusted };
  for (const id of ids) {
    for (const [to, from] of [[out.edits, source.edits], [out.aside, source.aside], [untrusted, source.untrusted ?? {}]] as const) {
      if (from[id] === undefined) delete to[id];
      else to[id] = from[id];
    }
  }
  if (Object.keys(untrusted).length > 0) out.untrusted = untrusted;
  const shape = structure ? source.structure : target.structure;
  if (shape) out.structure = shape;
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
  /** The structure: only another tab changed it (this tab shows theirs now), or both did (or one dropped a cell the other changed). */
  structure: 'theirs' | 'conflict' | null;
}

/** Ids `from` shows that `to` does not. */
function dropped(from: SavedEdits, to: SavedEdits, lessonIds: readonly string[]): string[] {
  const kept = new Set(shownIds(to.structure, lessonIds));
  return shownIds(from.structure, lessonIds).filter((id) => !kept.has(id));
}

/** How the structure merges, by the rule above; `changedHere`/`changedThere`: cells whose saved part each side changed. */
function mergeStructure(base: SavedEdits, mine: SavedEdits, theirs: SavedEdits, lessonIds: readonly string[], changedHere: Set<string>, changedThere: Set<string>): MergeResult['structure'] | 'mine' {
  const [b, m, t] = [structureOf(base), structureOf(mine), structureOf(theirs)];
  if (m === t) return null;
  if (t === b) return dropped(base, mine, lessonIds).some((id) => changedThere.has(id)) ? 'conflict' : 'mine';
  if (m === b) return dropped(base, theirs, lessonIds).some((id) => changedHere.has(id)) ? 'conflict' : 'theirs';
  return 'conflict';
}

/** The three-way merge of the rule above. `lessonIds`: the lesson's cells, what a record without a structure shows. */
export function mergeEdits(base: SavedEdits, ownMine: SavedEdits, theirs: SavedEdits, lessonIds: readonly string[]): MergeResult {
  const shown = new Set([...shownIds(base.structure, lessonIds), ...shownIds(ownMine.structure, lessonIds)]);
  const notMine = idsOf(base, theirs).filter((id) => !shown.has(id) && partOf(ownMine, id) === noPart);
  const mine = pickCells(ownMine, base, notMine);
  const taken: string[] = [];
  const conflicts: string[] = [];
  const [changedHere, changedThere] = [new Set<string>(), new Set<string>()];
  for (const id of idsOf(base, mine, theirs)) {
    const [b, m, t] = [partOf(base, id), partOf(mine, id), partOf(theirs, id)];
    if (m !== b) changedHere.add(id);
    if (t !== b) changedThere.add(id);
    if (t === b || m === t) continue;
    if (m === b) taken.push(id);
    else conflicts.push(id);
  }
  const merge = mergeStructure(base, mine, theirs, lessonIds, changedHere, changedThere);
  const structure = merge === 'mine' ? null : merge;
  const merged = pickCells(mine, theirs, [...taken, ...conflicts], structure !== null);
  return { merged, base: pickCells(merged, base, conflicts, structure === 'conflict'), theirs: taken, conflicts, structure };
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
  // These cells as they are here, in this order: the saved structure has no say in which ones.
  const { structure: _shape, ...parts } = saved;
  return restoreCells(lesson, parts).cells.map((c) => ({ id: c.id, source: c.source, aside: c.aside, untrusted: c.untrusted }));
}

/** The sentence naming cells: `cell 04-a`, `cells 04-a and 06-b`, `cells 04-a, 06-b and 08-c`. */
export function cellList(ids: readonly string[]): string {
  if (ids.length === 1) return `cell ${ids[0]}`;
  return `cells ${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

export const structureWords = 'the list of cells (added, deleted or moved ones)';

/**
 * The subject naming what changed: lesson cells by id, new cells by count (their ids are random
 * and say nothing to a reader), the list of cells; `plural` for its verb.
 */
export function changesList(ids: readonly string[], structure: boolean, isNew: (id: string) => boolean = () => false): { text: string; plural: boolean } {
  const named = ids.filter((id) => !isNew(id));
  const fresh = ids.length - named.length;
  const parts = [
    ...(named.length > 0 ? [cellList(named)] : []),
    ...(fresh > 0 ? [fresh === 1 ? 'a new cell' : `${fresh} new cells`] : []),
    ...(structure ? [structureWords] : []),
  ];
  const text = parts.length > 2 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts.join(' and ');
  return { text, plural: named.length > 1 || fresh > 1 || parts.length > 1 };
}
