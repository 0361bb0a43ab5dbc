// Lesson helpers that code cells reach as `lesson.<name>`: a typed registry the lesson's authors extend.
import type { Tf } from '../core/tfjsGradients';
import type { NetSpec } from '../core/types';
import type { Display, Print } from './display';
import type { KernelBench } from './kernelBench';

/** What a helper may use: the same print/display/bench the cell has, tfjs on demand, the network. */
export interface LessonContext {
  print: Print;
  display: Display;
  bench: KernelBench;
  /** tfjs with the kernel's backend, loaded on first call. */
  tf(): Promise<Tf>;
  /** A fresh copy of the network of the parameters panel. */
  params(): NetSpec;
}

/**
 * Each entry makes one helper from the kernel's context, e.g.
 * `gradientTable: (ctx) => (spec: NetSpec) => { ...; ctx.display.table(...) }`;
 * cells then call `lesson.gradientTable(params)`. Helpers are built once per kernel.
 */
export const lessonKit = {} satisfies Record<string, (ctx: LessonContext) => unknown>;

type LessonKit = typeof lessonKit;

/** `lesson` as cells see it: every registered helper, built. */
export type Lesson = { readonly [K in keyof LessonKit]: ReturnType<LessonKit[K]> };

/** Builds every helper of `kit` for one kernel. */
export function createLesson(ctx: LessonContext, kit: Record<string, (ctx: LessonContext) => unknown> = lessonKit): Lesson {
  return Object.freeze(Object.fromEntries(Object.entries(kit).map(([name, make]) => [name, make(ctx)]))) as Lesson;
}
