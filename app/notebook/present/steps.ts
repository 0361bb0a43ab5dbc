// Steps within a slide: where the slide's view starts at each PageDown, so every block is wholly shown at one of them.

/** A piece of the slide that is shown whole or not at all (a paragraph, a formula, a code editor, one output). */
export interface BlockSpan {
  /** Its top and bottom, in the slide's scroll coordinates. */
  top: number;
  bottom: number;
}

/** What a view inside a slide (an animation, a stepped derivation) does with PageDown/PageUp before the slide moves on. */
export interface SlideStepper {
  /** The view's element: it is asked only while this is shown on the current step. */
  element: HTMLElement;
  /** Takes one step forwards (1) or back (-1); false when it has none left that way (the slide then moves). */
  step(direction: 1 | -1): boolean;
}

const steppers = new Set<SlideStepper>();

/** A view registers its own steps; the returned function takes them away (call it on unmount). */
export function registerSlideStepper(stepper: SlideStepper): () => void {
  steppers.add(stepper);
  return () => steppers.delete(stepper);
}

/** The registered steppers whose element `isShown` says is on screen, in registration order. */
export function shownSteppers(isShown: (el: HTMLElement) => boolean): SlideStepper[] {
  return [...steppers].filter((s) => s.element.isConnected && isShown(s.element));
}

/**
 * The scroll offsets of the slide's steps for a view `windowPx` tall: the first at 0, each next one
 * at the top of the first block the view before it does not show whole. A block taller than the
 * view (the caller scales those down first) gets a step of its own starting at its top.
 */
export function stepStarts(blocks: readonly BlockSpan[], windowPx: number): number[] {
  const sorted = [...blocks].sort((a, b) => a.top - b.top);
  const starts = [0];
  for (;;) {
    const start = starts[starts.length - 1];
    const end = start + windowPx;
    const cut = sorted.find((b) => b.bottom > end + 0.5 && b.top >= start - 0.5);
    if (!cut) return starts;
    // A block starting at the step's own top that still does not fit: the next step goes past it.
    const next = cut.top > start + 0.5 ? cut.top : cut.bottom;
    starts.push(next);
  }
}

/** Whether `block` is wholly inside the view of the step starting at `start`. */
export function wholeInStep(block: BlockSpan, start: number, windowPx: number): boolean {
  return block.top >= start - 0.5 && block.bottom <= start + windowPx + 0.5;
}

/** Whether any of `block` is inside the view of the step starting at `start` (a cell's frame shows only with some of its content). */
export function seenInStep(block: BlockSpan, start: number, windowPx: number): boolean {
  return block.bottom > start + 0.5 && block.top < start + windowPx - 0.5;
}
