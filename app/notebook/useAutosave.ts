// Saves edits as the student types (debounced), at once when the page is hidden or left, merged with other tabs' saves.
import { useEffect, useRef, useState } from 'react';
import type { CellState } from './cellState';
import type { NotebookEvent, NotebookState } from './notebookState';
import { editsKey, emptyEdits, problemWith, snapshotEdits, writeEdits, type KeyValueStore, type SavedEdits } from './storage';
import type { Store } from './store';
import { cellList, mergeEdits, pickCells, savedParts } from './tabSync';

export const autosaveDelayMs = 300;
export const otherTabNoticeId = 'other-tab';
export const otherTabConflictNoticeId = 'other-tab-conflict';

/** True when a cell's source, kept-aside edit or trust changed (outputs and statuses do not need saving). */
export function editsChanged(before: readonly CellState[], after: readonly CellState[]): boolean {
  if (before === after) return false;
  if (before.length !== after.length) return true;
  return after.some((c, i) => c.source !== before[i].source || c.aside !== before[i].aside || c.untrusted !== before[i].untrusted);
}

/**
 * What storage holds now: nothing saved is no edits; data that cannot be read (written by something
 * else meanwhile) is null, and the caller keeps what it knew.
 */
export function readSaved(kv: KeyValueStore): SavedEdits | null {
  try {
    const raw = kv.getItem(editsKey);
    if (raw === null) return emptyEdits();
    return problemWith(raw) === null ? (JSON.parse(raw) as SavedEdits) : null;
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
}

export function createAutosave(store: Store<NotebookState, NotebookEvent>, kv: KeyValueStore): Autosave {
  const dispatch = (event: NotebookEvent): void => store.dispatch(event);
  let seen: readonly CellState[] = store.getState().cells;
  // What this tab last saw in storage (see tabSync.ts).
  let base = readSaved(kv) ?? emptyEdits();
  let conflicts: string[] = [];
  let showing = false;

  /** Shows `saved`'s versions of cells `ids` here (not a change of this tab's: nothing to save for it). */
  const show = (saved: SavedEdits, ids: string[]): void => {
    showing = true;
    try {
      for (const { id, ...part } of savedParts(store.getState().cells, saved, ids)) dispatch({ type: 'cell', id, event: { type: 'loadSaved', ...part } });
    } finally {
      showing = false;
    }
    seen = store.getState().cells;
  };

  const sync = (): boolean => {
    const { cells, orphans, notices } = store.getState();
    const mine = snapshotEdits(cells, orphans);
    const theirs = readSaved(kv) ?? base;
    const result = mergeEdits(base, mine, theirs);
    if (result.theirs.length > 0) {
      show(theirs, result.theirs);
      const text = `This notebook was edited in another tab: ${cellList(result.theirs)} now ${result.theirs.length === 1 ? 'shows' : 'show'} the edits made there.`;
      dispatch({ type: 'notice', notice: { id: otherTabNoticeId, tone: 'info', text } });
    }
    conflicts = result.conflicts;
    if (conflicts.length > 0) {
      const text = `This notebook was edited in another tab too: ${cellList(conflicts)} differ${conflicts.length === 1 ? 's' : ''} there and here. Until you choose, the other tab's version is the one saved.`;
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
      base = pickCells(theirs, base, conflicts);
      dispatch({ type: 'notice', notice: written.notice });
    }
    return written.ok;
  };

  /** Ends the conflicts: their cells now count as seen, so the next save writes this tab's version. */
  const settle = (loadTheirs: boolean): void => {
    const theirs = readSaved(kv) ?? base;
    if (loadTheirs) show(theirs, conflicts);
    base = pickCells(base, theirs, conflicts);
    conflicts = [];
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
export function useAutosave(store: Store<NotebookState, NotebookEvent>, kv: KeyValueStore | null, writable: boolean): AutosaveHandle {
  // The effect below sets the answers; the object handed out stays the same across renders.
  const answers = useRef<AutosaveHandle>({ loadTheirs: () => undefined, keepMine: () => undefined, saveNow: () => 'unavailable' });
  const [handle] = useState<AutosaveHandle>(() => ({
    loadTheirs: () => answers.current.loadTheirs(),
    keepMine: () => answers.current.keepMine(),
    saveNow: () => answers.current.saveNow(),
  }));

  useEffect(() => {
    if (!kv || !writable) return;
    const autosave = createAutosave(store, kv);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sync = (): boolean => {
      clearTimeout(timer);
      timer = undefined;
      return autosave.sync();
    };
    answers.current = { ...autosave, saveNow: () => (sync() ? 'saved' : 'failed') };
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
  }, [store, kv, writable]);

  return handle;
}
