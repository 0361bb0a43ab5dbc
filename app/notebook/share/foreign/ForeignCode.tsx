// A code cell of another language (a Python notebook's): its code read-only, its saved outputs shown safely, marked as not runnable here.
import { useMemo, type ReactNode } from 'react';
import type { Output } from '../../../kernel/protocol';
import { BoundedMarkdown } from '../../BoundedMarkdownView';
import type { CellState } from '../../cellState';
import { OutputView, type OutputActions } from '../../Outputs';
import type { ForeignCode as ForeignCodeData } from '../../structure/cells';
import { rawLanguage } from '../../structure/cells';
import { readJupyterOutputs, type JupyterOutput } from './jupyterOutputs';
import './foreign.css';

// Saved outputs have no running task to cancel.
const noActions: OutputActions = { cancel: () => undefined };

/** Kinds the page already shows (text cut past its limit, KaTeX without trust, errors) go through its own views. */
function asOutput(output: JupyterOutput): Output | null {
  switch (output.kind) {
    case 'stream':
      return { kind: 'text', text: output.text, stream: output.name };
    case 'text':
      return { kind: 'text', text: output.text };
    case 'latex':
      return { kind: 'latex', tex: output.tex, display: output.display };
    case 'error':
      return { kind: 'error', name: output.name, message: output.message, ...(output.traceback ? { source: output.traceback } : {}) };
    default:
      return null;
  }
}

function SavedOutput({ output }: { output: JupyterOutput }) {
  const own = asOutput(output);
  if (own) return <OutputView output={own} actions={noActions} />;
  switch (output.kind) {
    case 'markdown':
      return <BoundedMarkdown source={output.source} />;
    case 'image':
      // An <img> never runs what an SVG holds, and loads nothing from it: the page's policy allows only data: images.
      return <img className="foreign-image" src={output.url} alt={`Saved ${output.mime.replace('image/', '').replace('+xml', '')} output`} />;
    default:
      return <p className="out-note">An output of type {output.kind === 'unshown' && output.mimes.length > 0 ? output.mimes.join(', ') : 'unknown'} is not shown here (it is kept in the file).</p>;
  }
}

const languageLabel = (foreign: ForeignCodeData): string =>
  foreign.language === rawLanguage ? 'Raw cell' : `${foreign.language.charAt(0).toUpperCase()}${foreign.language.slice(1)}`;

/** `tools`: the cell's structure buttons (move, delete), which a foreign cell has like any other. */
export function ForeignCode({ cell, tools }: { cell: CellState; tools?: ReactNode }) {
  const foreign = cell.foreign;
  const outputs = useMemo(() => (foreign ? readJupyterOutputs(foreign.raw) : []), [foreign]);
  if (!foreign) return null;
  const count = foreign.raw.execution_count;
  return (
    <div className="foreign-cell">
      <div className="cell-bar">
        <span className="prompt">{typeof count === 'number' ? `In [${count}]:` : 'In [ ]:'}</span>
        <span className="foreign-label" data-testid="foreign-label" title="Read-only: kept as the file has it, with its saved outputs, and exported back unchanged">
          {languageLabel(foreign)} · not runnable here
        </span>
        <span className="cell-bar-spacer" />
        {tools}
      </div>
      <pre className="code-fallback foreign-source" tabIndex={0} aria-label={`${languageLabel(foreign)} code of cell ${cell.id}, not runnable here`}>
        {cell.source}
      </pre>
      {outputs.length > 0 && (
        <div className="outputs foreign-outputs" aria-label="Saved outputs">
          {outputs.map((output, i) => (
            <SavedOutput key={i} output={output} />
          ))}
        </div>
      )}
    </div>
  );
}
