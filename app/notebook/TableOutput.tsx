// Tables and matrices as HTML tables that scroll inside their own box on narrow screens.
import { useState } from 'react';
import type { FullCell, TableCell } from '../kernel/protocol';
import { formatNumber, formatTableCell } from './format';

/** Numbers as NumPy prints them (`[...]`) scroll inside their cell, the next columns staying in view; words wrap instead. */
const isNumbers = (text: string): boolean => text.startsWith('[');

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
  full?: FullCell[];
}

/**
 * A cell of text: words wrap, numbers as NumPy prints them scroll inside the cell; a summarised one (`full`) offers every entry,
 * or says why it cannot.
 */
function TextCell({ text, label, full }: { text: string; label: string; full?: FullCell }) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll && full?.text ? full.text : text;
  const body =
    isNumbers(shown) || full ? (
      <div className="cell-scroll" tabIndex={0} role="region" aria-label={label}>
        {shown}
      </div>
    ) : (
      shown
    );
  if (!full) return body;
  const count = full.entries.toLocaleString('en-US');
  return (
    <>
      {body}
      {full.text === null ? (
        <span className="cell-note">{`${count} entries, summarised: too many to send to the page`}</span>
      ) : (
        <button type="button" className="cell-show-all" aria-pressed={showAll} onClick={() => setShowAll((v) => !v)}>
          {showAll ? 'Summarise' : `Show all ${count} entries`}
        </button>
      )}
    </>
  );
}

export function TableOutput({ columns, rows, caption, testid, rowOk, full }: TableProps) {
  const fullAt = new Map((full ?? []).map((f) => [`${f.row}:${f.col}`, f]));
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
                  <td key={c} className={typeof cell === 'number' ? 'num' : typeof cell === 'string' && !isNumbers(cell) ? 'text' : undefined} title={typeof cell === 'number' ? String(cell) : undefined}>
                    {typeof cell === 'string' ? (
                      <TextCell text={cell} label={`${columns[c] ?? ''} of ${formatTableCell(row[0] ?? null)}`} full={fullAt.get(`${r}:${c}`)} />
                    ) : (
                      formatTableCell(cell)
                    )}
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
