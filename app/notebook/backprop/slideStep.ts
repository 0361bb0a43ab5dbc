// How a presentation steps the view on its slide before turning the slide (a clicker's Page Down).
export const stepEvent = 'backprop-step';

export interface StepEventDetail {
  by: 1 | -1;
}

/** Asks one view to step; true if it did (a view at its last, or first, step declines). */
const askToStep = (el: Element, by: 1 | -1): boolean => !el.dispatchEvent(new CustomEvent<StepEventDetail>(stepEvent, { detail: { by }, cancelable: true }));

/** The keys a clicker sends: they step the views on screen; the arrows stay the slides' unless focus is in a view. */
const clickerKeys = new Set(['PageDown', 'PageUp']);

/**
 * Whether a presentation's next/previous key press stepped a step-through view (the slide then stays):
 * the view holding focus, or for a clicker's keys every view on screen.
 */
export function stepViewsForKey(key: string, target: EventTarget | null, by: 1 | -1, root: ParentNode = document): boolean {
  const focused = target instanceof Element ? target.closest('[data-backprop-view]') : null;
  if (focused) return askToStep(focused, by);
  if (!clickerKeys.has(key)) return false;
  let stepped = false;
  for (const el of root.querySelectorAll('[data-backprop-view]')) {
    if (el.getClientRects().length === 0) continue; // on another slide (display: none)
    if (askToStep(el, by)) stepped = true;
  }
  return stepped;
}
