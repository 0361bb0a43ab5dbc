// The shapes the notebook UI shares between its state, storage and components.

/** A lesson cell as the cells loader parses it from `cells/NN-slug.{md,ts}` (id = file stem). */
export type { Cell as SourceCell } from '../kernel/cells';

/** Command mode moves between cells; edit mode types into one cell's editor. */
export type EditorMode = 'command' | 'edit';

/** `dead`: a kernel that never came up ended (see Runner.died: one that was up is replaced at once); only Restart kernel brings it back. */
export type KernelStatus = 'starting' | 'idle' | 'busy' | 'restarting' | 'unavailable' | 'dead';

/** What a notice's button does (the notebook carries it out; notices stay plain data). */
export type NoticeCommand = 'restartKernel' | 'loadOtherTabEdits' | 'keepMyEdits';

/** A message shown above the notebook (storage trouble, interrupts, data set aside). */
export interface Notice {
  id: string;
  tone: 'info' | 'warning' | 'error';
  text: string;
  /** Buttons beside Dismiss, e.g. Restart kernel when the kernel stopped. */
  actions?: { label: string; command: NoticeCommand }[];
  /** Shown in the screen's corner, where the student is, and gone by itself (a refused key press), not above the notebook. */
  corner?: boolean;
}
