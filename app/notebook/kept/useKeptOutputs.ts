// Keeps each code cell's last outputs in IndexedDB as its runs end, and shows them again after a reload.
import { createContext, useEffect, useState } from 'react';
import type { CellState } from '../cellState';
import { contentHash } from '../contentHash';
import type { NotebookEvent, NotebookState } from '../notebookState';
import type { Store } from '../store';
import { openKeptDb, type KeptDb } from './keptDb';
import { notKeptNote, recordChars, recordOf, restorable, storedChars, withinTotal } from './keptOutputs';
import { restoreGate, type RestoreGate } from './restoreGate';

export const keptNoticeId = 'kept-outputs';

/** A pause after a run ends before its outputs are written: Run all ends many runs in a row. */
export const keptSaveDelayMs = 300;

/** Per cell id, why its outputs were not kept (they were too large). */
export const KeptNotesContext = createContext<ReadonlyMap<string, string>>(new Map());

const isTooLarge = (r: unknown): r is { id: string; sourceHash: string; tooLarge: { chars: number; limit: number } } => {
  const t = (r as { tooLarge?: { chars?: unknown; limit?: unknown } } | null)?.tooLarge;
  return typeof t?.chars === 'number' && typeof t.limit === 'number';
};

export interface KeptOutputs {
  /** Per cell id, why its outputs were not kept. */
  notes: ReadonlyMap<string, string>;
  /** Settles once what the previous session kept is shown (or known not to come). */
  restored: RestoreGate;
}

/** Shows what the previous session kept; returns the cells' notes about outputs not kept, and when it is done. */
export function useKeptOutputs(store: Store<NotebookState, NotebookEvent>, factory?: IDBFactory): KeptOutputs {
  const [notes, setNotes] = useState<ReadonlyMap<string, string>>(() => new Map());
  // Made with the notebook, before any effect: a presentation opened by a link asks it in its first effect.
  const [restored] = useState(restoreGate);
  useEffect(() => {
    let stopped = false;
    let db: KeptDb | null = null;
    let failed = false;
    // Sizes of what storage holds, by cell id: the total bound counts them.
    const sizes = new Map<string, number>();
    const pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const setNote = (id: string, note: string | null): void =>
      setNotes((now) => {
        if ((now.get(id) ?? null) === note) return now;
        const next = new Map(now);
        if (note === null) next.delete(id);
        else next.set(id, note);
        return next;
      });
    // Storage disabled or full: one notice, and the page goes on as if nothing were kept.
    const fail = (error: unknown): void => {
      if (failed || stopped) return;
      failed = true;
      const why = error instanceof Error ? error.message : String(error);
      const text = `Outputs cannot be kept for your next visit (${why}): they stay on screen while this page is open.`;
      store.dispatch({ type: 'notice', notice: { id: keptNoticeId, tone: 'warning', text } });
    };

    /** Shows what fits the cells; returns the ids of records no cell has any more (deleted cells). */
    const restore = (records: unknown[]): string[] => {
      const cells = new Map(store.getState().cells.map((c) => [c.id, c]));
      const orphans: string[] = [];
      for (const record of records) {
        const id = (record as { id?: unknown } | null)?.id;
        if (typeof id !== 'string') continue;
        const cell = cells.get(id);
        if (!cell) {
          orphans.push(id);
          continue;
        }
        sizes.set(id, storedChars(record));
        const outputs = restorable(record, cell);
        if (outputs) store.dispatch({ type: 'cell', id, event: { type: 'restoreOutputs', outputs } });
        else if (isTooLarge(record) && record.sourceHash === contentHash(cell.source)) setNote(id, notKeptNote(record.tooLarge));
      }
      return orphans;
    };

    const ready = openKeptDb(factory)
      .then(async (opened) => {
        db = opened;
        const records = await opened.readAll();
        if (stopped) return;
        // Outputs of cells deleted since would hold room in the total for ever.
        const orphans = restore(records);
        restored.settle();
        if (orphans.length > 0) await opened.remove(orphans);
      })
      .catch(fail)
      // Not from a run StrictMode stopped: the run after it restores.
      .finally(() => {
        if (!stopped) restored.settle();
      });

    const flush = async (): Promise<void> => {
      await ready;
      const ids = [...pending];
      pending.clear();
      for (const id of ids) {
        const cell = store.getState().cells.find((c) => c.id === id);
        const record = cell ? recordOf(cell) : null;
        if (!record || !db || failed) continue;
        const bounded = withinTotal(record, sizes);
        sizes.set(id, recordChars(bounded));
        setNote(id, 'tooLarge' in bounded ? notKeptNote(bounded.tooLarge) : null);
        await db.put(bounded).catch(fail);
      }
    };

    let seen: readonly CellState[] = store.getState().cells;
    const unsubscribe = store.subscribe(() => {
      const cells = store.getState().cells;
      if (cells === seen) return;
      const before = new Map(seen.map((c) => [c.id, c]));
      seen = cells;
      for (const cell of cells) {
        const was = before.get(cell.id);
        if (!was || was === cell) continue;
        if (was.status === 'running' && cell.status !== 'running') pending.add(cell.id);
        if (was.status !== 'running' && cell.status === 'running') setNote(cell.id, null);
      }
      if (pending.size === 0 || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        void flush();
      }, keptSaveDelayMs);
    });
    // Leaving the page right after a run: write at once (the write starts before the page goes).
    const flushNow = (): void => {
      clearTimeout(timer);
      timer = undefined;
      if (pending.size > 0) void flush();
    };
    window.addEventListener('pagehide', flushNow);
    return () => {
      stopped = true;
      unsubscribe();
      window.removeEventListener('pagehide', flushNow);
      flushNow();
    };
  }, [store, factory, restored]);
  return { notes, restored };
}
