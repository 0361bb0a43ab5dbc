// Whether the previous session's outputs are back yet: a slide opened by a link waits for them before it runs anything.
import { createContext } from 'react';

/** How long a slide waits for IndexedDB at most (a slow phone); past it, it goes on as if nothing were kept. */
export const keptRestoreWaitMs = 2000;

export interface RestoreGate {
  /** True once the kept outputs are shown, or known not to come (none kept, no IndexedDB, a read that failed). */
  readonly settled: boolean;
  settle(): void;
  /**
   * Resolves when settled, or `limitMs` after the first wait began if it is not by then (a slide
   * asks again as its cells change: the limit does not start over).
   */
  wait(limitMs: number): Promise<void>;
}

export function restoreGate(): RestoreGate {
  let settled = false;
  let open!: () => void;
  let deadline: number | null = null;
  const done = new Promise<void>((resolve) => (open = resolve));
  return {
    get settled() {
      return settled;
    },
    settle() {
      settled = true;
      open();
    },
    wait(limitMs) {
      if (settled) return Promise.resolve();
      deadline ??= Date.now() + limitMs;
      const left = Math.max(0, deadline - Date.now());
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, left)));
      return Promise.race([done, late]).finally(() => clearTimeout(timer));
    },
  };
}

const nothingKept = restoreGate();
nothingKept.settle();

/** The notebook's gate (set by `Notebook`); outside one, nothing is restored and nothing waits. */
export const KeptRestoreContext = createContext<RestoreGate>(nothingKept);
