// One notebook cell: markdown (rendered, or a textarea while edited) or code (editor, run controls, outputs).
import { lazy, memo, Suspense, use, useRef, useState, type ReactNode } from 'react';
import { mainThreadChars } from './boundedMarkdown';
import { BoundedMarkdown } from './BoundedMarkdownView';
import { editedSinceRun, promptLabel, type CellState } from './cellState';
import { CellErrorBoundary } from './CellErrorBoundary';
import { contentHash } from './contentHash';
import { useMountWhenNear } from './deferredMount';
import type { EditorHandle } from './CodeEditor';
import { commandForKey, type KeyCommand } from './keys';
import { prerenderedHtml } from './lessonHtml';
import { MarkdownBox } from './MarkdownBox';
import { Markdown, richTextLoaded } from './richText';
import { OutputList, type OutputActions } from './Outputs';
import { UntrustedCode, UntrustedLabel } from './share/UntrustedCode';
import { CellButtons } from './structure/CellButtons';
import type { EditorMode } from './types';
// KaTeX's styles with the entry's: the prerendered text cells carry typeset formulas from the first paint.
import 'katex/dist/katex.min.css';
import './markdown.css';
import { KeptMark } from './kept/KeptMark';

const CodeEditor = lazy(() => import('./CodeEditor'));
// Only an imported notebook in another language has such cells: its viewer loads with the first one.
const ForeignCode = lazy(() => import('./share/foreign/ForeignCode').then((m) => ({ default: m.ForeignCode })));

/** What a cell can ask the notebook to do; one stable object shared by every cell. */
export interface CellActions extends OutputActions {
  select(id: string, mode: EditorMode): void;
  edit(id: string, source: string): void;
  run(id: string): void;
  keyCommand(id: string, command: KeyCommand): void;
  openEditor(id: string): void;
  revert(id: string): void;
  useAside(id: string): void;
  discardAside(id: string): void;
  registerCell(id: string, el: HTMLElement | null): void;
  registerEditor(id: string, handle: EditorHandle | null): void;
}

interface CellProps {
  cell: CellState;
  selected: boolean;
  /** One of several cells selected with Shift+Up/Down. */
  inSelection?: boolean;
  /** Its Move cell up / down buttons can act (not the first cell, or the last, of the notebook). */
  canMoveUp?: boolean;
  canMoveDown?: boolean;
  /** Its outputs are folded away (`O`). */
  outputHidden?: boolean;
  /** A lesson cell whose text or type the student changed: Revert cell shows. */
  revertible?: boolean;
  mode: EditorMode;
  actions: CellActions;
}

const statusText: Record<CellState['status'], string> = {
  idle: '',
  queued: 'queued',
  running: 'running…',
  done: '',
  error: 'error',
};

function isEditorTarget(target: EventTarget): boolean {
  return target instanceof Element && target.closest('.cm-editor, textarea') !== null;
}

/** The lesson changed under the student's edit: say so, and let them see, use or discard their version. */
function AsideNotice({ cell, actions }: { cell: CellState; actions: CellActions }) {
  const [showing, setShowing] = useState(false);
  if (!cell.aside) return null;
  // Same original: the lesson did not change, the student trusted a link's or a file's code over their own.
  const replacedByTrusted = cell.aside.originalHash === contentHash(cell.original);
  return (
    <div className="cell-notice cell-notice-warning">
      <p>
        {replacedByTrusted
          ? `Your earlier version of cell ${cell.id} (before the code you trusted) is kept aside — `
          : `The lesson's cell ${cell.id} changed since you edited it: your version is kept aside — `}
        <button type="button" className="btn btn-small" aria-expanded={showing} onClick={() => setShowing(!showing)}>
          {showing ? 'Hide mine' : 'Show mine'}
        </button>{' '}
        <button type="button" className="btn btn-small" onClick={() => actions.discardAside(cell.id)}>
          Discard
        </button>
      </p>
      {showing && (
        <div className="aside-version">
          <pre>{cell.aside.source}</pre>
          <button type="button" className="btn btn-small" onClick={() => actions.useAside(cell.id)}>
            Use mine instead of the lesson's
          </button>
        </div>
      )}
    </div>
  );
}

function RevertButton({ cell, revertible, actions }: { cell: CellState; revertible?: boolean; actions: CellActions }) {
  // A new cell has no lesson version to go back to (the notebook knows which cells differ from the lesson's).
  if (!revertible) return null;
  return (
    <button type="button" className="btn btn-small btn-quiet cell-revert" aria-label="Revert cell" title="Go back to the lesson's version of this cell" onClick={() => actions.revert(cell.id)}>
      Revert
    </button>
  );
}

function CellFrame({ cell, selected, inSelection, mode, actions, children }: CellProps & { children: ReactNode }) {
  const classes = ['cell', `cell-${cell.type}`, selected ? 'cell-selected' : '', inSelection ? 'cell-in-selection' : '', selected && mode === 'edit' ? 'cell-editing' : ''];
  return (
    <div
      ref={(el) => actions.registerCell(cell.id, el)}
      className={classes.filter(Boolean).join(' ')}
      data-cell={cell.id}
      data-cell-type={cell.type}
      data-cell-status={cell.status}
      data-untrusted={cell.untrusted?.origin}
      data-origin={cell.origin}
      role="group"
      aria-label={`${cell.type === 'code' ? 'Code' : 'Text'} cell ${cell.id}`}
      tabIndex={selected ? 0 : -1}
      onFocus={(e) => actions.select(cell.id, isEditorTarget(e.target) ? 'edit' : 'command')}
    >
      {children}
    </div>
  );
}

function MarkdownEditor({ cell, actions }: { cell: CellState; actions: CellActions }) {
  const rows = Math.max(3, cell.source.split('\n').length + 1);
  return (
    <textarea
      className="markdown-editor"
      aria-label={`Markdown of cell ${cell.id}`}
      value={cell.source}
      rows={rows}
      spellCheck
      autoFocus
      onChange={(e) => actions.edit(cell.id, e.target.value)}
      onKeyDown={(e) => {
        const command = commandForKey('edit', e);
        if (!command) return;
        e.preventDefault();
        actions.keyCommand(cell.id, command);
      }}
    />
  );
}

/**
 * Rendered near the screen, otherwise once the page is quiet (deferredMount); until then its
 * source as plain text. A cell of the lesson as written shows the HTML built with the site
 * (prerendered, no markdown chunk needed); an edited or imported one is rendered here.
 */
function RenderedMarkdown({ source, untrusted }: { source: string; untrusted: boolean }) {
  const placeholder = useRef<HTMLDivElement>(null);
  const near = useMountWhenNear(placeholder);
  const html = prerenderedHtml(source);
  // Text from a link or a file, or a long one, renders off the page's thread within a budget.
  if (html === undefined && (untrusted || source.length > mainThreadChars)) {
    return near ? <BoundedMarkdown source={source} /> : <div className="markdown markdown-pending" ref={placeholder}>{source}</div>;
  }
  // The placeholder of a cell rendered here waits for the renderer's chunk too, as rendered text
  // would: while the page starts it shows its one-line "Loading the lesson…", never a flash of raw markdown.
  if (html === undefined) use(richTextLoaded());
  if (!near) {
    return (
      <div className="markdown markdown-pending" ref={placeholder}>
        {source}
      </div>
    );
  }
  return <CellErrorBoundary resetKey={source}>{html === undefined ? <Markdown source={source} /> : <MarkdownBox source={source} html={html} />}</CellErrorBoundary>;
}

function MarkdownCellView(props: CellProps) {
  const { cell, actions } = props;
  return (
    <CellFrame {...props}>
      <div className="cell-tools">
        <CellButtons id={cell.id} onCommand={actions.keyCommand} canMoveUp={props.canMoveUp} canMoveDown={props.canMoveDown} />
        <RevertButton cell={cell} revertible={props.revertible} actions={actions} />
        {cell.untrusted ? null : cell.editing ? (
          <button type="button" className="btn btn-small btn-quiet" onClick={() => actions.keyCommand(cell.id, 'runInPlace')}>
            Render
          </button>
        ) : (
          <button type="button" className="btn btn-small btn-quiet" aria-label={`Edit cell ${cell.id}`} onClick={() => actions.openEditor(cell.id)}>
            Edit
          </button>
        )}
      </div>
      <AsideNotice cell={cell} actions={actions} />
      {cell.untrusted && <UntrustedLabel mark={cell.untrusted} type="markdown" />}
      {cell.editing ? (
        <MarkdownEditor cell={cell} actions={actions} />
      ) : (
        <div className="markdown-rendered" onDoubleClick={() => actions.openEditor(cell.id)}>
          {cell.source.trim() === '' ? (
            <p className="markdown-empty">Empty text cell: press Edit (or Enter, or double-click) to write in it.</p>
          ) : (
            <RenderedMarkdown source={cell.source} untrusted={cell.untrusted !== null} />
          )}
        </div>
      )}
    </CellFrame>
  );
}

/**
 * The code as plain text until the editor mounts: at once near the screen or when the student wants
 * to type here, otherwise once the page is quiet (see deferredMount).
 */
function CodeArea({ cell, actions, wanted }: { cell: CellState; actions: CellActions; wanted: boolean }) {
  const placeholder = useRef<HTMLPreElement>(null);
  const mounted = useMountWhenNear(placeholder, { now: wanted });
  const fallback = (
    <pre className="code-fallback" ref={placeholder}>
      {cell.source}
    </pre>
  );
  if (!mounted) return fallback;
  return (
    <Suspense fallback={fallback}>
      <CodeEditor
        value={cell.source}
        label={`Code of cell ${cell.id}`}
        onChange={(source) => actions.edit(cell.id, source)}
        onKeyCommand={(command) => actions.keyCommand(cell.id, command)}
        onFocusChange={(focused) => focused && actions.select(cell.id, 'edit')}
        onHandle={(handle) => actions.registerEditor(cell.id, handle)}
      />
    </Suspense>
  );
}

function CodeCellView(props: CellProps) {
  const { cell, actions } = props;
  const stale = editedSinceRun(cell);
  const busy = cell.status === 'running' || cell.status === 'queued';
  return (
    <CellFrame {...props}>
      <div className="cell-bar">
        <span className="prompt">{promptLabel(cell)}</span>
        <button type="button" className="btn btn-run" onClick={() => actions.run(cell.id)} disabled={busy} aria-label="Run cell" title="Run cell (Ctrl/Cmd+Enter)">
          <span aria-hidden="true">▶</span> Run
        </button>
        {statusText[cell.status] && <span className={`cell-status cell-status-${cell.status}`}>{statusText[cell.status]}</span>}
        {stale && (
          <span className="edited-mark" title="Edited since last run">
            <span aria-hidden="true">●</span>
            <span className="sr-only">edited since last run</span>
          </span>
        )}
        <span className="cell-bar-spacer" />
        <CellButtons id={cell.id} onCommand={actions.keyCommand} canMoveUp={props.canMoveUp} canMoveDown={props.canMoveDown} />
        <RevertButton cell={cell} revertible={props.revertible} actions={actions} />
      </div>
      <AsideNotice cell={cell} actions={actions} />
      {cell.untrusted ? (
        <UntrustedCode cell={cell} />
      ) : (
        <>
          <CodeArea cell={cell} actions={actions} wanted={props.selected && props.mode === 'edit'} />
          {/* CodeMirror draws only the lines in view: a printed handout takes the whole source from here (print.css). */}
          <pre className="print-source">{cell.source}</pre>
        </>
      )}
      {cell.notice && <p className="cell-notice cell-notice-warning">{cell.notice}</p>}
      <KeptMark cell={cell} />
      {props.outputHidden && cell.outputs.length > 0 ? (
        <button type="button" className="btn btn-small btn-quiet outputs-hidden" onClick={() => actions.keyCommand(cell.id, 'toggleOutput')}>
          Output hidden: show it (O)
        </button>
      ) : (
        <OutputList outputs={cell.outputs} actions={actions} />
      )}
    </CellFrame>
  );
}

/** Re-renders only when its own cell, its selection or the mode changes (outputs stream into one cell at a time). */
export const Cell = memo(function Cell(props: CellProps) {
  if (props.cell.foreign) {
    return (
      <CellFrame {...props}>
        <Suspense fallback={<pre className="code-fallback">{props.cell.source}</pre>}>
          <ForeignCode cell={props.cell} tools={<CellButtons id={props.cell.id} onCommand={props.actions.keyCommand} canMoveUp={props.canMoveUp} canMoveDown={props.canMoveDown} />} />
        </Suspense>
      </CellFrame>
    );
  }
  return props.cell.type === 'code' ? <CodeCellView {...props} /> : <MarkdownCellView {...props} />;
});
