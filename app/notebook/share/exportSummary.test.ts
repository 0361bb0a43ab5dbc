// What Export says it saved, against counts made by hand.
import { describe, expect, it } from 'vitest';
import { exportSummary } from './ExportDialog';

describe('exportSummary', () => {
  it('a Jupyter file: the notebook\'s cells, and the file\'s when a helpers cell and cut slides add to them', () => {
    // 54 cells; the file has the helpers cell and 18 parts cut off text cells: 54 + 1 + 18 = 73.
    expect(exportSummary('n.ipynb', 54, 73)).toBe(
      "Saved n.ipynb: the notebook's 54 cells with their outputs, as 73 Jupyter cells (a first cell naming the lesson's helpers, and 18 more where text cells are cut at their slide breaks). Import reads it back as it was.",
    );
  });
  it('only the helpers cell added', () => {
    expect(exportSummary('n.ipynb', 1, 2)).toBe("Saved n.ipynb: the notebook's one cell with its outputs, as 2 Jupyter cells (a first cell naming the lesson's helpers). Import reads it back as it was.");
  });
  it('Markdown: no count of its own', () => {
    expect(exportSummary('n.md', 3, null)).toBe("Saved n.md: the notebook's 3 cells with their outputs. Import reads it back.");
  });
});
