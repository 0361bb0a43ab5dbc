// Types of what every code cell has in scope without imports (the kernel puts them there): for typechecking cells and the editor.

/** The small float64 matrix library (app/core/la.ts): `la.array`, `la.matmul`, `la.diag`, ... */
declare const la: typeof import('../core/la').la;

/** TensorFlow.js, on the kernel's backend (loaded before a cell that mentions `tf` runs). */
declare const tf: import('../core/tfjsGradients').Tf;

/**
 * The network of the parameters panel (or the link): a fresh copy for every run that names it. Typed
 * as the original kind (one sample, one activation, log loss): what the lesson's cells handle so far.
 */
declare const params: import('../core/types').SampleNetSpec;

/** Prints values separated by spaces: matrices as NumPy prints them, lists like Python. */
declare function print(...args: unknown[]): void;

/** Shows a value richly (matrix, table, plot, LaTeX...); `display.latex`, `display.table`, ... for each kind. */
declare const display: import('./display').Display;

/** Times a function (median of batches, first call apart) with a cancellable progress bar; `bench.sweep` for many. */
declare const bench: import('./kernelBench').KernelBench;

/** The lesson's helpers (app/kernel/lessonKit.ts). */
declare const lesson: import('./lessonKit').Lesson;

type Matrix = import('../core/matrix').Matrix;
type NetSpec = import('../core/types').NetSpec;
type SampleNetSpec = import('../core/types').SampleNetSpec;
type Gradients = import('../core/types').Gradients;
type BenchResult = import('../core/bench').BenchResult;
