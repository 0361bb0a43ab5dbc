// What Export and Import load on first use (one lazy chunk): the file formats and the import planner.
export { planImport, sizeProblem } from './importFile';
export { toIpynb } from './ipynb';
export { toMarkdown } from './markdownExport';
export { exportCellsOf } from './notebookFile';
