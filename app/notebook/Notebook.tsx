// The notebook page: header and toolbar, notices, the cells in rows (a/b pairs side by side), dialogs, keys.
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { layoutRows } from '../kernel/cells';
import type { KernelHost } from '../kernel/protocol';
import { Cell, type CellActions } from './Cell';
import { differsFromOriginal, newCellState } from './cellState';
import { DeferredMounts, DeferredMountsContext } from './deferredMount';
import type { EditorHandle } from './CodeEditor';
import { ConfirmDialog, ShortcutsDialog, type ConfirmRequest } from './Dialog';
import { commandForKey, needsTwoPresses, ownKeysSelector, pressTwice, type FirstPress, type KeyCommand } from './keys';
import { cellById, initialNotebookState, notebookReducer, type NotebookState } from './notebookState';
import { newCell, newCellId } from './structure/cells';
import { advanceFrom, canMove, isSelected, isStructureCommand, revertCellEvent, structureEvent, type StructureCommand } from './structure/commands';
import { changeCount, differsFromLesson, lessonDiff, revertDescription } from './structure/lessonDiff';
import { selectedRange } from './structure/structureReducer';
import { revealScroll } from './structure/reveal';
import { UndoDelete } from './structure/UndoDelete';
import { listenForPrint } from './print';
import { createRunner } from './runner';
import { richTextLoaded } from './richText';
import { restoreCells, type KeyValueStore, type LoadedEdits } from './storage';
import { createStore, useStoreState } from './store';
import { NotebookRunContext, NotebookStoreContext } from './notebookContext';
import { withPendingImport } from './share/pendingImport';
import { TrustBanner } from './share/TrustBanner';
import { KernelStatus, Toolbar } from './toolbar/Toolbar';
import { useCompactToolbar } from './toolbar/useCompactToolbar';
import { ParamsPanel } from './params/ParamsPanel';
import type { LinkNetwork } from './params/paramsHash';
import type { Notice, NoticeCommand, SourceCell } from './types';
import { useAutosave } from './useAutosave';
import { planRunAll, uncheckedRunAllNotice, type RunAllPlan } from './habits/runAllPlan';
import { SavedToast, useSaveShortcut } from './habits/useSaveShortcut';
import { CornerNotices } from './habits/CornerNotices';
import { KeptNotesContext, useKeptOutputs } from './kept/useKeptOutputs';
import { KeptRestoreContext } from './kept/restoreGate';
import './theme.css';
import './notebook.css';

export interface NotebookProps {
  lesson: SourceCell[];
  /** Null while no kernel exists: the notebook still reads, edits and saves. */
  host: KernelHost | null;
  storage: KeyValueStore | null;
  /** Saved edits, read before the first render (see `loadEdits`). */
  loaded: LoadedEdits;
  /** Present / Share / Export / Import, built elsewhere (see toolbar/README.md). */
  extraActions?: ReactNode;
  /** The network in the page's link, read once at start; `host` starts with it. None: the original network. */
  link?: LinkNetwork;
}

// Shown only when Run all has a question (code waiting for trust): loaded then.
const RunAllDialog = lazy(() => import('./habits/RunAllDialog').then((m) => ({ default: m.RunAllDialog })));
const noLink: LinkNetwork = { hash: '', network: { kind: 'none' } };

const selectCells = (s: NotebookState) => s.cells;
const selectSelected = (s: NotebookState) => s.selectedId;
const selectAnchor = (s: NotebookState) => s.anchorId;
const selectHiddenOutputs = (s: NotebookState) => s.hiddenOutputs;
const selectMode = (s: NotebookState) => s.mode;
const selectKernel = (s: NotebookState) => s.kernel;
const selectNotices = (s: NotebookState) => s.notices;

/** On the page's root while a move is laid out: the browser's scroll anchoring is off (notebook.css), the page places the moved cell itself. */
const movingClass = 'moving-cells';

/** Slides are up (present/): the notebook's structure stays as it is behind them. */
const presenting = (): boolean => document.documentElement.classList.contains('presenting');

function inEditor(el: Element | null): boolean {
  return el !== null && el.closest('.cm-editor, textarea') !== null;
}

function Notices({ notices, onDismiss, onCommand }: { notices: Notice[]; onDismiss(id: string): void; onCommand(command: NoticeCommand): void }) {
  return (
    <div className="notices" role="status">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`} data-notice={n.id}>
          <p>{n.text}</p>
          <div className="notice-actions">
            {n.actions?.map((a) => (
              <button key={a.command} type="button" className="btn btn-small" onClick={() => onCommand(a.command)}>
                {a.label}
              </button>
            ))}
            <button type="button" className="btn btn-small btn-quiet" onClick={() => onDismiss(n.id)} aria-label={`Dismiss: ${n.text}`}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}

export function Notebook({ lesson, host, storage, loaded, extraActions, link = noLink }: NotebookProps) {
  // This page's deferred mounting and scroll keeping: state of this notebook, not of the module.
  const [mounts] = useState(() => new DeferredMounts(window));
  useLayoutEffect(() => mounts.start(), [mounts]);
  useEffect(() => listenForPrint(mounts), [mounts]);
  const [store] = useState(() => {
    const restored = restoreCells(lesson, loaded.saved);
    // A notebook never opens empty (a blank one, or every cell deleted): one empty code cell to type in.
    const cells = restored.cells.length > 0 ? restored.cells : [newCell(newCellId(), 'code')];
    const state = initialNotebookState(cells, restored.orphans, [...loaded.notices, ...restored.notices]);
    // A file's cells that waited for Trust before a reload wait again, over the student's own list.
    return createStore(notebookReducer, loaded.pendingImport ? withPendingImport(state, loaded.pendingImport) : state);
  });
  const runner = useMemo(() => (host ? createRunner(host, store) : null), [host, store]);
  const cells = useStoreState(store, selectCells);
  const selectedId = useStoreState(store, selectSelected);
  const anchorId = useStoreState(store, selectAnchor);
  const hiddenOutputs = useStoreState(store, selectHiddenOutputs);
  // The lesson as first loaded: what Revert to original goes back to, cells and order.
  const lessonCells = useMemo(() => lesson.map((c) => newCellState(c)), [lesson]);
  const lessonById = useMemo(() => new Map(lessonCells.map((c) => [c.id, c])), [lessonCells]);
  const mode = useStoreState(store, selectMode);
  const kernel = useStoreState(store, selectKernel);
  const notices = useStoreState(store, selectNotices);
  const topNotices = useMemo(() => notices.filter((n) => !n.corner), [notices]);
  const cornerNotices = useMemo(() => notices.filter((n) => n.corner), [notices]);
  const dismissNotice = useCallback((id: string) => store.dispatch({ type: 'dismissNotice', id }), [store]);
  const compact = useCompactToolbar();
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [showKeys, setShowKeys] = useState(false);
  const cellEls = useRef(new Map<string, HTMLElement>());
  const editors = useRef(new Map<string, EditorHandle>());
  // A code editor asked for before CodeMirror's chunk arrived gets the focus when it mounts.
  const pendingEditorFocus = useRef<string | null>(null);
  // A cell made by a key or button gets the focus once it is on the page.
  const pendingCellFocus = useRef<string | null>(null);
  // The first cell of a block just moved: its top is scrolled into view once the move is on the page.
  const pendingReveal = useRef<{ id: string; wasTop: number | null } | null>(null);
  // The first press of a double key (D D, I I, 0 0), waiting for the second.
  const firstPress = useRef<FirstPress | null>(null);

  const tabConflicts = useAutosave(store, storage, loaded.writable, lesson);
  const saved = useSaveShortcut(tabConflicts.saveNow);
  const kept = useKeptOutputs(store);
  const [runAllAsk, setRunAllAsk] = useState<Extract<RunAllPlan, { kind: 'ask' }> | null>(null);

  // After every change of the cells (a selection that hides a phone's tools row above a pressed
  // button, a part that mounted): what is pressed or looked at stays where it was.
  useLayoutEffect(() => mounts.keeper.keepInPlace());
  useLayoutEffect(() => {
    const id = pendingCellFocus.current;
    const el = id === null ? undefined : cellEls.current.get(id);
    if (!el) return;
    pendingCellFocus.current = null;
    el.focus();
  });

  // A moved block's top bar stays in view, so its Move button can be pressed again where it is.
  useLayoutEffect(() => {
    const reveal = pendingReveal.current;
    if (reveal === null) return;
    pendingReveal.current = null;
    // The browser's own scroll anchoring, off for the move, would shift the page again at the next frame.
    requestAnimationFrame(() => requestAnimationFrame(() => document.documentElement.classList.remove(movingClass)));
    const el = cellEls.current.get(reveal.id);
    if (!el) return;
    const covered = parseFloat(getComputedStyle(el).scrollMarginTop) || 0;
    const by = revealScroll(el.getBoundingClientRect().top, reveal.wasTop, covered, window.innerHeight);
    if (by !== 0) window.scrollBy({ top: by, behavior: 'instant' });
  });

  // The markdown/KaTeX chunk: typeset outputs and edited text cells need it, the lesson's own text
  // cells come prerendered. Asked for once the page settles, or at the first run (outputs come).
  // A failure shows where the chunk is used, not here.
  const loadRichText = useCallback(() => void richTextLoaded().catch(() => undefined), []);
  useEffect(() => mounts.whenPageSettles(loadRichText), [mounts, loadRichText]);
  // While cells run, far parts of the lesson wait to mount: the run's outputs come first.
  const kernelBusy = kernel.status === 'busy';
  useEffect(() => {
    if (!kernelBusy) return undefined;
    loadRichText();
    return mounts.holdIdleMounts();
  }, [mounts, kernelBusy, loadRichText]);

  useEffect(() => {
    if (!runner) {
      store.dispatch({ type: 'kernel', kernel: { status: 'unavailable' } });
      return;
    }
    void runner.connect();
  }, [runner, store]);

  // A kernel that ends unasked: its cells end saying so, and a notice offers a restart.
  useEffect(() => (runner && host?.onDeath ? host.onDeath((why) => void runner.died(why)) : undefined), [host, runner]);

  // Errors the kernel reports outside any run (a promise rejected after its cell ended) become notices.
  useEffect(() => {
    if (!host?.onKernelMessage) return;
    let count = 0;
    return host.onKernelMessage((m) => {
      count += 1;
      const text = `${m.cellId ? `Cell ${m.cellId}: ` : ''}${m.text}`;
      store.dispatch({ type: 'notice', notice: { id: `kernel-message-${count}`, tone: m.level === 'error' ? 'error' : 'warning', text } });
    });
  }, [host, store]);

  const focusCell = useCallback((id: string) => {
    store.dispatch({ type: 'select', id, mode: 'command' });
    const el = cellEls.current.get(id);
    if (el) el.focus();
    else pendingCellFocus.current = id;
  }, [store]);

  const focusEditor = useCallback((id: string) => {
    const cell = cellById(store.getState(), id);
    if (!cell) return;
    store.dispatch({ type: 'select', id, mode: 'edit' });
    pendingCellFocus.current = null;
    if (cell.type === 'markdown') {
      // The textarea focuses itself as it mounts; an open one just takes the focus back.
      store.dispatch({ type: 'cell', id, event: { type: 'openEditor' } });
      cellEls.current.get(id)?.querySelector('textarea')?.focus();
      return;
    }
    const editor = editors.current.get(id);
    if (editor) editor.focus();
    else pendingEditorFocus.current = id;
  }, [store]);

  /** Runs a code cell, or renders a markdown cell being edited (Jupyter's "run" for text). */
  const runOrRender = useCallback((id: string) => {
    const cell = cellById(store.getState(), id);
    if (cell?.type === 'code') runner?.run([id]);
    else if (cell?.editing) store.dispatch({ type: 'cell', id, event: { type: 'closeEditor' } });
  }, [runner, store]);

  /** Split at the cursor of the cell's editor: the second half is a new cell, its editor focused. */
  const splitAtCursor = useCallback((id: string) => {
    const cell = cellById(store.getState(), id);
    if (!cell) return;
    const textarea = cellEls.current.get(id)?.querySelector('textarea');
    const offset = cell.type === 'code' ? editors.current.get(id)?.cursor() : textarea?.selectionStart;
    if (offset === undefined) return;
    const newId = newCellId();
    store.dispatch({ type: 'structure', event: { type: 'split', id, offset, newId } });
    if (!cellById(store.getState(), newId)) return;
    if (cell.type === 'markdown') store.dispatch({ type: 'cell', id, event: { type: 'closeEditor' } });
    focusEditor(newId);
  }, [store, focusEditor]);

  /** Insert, delete, move, paste...: acts on the selection, or on cell `id` alone when a button outside it was pressed. */
  const changeStructure = useCallback((id: string, command: StructureCommand) => {
    if (!isSelected(store.getState(), id)) store.dispatch({ type: 'select', id, mode: 'command' });
    if (command === 'moveUp' || command === 'moveDown') {
      // A move keeps the selection: its first cell now is its first cell after the move. Set before the move commits.
      const before = store.getState();
      const range = selectedRange(before);
      const id = range ? before.cells[range[0]].id : null;
      pendingReveal.current = id === null ? null : { id, wasTop: cellEls.current.get(id)?.getBoundingClientRect().top ?? null };
      document.documentElement.classList.add(movingClass);
    }
    const cellsBefore = store.getState().cells;
    store.dispatch({ type: 'structure', event: structureEvent(store.getState(), command, newCellId) });
    const { selectedId: to, cells: cellsAfter } = store.getState();
    // Nothing moved (the first cell up): nothing to show, and no later render should scroll for it.
    if (cellsAfter === cellsBefore && pendingReveal.current) {
      pendingReveal.current = null;
      document.documentElement.classList.remove(movingClass);
    }
    if (to) focusCell(to);
  }, [store, focusCell]);

  /** Alt+Enter: runs the cell, inserts a code cell below it and opens that one's editor. */
  const runAndInsert = useCallback((id: string) => {
    runOrRender(id);
    changeStructure(id, 'insertBelow');
    const made = store.getState().selectedId;
    if (made && made !== id) focusEditor(made);
  }, [store, runOrRender, changeStructure, focusEditor]);

  const doCommand = useCallback((id: string, command: KeyCommand) => {
    const state = store.getState();
    const at = state.cells.findIndex((c) => c.id === id);
    const fromEditor = inEditor(document.activeElement);
    if (isStructureCommand(command)) {
      changeStructure(id, command);
      return;
    }
    switch (command) {
      case 'runAndAdvance': {
        const to = advanceFrom(state.cells, id);
        // From the last cell, a new cell below to go on in (as Alt+Enter); slides never grow one.
        if (to.kind === 'insert' && !presenting()) {
          runAndInsert(id);
          return;
        }
        runOrRender(id);
        if (to.kind !== 'next') focusCell(id);
        else if (fromEditor && to.cell.type === 'code') focusEditor(to.cell.id);
        else focusCell(to.cell.id);
        return;
      }
      case 'runInPlace':
        runOrRender(id);
        if (state.cells[at]?.type === 'markdown') focusCell(id);
        return;
      case 'runAndInsert':
        runAndInsert(id);
        return;
      case 'splitCell':
        splitAtCursor(id);
        return;
      case 'interrupt':
        void runner?.interrupt();
        return;
      case 'restart':
        void runner?.restart();
        return;
      case 'leaveEditor':
        focusCell(id);
        return;
      case 'selectPrevious':
      case 'selectNext': {
        const to = state.cells[Math.min(state.cells.length - 1, Math.max(0, at + (command === 'selectNext' ? 1 : -1)))];
        if (to) focusCell(to.id);
        return;
      }
      case 'enterEditor':
        focusEditor(id);
        return;
      case 'showShortcuts':
        setShowKeys(true);
        return;
      case 'save':
        // Taken before any editor or handler here sees it, in the capture phase (habits/useSaveShortcut.tsx).
        return;
      default: {
        const never: never = command;
        throw new Error(`unknown key command ${String(never)}`);
      }
    }
  }, [store, runner, runOrRender, runAndInsert, focusCell, focusEditor, changeStructure, splitAtCursor]);

  // Command-mode keys work wherever the focus is, except inside editors, fields and dialogs.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest(ownKeysSelector)) return;
      const command = commandForKey('command', e);
      // A key held down repeats: that is never the second press of D D.
      if (e.repeat && command && needsTwoPresses(command)) return;
      // A double key (D D) acts on its second press; any other key in between starts it over.
      const press = pressTwice(firstPress.current, command, e.timeStamp);
      if (!['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) firstPress.current = press.first;
      if (!command) return;
      // Enter on a button presses it; it does not open the cell's editor.
      if (command === 'enterEditor' && target?.closest('button, a, summary, [role="region"]')) return;
      const id = store.getState().selectedId;
      if (!id) return;
      // On slides (present/), a stray key of a clicker or a presenter never reshapes the notebook behind them.
      if (isStructureCommand(command) && presenting()) return;
      e.preventDefault();
      if (press.fire) doCommand(id, command);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, doCommand]);

  const actions = useMemo<CellActions>(() => ({
    select: (id, m) => store.dispatch({ type: 'select', id, mode: m }),
    edit: (id, source) => store.dispatch({ type: 'cell', id, event: { type: 'edit', source } }),
    run: (id) => runner?.run([id]),
    keyCommand: doCommand,
    openEditor: focusEditor,
    cancel: (token) => host?.cancel(token),
    revert: (id) =>
      setConfirm({
        title: `Revert cell ${id}?`,
        body: `Cell ${id} goes back to the lesson's version, its text and its type. Your edits to it will be lost.`,
        confirmLabel: 'Revert',
        onConfirm: () => store.dispatch(revertCellEvent(id, lessonById)),
      }),
    useAside: (id) => {
      const cell = cellById(store.getState(), id);
      const use = () => store.dispatch({ type: 'cell', id, event: { type: 'useAside' } });
      if (!cell || !differsFromOriginal(cell)) return use();
      setConfirm({
        title: `Use your kept-aside version of ${id}?`,
        body: `It replaces what cell ${id} holds now, which differs from the lesson: those edits will be lost.`,
        confirmLabel: 'Use mine',
        onConfirm: use,
      });
    },
    discardAside: (id) =>
      setConfirm({
        title: `Discard your old version of ${id}?`,
        body: `The version of cell ${id} you edited before the lesson changed will be deleted from this browser.`,
        confirmLabel: 'Discard',
        onConfirm: () => store.dispatch({ type: 'cell', id, event: { type: 'discardAside' } }),
      }),
    registerCell: (id, el) => {
      if (el) cellEls.current.set(id, el);
      else cellEls.current.delete(id);
    },
    registerEditor: (id, handle) => {
      if (!handle) {
        editors.current.delete(id);
        return;
      }
      editors.current.set(id, handle);
      if (pendingEditorFocus.current === id) {
        pendingEditorFocus.current = null;
        handle.focus();
      }
    },
  }), [store, runner, host, doCommand, focusEditor, lessonById]);

  const diff = lessonDiff(cells, lessonCells);
  const edited = changeCount(diff);
  const onRevertAll = (): void =>
    setConfirm({
      title: 'Revert the notebook to the lesson?',
      body: revertDescription(diff),
      confirmLabel: 'Revert all',
      onConfirm: () => store.dispatch({ type: 'structure', event: { type: 'revertStructure', lesson: lessonCells } }),
    });

  const runAll = (): void => {
    planRunAll(store.getState().cells).then(
      (plan) => (plan.kind === 'run' ? runner?.run(plan.ids) : setRunAllAsk(plan)),
      () => store.dispatch({ type: 'notice', notice: { id: 'run-all', tone: 'warning', corner: true, text: uncheckedRunAllNotice } }),
    );
  };
  const runIds = useMemo(() => (runner ? (ids: string[]) => runner.run(ids) : null), [runner]);
  const onNoticeCommand = (command: NoticeCommand): void => {
    switch (command) {
      case 'restartKernel':
        void runner?.restart();
        return;
      case 'loadOtherTabEdits':
        tabConflicts.loadTheirs();
        return;
      case 'keepMyEdits':
        tabConflicts.keepMine();
        return;
      default: {
        const never: never = command;
        throw new Error(`unknown notice command ${String(never)}`);
      }
    }
  };
  const noticeList = <Notices notices={topNotices} onDismiss={dismissNotice} onCommand={onNoticeCommand} />;

  // On a phone the status moves into the toolbar's one row (see toolbar/README.md).
  const kernelStatus = <KernelStatus kernel={kernel} hasKernel={host !== null} />;

  const range = selectedRange({ cells, selectedId, anchorId });
  const renderCell = (at: number) => {
    const cell = cells[at];
    const selected = cell.id === selectedId;
    const inSelection = range !== null && range[0] !== range[1] && at >= range[0] && at <= range[1];
    const fresh = cell.origin === 'lesson' ? lessonById.get(cell.id) : undefined;
    return (
      <Cell
        key={cell.id}
        cell={cell}
        selected={selected}
        inSelection={inSelection}
        canMoveUp={canMove({ cells, selectedId, anchorId }, cell.id, -1)}
        canMoveDown={canMove({ cells, selectedId, anchorId }, cell.id, 1)}
        outputHidden={hiddenOutputs.includes(cell.id)}
        revertible={fresh !== undefined && differsFromLesson(cell, fresh)}
        mode={selected ? mode : 'command'}
        actions={actions}
      />
    );
  };
  const indexOf = new Map(cells.map((c, i) => [c.id, i]));

  return (
    <NotebookStoreContext value={store}>
      <DeferredMountsContext value={mounts}>
        <NotebookRunContext value={runIds}>
        <KeptNotesContext value={kept.notes}>
        <KeptRestoreContext value={kept.restored}>
        <header className={`site-header${compact ? ' site-header-compact' : ''}`}>
          <div className="header-inner">
            <div className="brand">
              <h1>Jacobian Notebook</h1>
              <p className="tagline">Backpropagation by hand, with Jacobians, and by autograd</p>
            </div>
            {!compact && kernelStatus}
          </div>
          <div className="toolbar-wrap">
            <Toolbar
              kernel={kernel}
              hasKernel={runner !== null}
              editedCount={edited}
              compact={compact}
              status={kernelStatus}
              onRunAll={runAll}
              onInterrupt={() => void runner?.interrupt()}
              onRestart={() => void runner?.restart()}
              // A blank notebook has no lesson: "the lesson again" would be no cell at all.
              onRevertAll={lesson.length > 0 ? onRevertAll : null}
              onShowShortcuts={() => setShowKeys(true)}
              extraActions={extraActions}
            />
          </div>
        </header>
        {/* Until the markdown/KaTeX chunk arrives, a placeholder stands for the lesson and the footer. */}
        <Suspense fallback={<main className="notebook">{noticeList}<p className="loading">Loading the lesson…</p></main>}>
          <main className="notebook">
            {noticeList}
            <TrustBanner onRunAll={runAll} />
            <ParamsPanel host={host} store={store} runner={runner} link={link} />
            {layoutRows(cells).map((row) =>
              row.length === 1 ? (
                renderCell(indexOf.get(row[0].id) as number)
              ) : (
                <div className="cell-pair" key={row.map((c) => c.id).join('|')}>
                  {row.map((c) => renderCell(indexOf.get(c.id) as number))}
                </div>
              ),
            )}
            {cells.length === 0 && <p className="empty">This lesson has no cells yet.</p>}
          </main>
          <footer className="site-footer">
            <p>
              Press <kbd>?</kbd> for keyboard shortcuts. Your edits are saved in this browser.
            </p>
          </footer>
        </Suspense>
        {/* Bottom left, one above the other: the offline prompt has the right. */}
        <div className="corner-stack">
          <SavedToast notice={saved.notice} onDismiss={saved.dismiss} />
          <CornerNotices notices={cornerNotices} onDismiss={dismissNotice} />
          <UndoDelete store={store} />
        </div>
        {confirm && <ConfirmDialog request={confirm} onDone={() => setConfirm(null)} />}
        {showKeys && <ShortcutsDialog onClose={() => setShowKeys(false)} />}
        {runAllAsk && (
          <Suspense fallback={null}>
            <RunAllDialog plan={runAllAsk} onRun={(ids) => runner?.run(ids)} onDone={() => setRunAllAsk(null)} />
          </Suspense>
        )}
        </KeptRestoreContext>
        </KeptNotesContext>
        </NotebookRunContext>
      </DeferredMountsContext>
    </NotebookStoreContext>
  );
}
