// The quiet mark on a cell showing outputs kept from the previous session, and the note when outputs were too large to keep.
import { useContext } from 'react';
import type { CellState } from '../cellState';
import { KeptNotesContext } from './useKeptOutputs';
import './kept.css';

export const previousSessionText = 'From the previous session: this cell has not run since the page opened.';

export function KeptMark({ cell }: { cell: Pick<CellState, 'id' | 'fromPrevious'> }) {
  const note = useContext(KeptNotesContext).get(cell.id);
  return (
    <>
      {cell.fromPrevious && (
        <p className="kept-mark" data-kept="previous">
          {previousSessionText}
        </p>
      )}
      {note && (
        <p className="kept-mark" data-kept="too-large">
          {note}
        </p>
      )}
    </>
  );
}
