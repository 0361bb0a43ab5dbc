// How a cell shows code from a link or a file before it is trusted: read-only, marked, never in an editor.
import { originPhrase as fromWhere, type CellState, type UntrustedMark } from '../cellState';
import './share.css';

/** The mark above an untrusted cell's content: where it came from and why it does not run. */
export function UntrustedLabel({ mark, type }: { mark: UntrustedMark; type: CellState['type'] }) {
  return (
    <p className="untrusted-label">
      <span aria-hidden="true">⚠ </span>
      {type === 'code'
        ? `From ${fromWhere(mark.origin)}, not trusted: read-only, and it does not run until you trust it (banner above).`
        : `From ${fromWhere(mark.origin)}, not trusted yet: read-only until you trust or discard it (banner above).`}
    </p>
  );
}

/** Untrusted code as plain text: no editor, so nothing typed can be mistaken for the student's own code. */
export function UntrustedCode({ cell }: { cell: CellState }) {
  if (!cell.untrusted) return null;
  return (
    <div className="untrusted-code">
      <UntrustedLabel mark={cell.untrusted} type="code" />
      <pre className="code-fallback" tabIndex={0} aria-label={`Code of cell ${cell.id}, from ${fromWhere(cell.untrusted.origin)}, not trusted`}>
        {cell.source}
      </pre>
    </div>
  );
}
