// Keeps what the reader looks at (or is pressing) in place while parts of the page change size above it.

// Why, and how the anchor is chosen: README.md in this folder ("Scroll keeping").

/** The page a keeper works on: the browser's window, or a stand-in in tests. */
export type KeeperWindow = Pick<
  Window,
  'scrollY' | 'innerHeight' | 'innerWidth' | 'scrollBy' | 'addEventListener' | 'removeEventListener' | 'setTimeout' | 'clearTimeout'
> & { document: Pick<Document, 'activeElement' | 'body' | 'documentElement' | 'elementFromPoint'> };

/**
 * A press ends with the click it makes (handled by then: this runs after it). On a touch screen
 * the click, and the mousedown that moves the focus (and the selection), come after pointerup:
 * that waits `tapMs`. A press that became a scroll ends at once.
 */
const tapMs = 500;

/** After the last part mounted: a lazily loaded editor or plot may still arrive. */
const keepAfterMs = 3000;

/** On screen now (any part of it) in a window `innerHeight` tall. */
export function onScreen(el: Element, innerHeight: number): boolean {
  const { top, bottom } = el.getBoundingClientRect();
  return bottom > 0 && top < innerHeight;
}

/** An element (not the document or the window); by shape, so that it reads the same without a DOM. */
const isElement = (target: EventTarget | null): target is Element => typeof (target as Element | null)?.getBoundingClientRect === 'function';

/** A container of cells (the page, the notebook) is no anchor: its top does not move when they change. */
const holdsCells = (el: Element): boolean => el.querySelector('[data-cell]') !== null;

/** Scroll keeping for one notebook's page (see the comment above); `start` listens, its return stops. */
export class ScrollKeeper {
  /** The waiting placeholder an element is in (deferredMount tells, see keepWhileMounting). */
  private replacedBy: (el: Element) => Element | null = () => null;
  /** The element kept in place, where it was on screen, and the scroll position it was taken at. */
  private anchor: { el: Element; top: number; scrollY: number } | null = null;
  /** Where the page's own last correction left the scroll position (its scroll event is not the reader's). */
  private ownScrollY: number | null = null;
  /** Cells watched while parts mount (deferredMount), or null. */
  private sizes: ResizeObserver | null = null;
  private mountingEnds: number | undefined;
  /** The element under a press, from pointerdown until the click it makes has been handled. */
  private pressed: Element | null = null;
  private releasing: number | undefined;

  constructor(
    private readonly win: KeeperWindow,
    /** The browser's ResizeObserver; none: nothing is kept while parts mount. */
    private readonly Sizes: typeof ResizeObserver | undefined = globalThis.ResizeObserver,
  ) {}

  /** Listens to the reader's scrolls and presses; returns the stop. */
  start(): () => void {
    const { win } = this;
    const onScroll = (event: Event): void => {
      if ((event.target as unknown) === win.document) this.onScroll();
    };
    const press = (event: Event): void => this.press(event as PointerEvent);
    const releaseTap = (): void => this.release(tapMs);
    const releaseNow = (): void => this.release(0);
    const capture = { capture: true, passive: true } as const;
    win.addEventListener('scroll', onScroll, capture);
    win.addEventListener('pointerdown', press, capture);
    win.addEventListener('pointerup', releaseTap, capture);
    win.addEventListener('click', releaseNow, { passive: true });
    win.addEventListener('pointercancel', releaseNow, capture);
    return () => {
      win.removeEventListener('scroll', onScroll, capture);
      win.removeEventListener('pointerdown', press, capture);
      win.removeEventListener('pointerup', releaseTap, capture);
      win.removeEventListener('click', releaseNow);
      win.removeEventListener('pointercancel', releaseNow, capture);
      win.clearTimeout(this.mountingEnds);
      win.clearTimeout(this.releasing);
      this.sizes?.disconnect();
      this.sizes = null;
      this.pressed = null;
      this.anchor = null;
      this.setNativeAnchoring();
    };
  }

  private active(): boolean {
    return this.sizes !== null || this.pressed !== null;
  }

  private setNativeAnchoring(): void {
    // The browser's own anchoring would fight this one (it keeps the topmost element instead).
    this.win.document.documentElement.classList.toggle('keeping-scroll', this.active());
  }

  private setAnchor(el: Element | null): void {
    this.anchor = el ? { el, top: el.getBoundingClientRect().top, scrollY: this.win.scrollY } : null;
  }

  /**
   * The element to keep in place when nothing is pressed: the focused one on screen, else the one at
   * the middle of the screen. An element about to be replaced (in a waiting placeholder, found by
   * `replacedBy`) is not kept: the placeholder's parent stands for it.
   */
  private pickAnchor(): void {
    const { win, pressed } = this;
    if (pressed) return this.setAnchor(pressed);
    if (win.scrollY <= 0) return this.setAnchor(null);
    const focused = win.document.activeElement;
    const middle = (): Element | null => win.document.elementFromPoint(win.innerWidth / 2, win.innerHeight / 2);
    let el: Element | null = focused && focused !== win.document.body && onScreen(focused, win.innerHeight) ? focused : middle();
    const placeholder = el && this.replacedBy(el);
    if (placeholder) el = placeholder.parentElement;
    // Between cells (or in a margin): the first cell that reaches the middle of the screen.
    if (el && holdsCells(el)) {
      el = [...el.querySelectorAll('[data-cell]')].find((cell) => cell.getBoundingClientRect().bottom > win.innerHeight / 2) ?? null;
    }
    this.setAnchor(el);
  }

  /**
   * Scrolls so that the anchor is back where it was (what is above it, or it, changed size). Only
   * layout moves it back: if the page was scrolled since (a click that scrolls to a cell, a focus
   * that brings an editor into view), that scroll is wanted, and the anchor is taken anew. Cheap
   * when nothing is kept.
   */
  keepInPlace(): void {
    const { anchor, win } = this;
    if (!anchor || !this.active()) return;
    if (!anchor.el.isConnected || Math.abs(win.scrollY - anchor.scrollY) >= 1) {
      this.pickAnchor();
      return;
    }
    const delta = anchor.el.getBoundingClientRect().top - anchor.top;
    if (Math.abs(delta) < 0.5) return;
    win.scrollBy({ top: delta, behavior: 'instant' });
    // Where the page could go (the end of the page may stop it short): later changes finish the move.
    anchor.scrollY = win.scrollY;
    this.ownScrollY = win.scrollY;
  }

  private onScroll(): void {
    if (!this.active()) return;
    const own = this.ownScrollY !== null && Math.abs(this.win.scrollY - this.ownScrollY) < 1;
    this.ownScrollY = null;
    if (!own) this.pickAnchor();
  }

  /**
   * While parts mount: keeps the anchor when `el`'s cell changes size. `replaced` finds the waiting
   * placeholder an element is in. The keeping stops `keepAfterMs` after `stopKeepingSoon`.
   */
  keepWhileMounting(el: Element, replaced: (el: Element) => Element | null): void {
    if (!this.Sizes) return;
    this.win.clearTimeout(this.mountingEnds);
    this.replacedBy = replaced;
    if (!this.sizes) {
      this.sizes = new this.Sizes(() => this.keepInPlace());
      // The whole page too: what changes in a cell without parts waiting still moves what is below.
      this.sizes.observe(this.win.document.body);
      this.setNativeAnchoring();
      this.pickAnchor();
    }
    this.sizes.observe(el.closest('[data-cell]') ?? el.parentElement ?? el);
  }

  /** Nothing waits to mount any more. */
  stopKeepingSoon(): void {
    this.win.clearTimeout(this.mountingEnds);
    this.mountingEnds = this.win.setTimeout(() => {
      this.sizes?.disconnect();
      this.sizes = null;
      if (!this.pressed) this.anchor = null;
      this.setNativeAnchoring();
    }, keepAfterMs);
  }

  private press(event: PointerEvent): void {
    if (!event.isPrimary) return;
    this.win.clearTimeout(this.releasing);
    const target = event.target;
    this.pressed = isElement(target) && !holdsCells(target) ? target : null;
    if (this.pressed) this.setAnchor(this.pressed);
    else if (this.sizes) this.pickAnchor();
    this.setNativeAnchoring();
  }

  /** The press is over `afterMs` from now. */
  private release(afterMs: number): void {
    if (!this.pressed) return;
    this.win.clearTimeout(this.releasing);
    this.releasing = this.win.setTimeout(() => {
      this.pressed = null;
      if (this.sizes) this.pickAnchor();
      else this.anchor = null;
      this.setNativeAnchoring();
    }, afterMs);
  }
}
