// Saves edits as the student types (debounced), at once when the page is hidden or left, merged with other tabs' saves.
import { useEffect, useRef, useState } from 'react';
import type { CellState } from './cellState';
import type { NotebookEvent, NotebookState } from './notebookState';
import { editsKey, emptyEdits, parseEdits, restoreCells, snapshotNotebook, writeEdits, type KeyValueStore, type SavedEdits } from './storage';
import type { Store } from './store';
import { pendingJson, pendingNoticeId, writePendingImport } from './share/pendingImport';
import { changesList, mergeEdits, pickCells, savedParts } from './tabSync';
import type { SourceCell } from './types';

export const autosaveDelayMs = 300;
export const otherTabNoticeId = 'other-tab';
export const otherTabConflictNoticeId = 'other-tab-conflict';

/** True when the list of cells, or a cell's type, source, kept-aside edit or trust changed (outputs and statuses do not need saving). */
export function editsChanged(before: readonly CellState[], after: readonly CellState[]): boolean {
  if (before === after) return false;
  if (before.length !== after.length) return true;
  return after.some((c, i) => {
    const b = before[i];
    return c.id !== b.id || c.type !== b.type || c.source !== b.source || c.aside !== b.aside || c.untrusted !== b.untrusted;
  });
}

/**
 * What storage holds now: nothing saved is no edits; data that cannot be read (written by something
 * else meanwhile) is null, and the caller keeps what it knew.
 */
export function readSaved(kv: KeyValueStore): SavedEdits | null {
  try {
    const raw = kv.getItem(editsKey);
    return raw === null ? emptyEdits() : parseEdits(raw).saved;
  } catch {
    return null;
  }
}

/** The answers to "edited in another tab too": take the other tab's versions of the conflicting cells, or keep this tab's. */
export interface TabConflicts {
  loadTheirs(): void;
  keepMine(): void;
}

/** One notebook's saving, apart from timers and page events (so two "tabs" can be tested against one store). */
export interface Autosave extends TabConflicts {
  /** Merges with what storage holds (tabSync.ts), shows other tabs' edits and conflicts, writes the result; false when the write failed. */
  sync(): boolean;
  /** True when `cells` hold a change of this tab's worth saving (not another tab's edits that `sync` showed); remembers them. */
  noteChange(cells: readonly CellState[]): boolean;
  /**
   * True when the notebook as restored differs from what storage holds: the lesson changed since the
   * save (a cell moved aside, one back). Worth a save soon, so the next load finds it as shown and
   * does not say the same thing again.
   */
  restoredDiffers(): boolean;
}

/** `saved` as JSON with every map's keys sorted (lists keep their order), so that equal records compare equal. */
function canonical(saved: SavedEdits): string {
  const sorted = (_: string, value: unknown): unknown =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value;
  return JSON.stringify(saved, sorted);
}

export function createAutosave(store: Store<NotebookState, NotebookEvent>, kv: KeyValueStore, lesson: readonly SourceCell[]): Autosave {
  const dispatch = (event: NotebookEvent): void => store.dispatch(event);
  const lessonIds = lesson.map((c) => c.id);
  let seen: readonly CellState[] = store.getState().cells;
  // What this tab last saw in storage (see tabSync.ts).
  let base = readSaved(kv) ?? emptyEdits();
  let conflicts: string[] = [];
  let structureConflict = false;
  let showing = false;
  // What this tab last saved of an import waiting for Trust (pendingImport.ts): written when it changes here, so
  // a tab that has none never removes another tab's.
  let pendingSaved = pendingJson(store.getState());

  /** Saves the import waiting for Trust, if it changed; a failure is said once (the next change tries again). */
  const savePending = (): void => {
    const json = pendingJson(store.getState());
    if (json === pendingSaved) return;
    pendingSaved = json;
    const written = writePendingImport(kv, json);
    if (!written.ok) dispatch({ type: 'notice', notice: written.notice });
    else if (store.getState().notices.some((n) => n.id === pendingNoticeId)) dispatch({ type: 'dismissNotice', id: pendingNoticeId });
  };

  /** Shows `saved`'s structure (if `structure`), then its versions of cells `ids`, here (not a change of this tab's: nothing to save for it). */
  const show = (saved: SavedEdits, ids: string[], structure: boolean): void => {
    showing = true;
    try {
      if (structure) dispatch({ type: 'adoptCells', cells: restoreCells(lesson, saved).cells });
      for (const { id, ...part } of savedParts(store.getState().cells, saved, ids)) dispatch({ type: 'cell', id, event: { type: 'loadSaved', ...part } });
    } finally {
      showing = false;
    }
    seen = store.getState().cells;
  };

  /** A cell made in a notebook, not the lesson's: notices count these instead of naming their random ids. */
  const isNew = (id: string): boolean => {
    const cell = store.getState().cells.find((c) => c.id === id);
    return cell ? cell.origin === 'new' : !lessonIds.includes(id);
  };

  const sync = (): boolean => {
    // First the file's waiting cells, then the student's record without them: a reload between the two finds both.
    savePending();
    const { cells, orphans, notices, structureBefore } = store.getState();
    const mine = snapshotNotebook(cells, orphans, lesson, structureBefore);
    const theirs = readSaved(kv) ?? base;
    const result = mergeEdits(base, mine, theirs, lessonIds);
    if (result.theirs.length > 0 || result.structure === 'theirs') {
      show(theirs, result.theirs, result.structure === 'theirs');
      const changed = changesList(result.theirs, result.structure === 'theirs', isNew);
      const text = `This notebook was edited in another tab: ${changed.text} now ${changed.plural ? 'show' : 'shows'} the edits made there.`;
      dispatch({ type: 'notice', notice: { id: otherTabNoticeId, tone: 'info', text } });
    }
    conflicts = result.conflicts;
    structureConflict = result.structure === 'conflict';
    if (conflicts.length > 0 || structureConflict) {
      const differ = changesList(conflicts, structureConflict, isNew);
      const text = `This notebook was edited in another tab too: ${differ.text} differ${differ.plural ? '' : 's'} there and here. Until you choose, the other tab's version is the one saved.`;
      const actions = [
        { label: 'Load their edits', command: 'loadOtherTabEdits' as const },
        { label: 'Keep mine', command: 'keepMyEdits' as const },
      ];
      dispatch({ type: 'notice', notice: { id: otherTabConflictNoticeId, tone: 'warning', text, actions } });
    } else if (notices.some((n) => n.id === otherTabConflictNoticeId)) {
      dispatch({ type: 'dismissNotice', id: otherTabConflictNoticeId });
    }
    if (JSON.stringify(result.merged) === JSON.stringify(theirs)) {
      base = result.base;
      return true;
    }
    const written = writeEdits(kv, result.merged);
    if (written.ok) {
      base = result.base;
      if (notices.some((n) => n.id === 'storage')) dispatch({ type: 'dismissNotice', id: 'storage' });
    } else {
      // Storage still holds theirs: remember that, conflicting cells keeping their old base.
      base = pickCells(theirs, base, conflicts, structureConflict);
      dispatch({ type: 'notice', notice: written.notice });
    }
    return written.ok;
  };

  /** Ends the conflicts: their cells now count as seen, so the next save writes this tab's version. */
  const settle = (loadTheirs: boolean): void => {
    const theirs = readSaved(kv) ?? base;
    if (loadTheirs) show(theirs, conflicts, structureConflict);
    base = pickCells(base, theirs, conflicts, structureConflict);
    conflicts = [];
    structureConflict = false;
    dispatch({ type: 'dismissNotice', id: otherTabConflictNoticeId });
    void sync();
  };

  return {
    sync,
    noteChange(cells) {
      if (showing || !editsChanged(seen, cells)) return false;
      seen = cells;
      return true;
    },
    loadTheirs: () => settle(true),
    keepMine: () => settle(false),
    restoredDiffers() {
      const { cells, orphans, structureBefore } = store.getState();
      return canonical(snapshotNotebook(cells, orphans, lesson, structureBefore)) !== canonical(base);
    },
  };
}

/** What Ctrl/Cmd+S found: saved now, the write failed, or this page cannot save at all. */
export type SaveNowOutcome = 'saved' | 'failed' | 'unavailable';

export interface AutosaveHandle extends TabConflicts {
  /** Saves at once (no waiting for the pause in typing). */
  saveNow(): SaveNowOutcome;
}

/**
 * Autosave in the page: a save after a pause in typing, at once when the page is hidden or left,
 * and whenever another tab saved (the `storage` event). Returns the answers to a conflict notice.
 */
export function useAutosave(store: Store<NotebookState, NotebookEvent>, kv: KeyValueStore | null, writable: boolean, lesson: readonly SourceCell[]): AutosaveHandle {
  // The effect below sets the answers; the object handed out stays the same across renders.
  const answers = useRef<AutosaveHandle>({ loadTheirs: () => undefined, keepMine: () => undefined, saveNow: () => 'unavailable' });
  const [handle] = useState<AutosaveHandle>(() => ({
    loadTheirs: () => answers.current.loadTheirs(),
    keepMine: () => answers.current.keepMine(),
    saveNow: () => answers.current.saveNow(),
  }));

  useEffect(() => {
    if (!kv || !writable) return;
    const autosave = createAutosave(store, kv, lesson);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sync = (): boolean => {
      clearTimeout(timer);
      timer = undefined;
      return autosave.sync();
    };
    answers.current = { ...autosave, saveNow: () => (sync() ? 'saved' : 'failed') };
    if (autosave.restoredDiffers()) timer = setTimeout(sync, autosaveDelayMs);
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') void sync();
    };
    // Another tab (or window) of this site saved: merge at once. clear() gives a null key.
    const onStorage = (event: StorageEvent): void => {
      if (event.key === editsKey || event.key === null) void sync();
    };
    const unsubscribe = store.subscribe(() => {
      if (!autosave.noteChange(store.getState().cells)) return;
      clearTimeout(timer);
      timer = setTimeout(sync, autosaveDelayMs);
    });
    window.addEventListener('pagehide', sync);
    window.addEventListener('storage', onStorage);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', sync);
      window.removeEventListener('storage', onStorage);
      document.removeEventListener('visibilitychange', onVisibility);
      if (timer !== undefined) void sync();
      answers.current = { loadTheirs: () => undefined, keepMine: () => undefined, saveNow: () => 'unavailable' };
    };
  }, [store, kv, writable, lesson]);

  return handle;
}
