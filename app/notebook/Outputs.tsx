// Renders each kind of cell output; heavy ones (Plotly) load only when a cell shows them.
import { lazy, Suspense, useRef } from 'react';
import type { Output } from '../kernel/protocol';
import type { ShownOutput } from './cellState';
import { CellErrorBoundary } from './CellErrorBoundary';
import { useKeyboardScroll } from './keyboardScroll';
import { matrixToTex } from './format';
import { NetworkDiagram } from './NetworkDiagram';
import { MatrixTable, TableOutput } from './TableOutput';
import { Markdown, Tex } from './richText';
import './outputs.css';

const PlotOutput = lazy(() => import('./PlotOutput'));

export interface OutputActions {
  /** Asks the kernel to stop the long task that showed this token (the sweep's Cancel button). */
  cancel(token: string): void;
}

function TextOutput({ text, stream, truncatedChars }: { text: string; stream?: 'stdout' | 'stderr'; truncatedChars?: number }) {
  return (
    <div className={stream === 'stderr' ? 'out-text out-stderr' : 'out-text'}>
      <pre>{text}</pre>
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
          <Tex tex={matrixToTex(output.rows)} display />
        </figure>
      );
    case 'latex':
      return <Tex tex={output.tex} display={output.display} />;
    case 'markdown':
      return <Markdown source={output.source} />;
    case 'plot':
      return (
        <Suspense fallback={<p className="out-note">Loading the plot…</p>}>
          <PlotOutput figure={output.figure} />
        </Suspense>
      );
    case 'table':
      return <TableOutput columns={output.columns} rows={output.rows} caption={output.caption} testid={output.testid} rowOk={output.rowOk} />;
    case 'network':
      return <NetworkDiagram spec={output.spec} X={output.X} grads={output.grads} />;
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

/** A broken output shows a message in its own place; the cell's other outputs and cells stay. */
export function OutputList({ outputs, actions }: { outputs: ShownOutput[]; actions: OutputActions }) {
  const ref = useRef<HTMLDivElement>(null);
  useKeyboardScroll(ref, outputs);
  if (outputs.length === 0) return null;
  return (
    <div className="outputs" ref={ref}>
      {outputs.map((o) => (
        <div className="output" key={o.key}>
          <CellErrorBoundary resetKey={o.output}>
            <OutputView output={o.output} actions={actions} />
          </CellErrorBoundary>
        </div>
      ))}
    </div>
  );
}
