// Tables and matrices as HTML tables that scroll inside their own box on narrow screens.
import type { TableCell } from '../kernel/protocol';
import { formatNumber, formatTableCell } from './format';

/** A horizontally scrollable box; focusable so keyboard users can scroll it too. */
function ScrollBox({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="scroll-box" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

function okMark(ok: boolean | null | undefined) {
  if (ok === null || ok === undefined) return <td className="check">–</td>;
  return ok ? (
    <td className="check check-ok">
      <span aria-hidden="true">✓ </span>ok
    </td>
  ) : (
    <td className="check check-bad">
      <span aria-hidden="true">✗ </span>differs
    </td>
  );
}

export interface TableProps {
  columns: string[];
  rows: TableCell[][];
  caption?: string;
  testid?: string;
  rowOk?: (boolean | null)[];
}

export function TableOutput({ columns, rows, caption, testid, rowOk }: TableProps) {
  return (
    <figure className="out-table">
      {caption && <figcaption>{caption}</figcaption>}
      <ScrollBox label={caption ?? `Table of ${columns.join(', ')}`}>
        <table data-testid={testid}>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={i} scope="col">
                  {c}
                </th>
              ))}
              {rowOk && <th scope="col">check</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r} className={rowOk?.[r] === false ? 'row-bad' : rowOk?.[r] === true ? 'row-ok' : undefined}>
                {row.map((cell, c) => (
                  <td key={c} className={typeof cell === 'number' ? 'num' : undefined} title={typeof cell === 'number' ? String(cell) : undefined}>
                    {formatTableCell(cell)}
                  </td>
                ))}
                {rowOk && okMark(rowOk[r])}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </figure>
  );
}

/** A matrix as a bracketed grid of numbers, labelled by its name. */
export function MatrixTable({ rows, label }: { rows: number[][]; label?: string }) {
  const shape = `${rows.length}x${rows[0]?.length ?? 0}`;
  return (
    <figure className="out-matrix">
      {label && <figcaption>{label}</figcaption>}
      <ScrollBox label={`${label ?? 'Matrix'} (${shape})`}>
        <table className="matrix">
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {row.map((x, c) => (
                  <td key={c} className="num" title={String(x)}>
                    {formatNumber(x)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </figure>
  );
}
