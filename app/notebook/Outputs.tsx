// Renders each kind of cell output; heavy ones (Plotly) load only when a cell shows them.
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Output } from '../kernel/protocol';
import { outputAsText } from '../kernel/textOutput';
import type { ShownOutput } from './cellState';
import { CellErrorBoundary } from './CellErrorBoundary';
import { useMountWhenNear } from './deferredMount';
import { useKeyboardScroll } from './keyboardScroll';
import { matrixToTex } from './format';
import { NetworkDiagram } from './NetworkDiagram';
import { MatrixTable, TableOutput } from './TableOutput';
import { Markdown, Tex } from './richText';
import './outputs.css';

type PlotModule = typeof import('./PlotOutput');
let plotModule: PlotModule | null = null;
let plotLoading: Promise<PlotModule> | null = null;

/** Loads Plotly's chunk once. A print cannot wait for it (`beforeprint` is synchronous): plots fetch it ahead. */
function preloadPlot(): Promise<PlotModule> {
  plotLoading ??= import('./PlotOutput').then((m) => (plotModule = m));
  return plotLoading;
}

// Once the chunk is here, lazy gets it from a thenable that answers at once: a plot mounted for a print draws in that same task.
const PlotOutput = lazy(() => (plotModule ? ({ then: (done: (m: PlotModule) => void) => done(plotModule as PlotModule) } as unknown as Promise<PlotModule>) : preloadPlot()));
const BackpropView = lazy(() => import('./backprop/BackpropView'));

export interface OutputActions {
  /** Asks the kernel to stop the long task that showed this token (the sweep's Cancel button). */
  cancel(token: string): void;
}

/**
 * Characters of one text output put on the page before "Show all": laying out a million characters
 * in a <pre> takes the browser hundreds of milliseconds on every change around it (a dialog, a
 * re-run), so a cell printing megabytes would make the whole page sluggish. The rest is kept, not
 * lost: one click shows it, and Export writes it all.
 */
export const shownTextChars = 100_000;

/** Where to cut a long text: at the last line break before `limit` when there is one near it. */
export function textCut(text: string, limit: number): number {
  const lineEnd = text.lastIndexOf('\n', limit - 1);
  return lineEnd >= limit * 0.9 ? lineEnd + 1 : limit;
}

function TextOutput({ text, stream, truncatedChars }: { text: string; stream?: 'stdout' | 'stderr'; truncatedChars?: number }) {
  const [showAll, setShowAll] = useState(false);
  const cut = text.length > shownTextChars ? textCut(text, shownTextChars) : text.length;
  const hidden = showAll ? 0 : text.length - cut;
  return (
    <div className={stream === 'stderr' ? 'out-text out-stderr' : 'out-text'}>
      <pre>{hidden > 0 ? text.slice(0, cut) : text}</pre>
      {cut < text.length && (
        <p className="out-note">
          {hidden > 0 ? `… ${hidden.toLocaleString('en')} more characters of this output are not on the page, to keep it fast. ` : ''}
          <button type="button" className="btn btn-small" onClick={() => setShowAll(!showAll)}>
            {showAll ? 'Show less' : `Show all ${text.length.toLocaleString('en')} characters`}
          </button>
        </p>
      )}
      {truncatedChars !== undefined && truncatedChars > 0 && (
        <p className="out-note">… {truncatedChars.toLocaleString('en')} more characters not shown.</p>
      )}
    </div>
  );
}

function ProgressOutput({ output, actions }: { output: Extract<Output, { kind: 'progress' }>; actions: OutputActions }) {
  const { label, done, total, state, cancelToken } = output;
  return (
    <div className={`out-progress out-progress-${state}`}>
      <span className="progress-label">{label}</span>
      <progress value={done} max={total > 0 ? total : 1} aria-label={label} />
      <span className="progress-count">
        {done} / {total}
        {state === 'done' ? ' done' : state === 'cancelled' ? ' cancelled' : ''}
      </span>
      {state === 'running' && cancelToken !== undefined && (
        <button type="button" className="btn btn-small" onClick={() => actions.cancel(cancelToken)}>
          Cancel
        </button>
      )}
    </div>
  );
}

/**
 * Plotly (a chunk of ~1 MB, then its drawing) loads when its plot comes near the screen or the
 * page is quiet: it never holds up the outputs of the cells after it during Run all.
 */
function DeferredPlot({ figure }: { figure: Extract<Output, { kind: 'plot' }>['figure'] }) {
  const placeholder = useRef<HTMLParagraphElement>(null);
  const near = useMountWhenNear(placeholder, { always: true });
  // In an idle moment, so a print (whatever the reader scrolled past) finds Plotly loaded.
  useEffect(() => {
    const start = (): void => void preloadPlot().catch(() => undefined);
    if (typeof requestIdleCallback !== 'function') return start();
    const handle = requestIdleCallback(start, { timeout: 10_000 });
    return () => cancelIdleCallback(handle);
  }, []);
  const fallback = (
    <p className="out-note plot-pending" ref={placeholder}>
      <span className="on-screen">Loading the plot…</span>
      {/* Paper never shows a wait: at worst the plot's title, as its text form says it. */}
      <span className="on-paper">{outputAsText({ kind: 'plot', figure })}</span>
    </p>
  );
  if (!near) return fallback;
  return (
    <Suspense fallback={fallback}>
      <PlotOutput figure={figure} />
    </Suspense>
  );
}

/**
 * Typeset output waits for the markdown/KaTeX chunk in its own place: the page requests the chunk
 * once it has shown the lesson (prerendered, it needs none), so this rarely shows; until then the
 * output's own text stands for it, and the rest of the notebook stays as it is.
 */
function RichText({ raw, children }: { raw: string; children: ReactNode }) {
  return <Suspense
      fallback={
        <div className="out-text">
          <pre>{raw}</pre>
        </div>
      }
    >{children}</Suspense>;
}

function ErrorOutput({ output }: { output: Extract<Output, { kind: 'error' }> }) {
  const { name, message, line, column, source } = output;
  return (
    <div className="out-error">
      <p>
        <strong>{name}</strong>
        {line !== undefined && <span className="error-where"> at line {line}{column !== undefined ? `, column ${column}` : ''}</span>}: {message}
      </p>
      {source && <pre>{source}</pre>}
    </div>
  );
}

export function OutputView({ output, actions }: { output: Output; actions: OutputActions }) {
  switch (output.kind) {
    case 'text':
      return <TextOutput text={output.text} stream={output.stream} truncatedChars={output.truncatedChars} />;
    case 'matrix':
      if (output.as === 'table') return <MatrixTable rows={output.rows} label={output.label} />;
      return (
        <figure className="out-matrix">
          {output.label && <figcaption>{output.label}</figcaption>}
          <RichText raw={output.rows.map((row) => row.join('  ')).join('\n')}>
            <Tex tex={matrixToTex(output.rows)} display />
          </RichText>
        </figure>
      );
    case 'latex':
      return (
        <RichText raw={output.tex}>
          <Tex tex={output.tex} display={output.display} />
        </RichText>
      );
    case 'markdown':
      return (
        <RichText raw={output.source}>
          <Markdown source={output.source} />
        </RichText>
      );
    case 'plot':
      return <DeferredPlot figure={output.figure} />;
    case 'table':
      return <TableOutput columns={output.columns} rows={output.rows} caption={output.caption} testid={output.testid} rowOk={output.rowOk} full={output.full} />;
    case 'network':
      return <NetworkDiagram spec={output.spec} X={output.X} grads={output.grads} />;
    case 'backprop':
      return (
        <Suspense fallback={<p className="out-note">Loading the step-through view…</p>}>
          <BackpropView view={output.view} />
        </Suspense>
      );
    case 'progress':
      return <ProgressOutput output={output} actions={actions} />;
    case 'error':
      return <ErrorOutput output={output} />;
    default: {
      const never: never = output;
      throw new Error(`output of unknown kind ${JSON.stringify((never as { kind?: unknown }).kind)}`);
    }
  }
}

const isStreamText = (o: ShownOutput): o is ShownOutput & { output: Extract<Output, { kind: 'text' }> } =>
  o.displayId === undefined && o.output.kind === 'text' && o.output.stream !== undefined;

/**
 * Consecutive prints of one stream as one text output, as a terminal shows them (the kernel sends
 * them in batches, one output each): the page's cap on text (shownTextChars) then holds for the
 * whole stream, however many batches it came in. The first output's key stays, so React keeps it.
 */
export function mergeStreams(outputs: readonly ShownOutput[]): ShownOutput[] {
  const merged: ShownOutput[] = [];
  for (const o of outputs) {
    const last = merged.at(-1);
    if (last && isStreamText(last) && isStreamText(o) && last.output.stream === o.output.stream) {
      const truncatedChars = (last.output.truncatedChars ?? 0) + (o.output.truncatedChars ?? 0);
      merged[merged.length - 1] = { key: last.key, output: { ...last.output, text: last.output.text + o.output.text, ...(truncatedChars > 0 ? { truncatedChars } : {}) } };
    } else merged.push(o);
  }
  return merged;
}

/** A broken output shows a message in its own place; the cell's other outputs and cells stay. */
export function OutputList({ outputs, actions }: { outputs: ShownOutput[]; actions: OutputActions }) {
  const ref = useRef<HTMLDivElement>(null);
  useKeyboardScroll(ref, outputs);
  const shown = useMemo(() => mergeStreams(outputs), [outputs]);
  if (outputs.length === 0) return null;
  return (
    <div className="outputs" ref={ref}>
      {shown.map((o) => (
        <div className="output" key={o.key}>
          <CellErrorBoundary resetKey={o.output}>
            <OutputView output={o.output} actions={actions} />
          </CellErrorBoundary>
        </div>
      ))}
    </div>
  );
}
