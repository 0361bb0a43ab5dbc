// The toolbar's `New notebook` (on the lesson) or `Back to the lesson` (on the blank notebook): each document stays as it was left.
import { addressOf, type DocumentName } from './documents';

export function DocumentSwitch({ doc }: { doc: DocumentName }) {
  const other: DocumentName = doc === 'lesson' ? 'blank' : 'lesson';
  const go = (): void => window.location.assign(addressOf(other, window.location));
  return doc === 'lesson' ? (
    <button type="button" className="btn" onClick={go} title="A notebook of your own, starting from one empty code cell (la, tf, display and print in scope); the lesson stays as you left it">
      New notebook
    </button>
  ) : (
    <button type="button" className="btn" onClick={go} title="The lesson, as you left it; this notebook stays saved here">
      Back to the lesson
    </button>
  );
}
