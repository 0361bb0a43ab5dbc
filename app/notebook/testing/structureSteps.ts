// Random sequences of what a student does to the notebook's structure (and its text), for property tests.
import fc from 'fast-check';
import type { CellState } from '../cellState';
import type { NotebookEvent, NotebookState } from '../notebookState';
import type { Side, StructureEvent } from '../structure/structureReducer';

/** A structure event with its ids still to draw, a pick of the cell at `index`, or an edit of the selected cell. */
export type Step = StructureEvent | { type: 'pick'; index: number } | { type: 'edit'; source: string };

const cellType = fc.constantFrom<CellState['type']>('code', 'markdown');
const side = fc.constantFrom<Side>('above', 'below');
const delta = fc.constantFrom<-1 | 1>(-1, 1);

/** Every structure event a student can cause, with a pick of a cell: ids are filled in by `stepEvent` (or the test). */
export const structureEventSteps: fc.Arbitrary<StructureEvent | { type: 'pick'; index: number }>[] = [
  fc.record({ type: fc.constant('insert' as const), side, id: fc.constant(''), cellType, source: fc.string({ maxLength: 8 }) }),
  fc.constant({ type: 'delete' as const }),
  fc.constant({ type: 'undo' as const }),
  fc.record({ type: fc.constant('move' as const), delta }),
  fc.constant({ type: 'copy' as const }),
  fc.constant({ type: 'cut' as const }),
  fc.record({ type: fc.constant('paste' as const), side, ids: fc.constant<string[]>([]) }),
  fc.record({ type: fc.constant('split' as const), id: fc.constant(''), offset: fc.nat(12), newId: fc.constant('') }),
  fc.constant({ type: 'merge' as const }),
  fc.record({ type: fc.constant('retype' as const), cellType }),
  fc.record({ type: fc.constant('extendSelection' as const), delta }),
  fc.record({ type: fc.constant('pick' as const), index: fc.nat(20) }),
];

export const structureStep: fc.Arbitrary<Step> = fc.oneof(...structureEventSteps, fc.record({ type: fc.constant('edit' as const), source: fc.string({ maxLength: 8 }) }));

/** The notebook event a step stands for in `state`, with ids drawn as the page draws them (`draw`). */
export function stepEvent(state: NotebookState, step: Step, draw: () => string): NotebookEvent {
  const selected = state.selectedId ?? '';
  switch (step.type) {
    case 'pick':
      return { type: 'select', id: state.cells[step.index % state.cells.length].id };
    case 'edit':
      return { type: 'cell', id: selected, event: { type: 'edit', source: step.source } };
    case 'insert':
      return { type: 'structure', event: { ...step, id: draw() } };
    case 'paste':
      return { type: 'structure', event: { ...step, ids: state.clipboard.map(draw) } };
    case 'split':
      return { type: 'structure', event: { ...step, id: selected, newId: draw() } };
    default:
      return { type: 'structure', event: step };
  }
}
