// The shapes the notebook UI shares between its state, storage and components.

/**
 * A lesson cell as the cells loader parses it from `cells/NN-slug.{md,ts}`: `id` is the file stem,
 * `group` the numeric prefix, `pair` the a/b suffix of two cells meant to be read side by side.
 * Declared here structurally so the UI builds before (and independently of) the loader.
 */
export interface SourceCell {
  id: string;
  type: 'markdown' | 'code';
  source: string;
  pair?: 'a' | 'b';
  group: string | number;
}

/** Command mode moves between cells; edit mode types into one cell's editor. */
export type EditorMode = 'command' | 'edit';

export type KernelStatus = 'starting' | 'idle' | 'busy' | 'restarting' | 'unavailable';

/** A message shown above the notebook (storage trouble, interrupts, data set aside). */
export interface Notice {
  id: string;
  tone: 'info' | 'warning' | 'error';
  text: string;
}
