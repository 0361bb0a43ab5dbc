// Keeps what the reader looks at (or is pressing) in place while parts of the page change size above it.

/**
 * Why: a part's placeholder (its source as plain text, or a size guessed for layout) is rarely as
 * tall as the part, so a jump (a link, Find, Tab, a click's scroll-into-view) that brings
 * placeholders into view would move the page under the reader as they mount; and selecting a cell
 * on a phone hides the tools row of the one selected before, so a tap on a button below moved the
 * button before the finger lifted, and the tap was lost. The browser's own scroll anchoring keeps
 * the topmost element in view in place, and that is often the very cell that changes. Here the
 * anchor is the element being pressed, else the focused one on screen, else the one at the middle
 * of the screen, taken again at each scroll the page did not make itself; the page scrolls to keep
 * it where it was after every React commit that could move it (at once, before the release of a
 * press is handled) and every change of a watched cell's size (before the next paint). At the top
 * of the page nothing is anchored (what grows there grows downwards, as the reader expects).
 */
/** The waiting placeholder an element is in (deferredMount tells, see keepWhileMounting). */
let replacedBy: (el: Element) => Element | null = () => null;
/** The element kept in place, where it was on screen, and the scroll position it was taken at. */
let anchor: { el: Element; top: number; scrollY: number } | null = null;
/** Where the page's own last correction left the scroll position (its scroll event is not the reader's). */
let ownScrollY: number | null = null;
/** Cells watched while parts mount (deferredMount), or null. */
let sizes: ResizeObserver | null = null;
let mountingEnds: ReturnType<typeof setTimeout> | undefined;
/** The element under a press, from pointerdown until the click it makes has been handled. */
let pressed: Element | null = null;
let releasing: ReturnType<typeof setTimeout> | undefined;
/**
 * A press ends with the click it makes (handled by then: this runs after it). On a touch screen
 * the click, and the mousedown that moves the focus (and the selection), come after pointerup:
 * that waits `tapMs`. A press that became a scroll ends at once.
 */
const tapMs = 500;

/** After the last part mounted: a lazily loaded editor or plot may still arrive. */
const keepAfterMs = 3000;

const active = (): boolean => sizes !== null || pressed !== null;

function setNativeAnchoring(): void {
  // The browser's own anchoring would fight this one (it keeps the topmost element instead).
  document.documentElement.classList.toggle('keeping-scroll', active());
}

/** On screen now (any part of it). */
export function onScreen(el: Element): boolean {
  const { top, bottom } = el.getBoundingClientRect();
  return bottom > 0 && top < innerHeight;
}

/** A container of cells (the page, the notebook) is no anchor: its top does not move when they change. */
const holdsCells = (el: Element): boolean => el.querySelector('[data-cell]') !== null;

function setAnchor(el: Element | null): void {
  anchor = el ? { el, top: el.getBoundingClientRect().top, scrollY: window.scrollY } : null;
}

/**
 * The element to keep in place when nothing is pressed: the focused one on screen, else the one at
 * the middle of the screen. An element about to be replaced (in a waiting placeholder, found by
 * `replacedBy`) is not kept: the placeholder's parent stands for it.
 */
function pickAnchor(): void {
  if (pressed) return setAnchor(pressed);
  if (window.scrollY <= 0) return setAnchor(null);
  const focused = document.activeElement;
  let el: Element | null = focused && focused !== document.body && onScreen(focused) ? focused : document.elementFromPoint(innerWidth / 2, innerHeight / 2);
  const placeholder = el && replacedBy(el);
  if (placeholder) el = placeholder.parentElement;
  // Between cells (or in a margin): the first cell that reaches the middle of the screen.
  if (el && holdsCells(el)) {
    el = [...el.querySelectorAll('[data-cell]')].find((cell) => cell.getBoundingClientRect().bottom > innerHeight / 2) ?? null;
  }
  setAnchor(el);
}


/**
 * Scrolls so that the anchor is back where it was (what is above it, or it, changed size). Only
 * layout moves it back: if the page was scrolled since (a click that scrolls to a cell, a focus
 * that brings an editor into view), that scroll is wanted, and the anchor is taken anew. Cheap
 * when nothing is kept.
 */
export function keepInPlace(): void {
  if (!anchor || !active()) return;
  if (!anchor.el.isConnected || Math.abs(window.scrollY - anchor.scrollY) >= 1) {
    pickAnchor();
    return;
  }
  const delta = anchor.el.getBoundingClientRect().top - anchor.top;
  if (Math.abs(delta) < 0.5) return;
  window.scrollBy({ top: delta, behavior: 'instant' });
  // Where the page could go (the end of the page may stop it short): later changes finish the move.
  anchor.scrollY = window.scrollY;
  ownScrollY = window.scrollY;
}

function onScroll(): void {
  if (!active()) return;
  if (ownScrollY !== null && Math.abs(window.scrollY - ownScrollY) < 1) {
    ownScrollY = null;
    return;
  }
  ownScrollY = null;
  pickAnchor();
}

/**
 * While parts mount: keeps the anchor when `el`'s cell changes size. `replaced` finds the waiting
 * placeholder an element is in. The keeping stops `keepAfterMs` after `stopKeepingSoon`.
 */
export function keepWhileMounting(el: Element, replaced: (el: Element) => Element | null): void {
  if (typeof ResizeObserver === 'undefined') return;
  clearTimeout(mountingEnds);
  replacedBy = replaced;
  if (!sizes) {
    sizes = new ResizeObserver(() => keepInPlace());
    // The whole page too: what changes in a cell without parts waiting still moves what is below.
    sizes.observe(document.body);
    setNativeAnchoring();
    pickAnchor();
  }
  sizes.observe(el.closest('[data-cell]') ?? el.parentElement ?? el);
}

/** Nothing waits to mount any more. */
export function stopKeepingSoon(): void {
  clearTimeout(mountingEnds);
  mountingEnds = setTimeout(() => {
    sizes?.disconnect();
    sizes = null;
    if (!pressed) anchor = null;
    setNativeAnchoring();
  }, keepAfterMs);
}

function press(event: PointerEvent): void {
  if (!event.isPrimary) return;
  clearTimeout(releasing);
  const target = event.target;
  pressed = target instanceof Element && !holdsCells(target) ? target : null;
  if (pressed) setAnchor(pressed);
  else if (sizes) pickAnchor();
  setNativeAnchoring();
}


/** The press is over `afterMs` from now. */
function release(afterMs: number): void {
  if (!pressed) return;
  clearTimeout(releasing);
  releasing = setTimeout(() => {
    pressed = null;
    if (sizes) pickAnchor();
    else anchor = null;
    setNativeAnchoring();
  }, afterMs);
}

if (typeof window !== 'undefined') {
  window.addEventListener('scroll', (event) => event.target === document && onScroll(), { capture: true, passive: true });
  window.addEventListener('pointerdown', press, { capture: true, passive: true });
  window.addEventListener('pointerup', () => release(tapMs), { capture: true, passive: true });
  window.addEventListener('click', () => release(0), { passive: true });
  window.addEventListener('pointercancel', () => release(0), { capture: true, passive: true });
}
