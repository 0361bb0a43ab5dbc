// How a presentation steps the view on its slide before turning the slide (a clicker's Page Down).
export const stepEvent = 'backprop-step';

export interface StepEventDetail {
  by: 1 | -1;
}

/**
 * Asks each step-through view that is on screen to step by `by`; true if one did (the slide then
 * stays). A view at its last (or first) step declines, and the presentation turns the slide.
 */
export function stepViewsOnScreen(by: 1 | -1, root: ParentNode = document): boolean {
  let stepped = false;
  for (const el of root.querySelectorAll<HTMLElement>('[data-backprop-view]')) {
    if (el.getClientRects().length === 0) continue; // on another slide (display: none)
    const declined = el.dispatchEvent(new CustomEvent<StepEventDetail>(stepEvent, { detail: { by }, cancelable: true }));
    if (!declined) stepped = true;
  }
  return stepped;
}
