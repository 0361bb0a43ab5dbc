// Tests of what the trust banner says: cells in another language are never promised a run.
import { describe, expect, it } from 'vitest';
import type { CellState } from '../cellState';
import { newCell } from '../structure/cells';
import { bannerText } from './TrustBanner';

const received = (cell: CellState): CellState => ({ ...cell, untrusted: { origin: 'import', displaced: '' } });
const python = (id: string) => received(newCell(id, 'code', 'print(1)', { language: 'python', raw: { cell_type: 'code' } }));

describe('bannerText', () => {
  it('says TypeScript code waits for trust', () => {
    expect(bannerText('import', [received(newCell('new-a', 'code', 'x'))]).detail).toBe("It won't run until you trust it.");
  });
  it('says a Python notebook\'s cells are only shown, never run', () => {
    const cells = [python('p1'), python('p2'), received(newCell('md', 'markdown', '# T'))];
    expect(bannerText('import', cells)).toMatchObject({
      title: 'The imported file changed 3 cells (2 code, 1 text).',
      detail: 'The 2 cells in another language (python) are only shown, never run here.',
    });
  });
  it('says both when both come', () => {
    const cells = [python('p1'), received(newCell('new-a', 'code', 'x'))];
    expect(bannerText('import', cells).detail).toBe("Its code won't run until you trust it; the cell in another language (python) is only shown, never run here.");
  });
});
