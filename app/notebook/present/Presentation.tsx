// Presentation mode: the notebook's own cells shown one slide at a time, with a clicker's keys, zoom, and a control bar.
import { use, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { keptRestoreWaitMs, KeptRestoreContext } from '../kept/restoreGate';
import { ownKeysSelector } from '../keys';
import { useNotebookStore, useRunCells } from '../notebookContext';
import type { NotebookState } from '../notebookState';
import { useStoreState } from '../store';
import { PresentBar } from './PresentBar';
import { presentCommandForKey, type PresentCommand } from './presentKeys';
import { defaultPrefs, fitZoom, parsePrefs, prefsKey, stepScale, withPresentParam, type PresentPrefs } from './presentView';
import { slideCss, slideOfCell, slidesFrom, type Slide } from './slides';
import { PresenterPanel } from './PresenterPanel';
import { idsToRun, planRunAll, uncheckedRunAllNotice } from '../habits/runAllPlan';
import { isPresenterWindow, openPresenterSync, presenterHref, typeSlideNumber, type SlidePosition } from './presenterSync';
import { cellsToRunFor } from './runOnEntry';
import { clearSteps, laterClass, showStep, slideBlocks } from './stepLayout';
import { shownSteppers } from './steps';
import { useFullscreen } from './useFullscreen';
import { useSlideSwipe } from './swipe';
import { useCompactToolbar } from '../toolbar/useCompactToolbar';
import './present.css';

/** The bar under the slide, in CSS pixels at the design size (it zooms with the screen, not with `+`/`-`). */
const barHeightPx = 48;

/** A plot without a height of its own is this share of the slide's height (at the default scale). */
const plotShare = 0.62;

const selectCells = (s: NotebookState) => s.cells;

function loadPrefs(): PresentPrefs {
  try {
    return parsePrefs(localStorage.getItem(prefsKey));
  } catch {
    return defaultPrefs;
  }
}

function savePrefs(prefs: PresentPrefs): void {
  try {
    localStorage.setItem(prefsKey, JSON.stringify(prefs));
  } catch {
    // Private modes refuse storage: the preference then lasts as long as the page.
  }
}

/** The cell a slide selects when shown: its first code cell (Shift+Enter then runs it), else its first cell. */
function cellToSelect(state: NotebookState, slide: Slide): string | null {
  const ids = slide.parts.map((p) => p.cellId);
  return ids.find((id) => state.cells.some((c) => c.id === id && c.type === 'code')) ?? ids[0] ?? null;
}

function useViewport(): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const onResize = (): void =>
      setSize((s) => (s.width === window.innerWidth && s.height === window.innerHeight ? s : { width: window.innerWidth, height: window.innerHeight }));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

/** A class on <html> while `on`; removed when the presentation ends. */
function useRootClass(name: string, on: boolean): void {
  useEffect(() => {
    document.documentElement.classList.toggle(name, on);
    return () => document.documentElement.classList.remove(name);
  }, [name, on]);
}

export interface PresentationProps {
  /** 0-based slide to open at; null: the slide of the selected cell. */
  startSlide: number | null;
  onLeave(): void;
}

export function Presentation({ startSlide, onLeave }: PresentationProps) {
  const store = useNotebookStore();
  const cells = useStoreState(store, selectCells);
  const slides = useMemo(() => slidesFrom(cells), [cells]);
  const [index, setIndex] = useState(() => {
    const found = startSlide ?? slideOfCell(slides, store.getState().selectedId ?? '');
    return Math.max(0, Math.min(slides.length - 1, found));
  });
  const at = Math.max(0, Math.min(slides.length - 1, index));
  const indexNow = useRef(at);
  const slide: Slide | undefined = slides[at];
  const [prefs, setPrefs] = useState(loadPrefs);
  const [hideCode, setHideCode] = useState(false);
  const viewport = useViewport();
  const fit = fitZoom(viewport.width, viewport.height);
  const zoom = fit * prefs.scale;
  const fullscreen = useFullscreen();
  const compact = useCompactToolbar();
  const runCells = useRunCells();
  const keptRestored = use(KeptRestoreContext);
  const [presenter] = useState(() => isPresenterWindow(location.search));
  const [typed, setTyped] = useState('');
  const typedNow = useRef('');
  const [black, setBlack] = useState(false);
  const [pointer, setPointer] = useState(false);
  const entered = useRef({ scrollY: window.scrollY, slide: at });
  const shown = useRef({ at, slide });
  useEffect(() => {
    shown.current = { at, slide };
    indexNow.current = at;
  });

  // The Present button is gone with the header: keyboard and screen-reader focus starts at the bar.
  const barRef = useRef<HTMLDivElement>(null);
  useEffect(() => barRef.current?.focus({ preventScroll: true }), []);

  useRootClass('presenting', true);
  useRootClass('theme-contrast', prefs.highContrast);
  useRootClass('present-hide-code', hideCode);
  useRootClass('presenter-window', presenter);
  useRootClass('present-pointer', pointer);
  useEffect(() => savePrefs(prefs), [prefs]);

  // Sizes every rule in present.css works from: the zoom, and the slide's height in its own (zoomed) pixels.
  useEffect(() => {
    const root = document.documentElement.style;
    root.setProperty('--present-zoom', String(zoom));
    root.setProperty('--present-fit', String(fit));
    root.setProperty('--present-bar-h', `${barHeightPx * fit}px`);
    root.setProperty('--present-slide-h', `${(viewport.height - barHeightPx * fit) / zoom}px`);
    // Plots take a share of the screen's slide before the presenter's +/-, so +/- scale them like the rest.
    root.setProperty('--present-plot-h', `${((viewport.height - barHeightPx * fit) / fit) * plotShare}px`);
    // Plotly re-lays out responsive plots on resize: plots grow and shrink with the zoom, and a
    // plot drawn while its slide was hidden gets its real size once shown.
    window.dispatchEvent(new Event('resize'));
    return () => {
      for (const name of ['--present-zoom', '--present-fit', '--present-bar-h', '--present-slide-h', '--present-plot-h']) root.removeProperty(name);
    };
  }, [zoom, fit, viewport.height, at]);

  // The slide's steps (stepLayout.ts): laid out again whenever outputs, sizes or the step change.
  const wantStep = useRef(0);
  const [steps, setSteps] = useState({ count: 1, at: 0 });
  const relayout = useRef<() => void>(() => undefined);
  useEffect(() => {
    const main = document.querySelector<HTMLElement>('main.notebook');
    if (!main) return;
    let frame = 0;
    const watch = new ResizeObserver(() => schedule());
    const schedule = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const result = showStep(main, wantStep.current);
        wantStep.current = result.at;
        setSteps((s) => (s.count === result.count && s.at === result.at ? s : result));
        watch.observe(main);
        for (const block of slideBlocks(main)) for (const el of block) watch.observe(el);
      });
    };
    const unsubscribe = store.subscribe(schedule);
    relayout.current = schedule;
    schedule();
    return () => {
      cancelAnimationFrame(frame);
      relayout.current = () => undefined;
      watch.disconnect();
      unsubscribe();
      clearSteps(main);
    };
  }, [store, at, zoom, hideCode]);

  // The other window (audience or presenter) follows this one's slide and part, and this one the other's.
  const sync = useRef<{ moved(position: SlidePosition): void; close(): void } | null>(null);
  const goRef = useRef<(to: number, step?: number) => void>(() => undefined);
  const shownPosition = useRef<SlidePosition>({ slide: at, step: 0, black: false });
  // Set by this window's own moves (keys, the bar, Shift+Enter), cleared by following the other's: only own moves are sent.
  const movedHere = useRef(false);
  useEffect(() => {
    const channel = openPresenterSync(
      presenter,
      () => shownPosition.current,
      (position) => {
        movedHere.current = false;
        setBlack(position.black);
        const now = shownPosition.current;
        if (now.slide === position.slide && now.step === position.step) return;
        if (position.slide === now.slide) {
          wantStep.current = position.step;
          relayout.current();
        } else goRef.current(position.slide, position.step);
      },
    );
    sync.current = channel;
    return () => channel?.close();
  }, [presenter]);
  useEffect(() => {
    shownPosition.current = { slide: at, step: steps.at, black };
    if (movedHere.current) sync.current?.moved(shownPosition.current);
  }, [at, steps.at, black]);

  // The pointer: a dot that follows the mouse over the slide while switched on.
  const pointerRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!pointer) return;
    const move = (e: PointerEvent): void => {
      const dot = pointerRef.current;
      if (dot) dot.style.transform = `translate(${e.clientX}px, ${e.clientY}px)`;
    };
    window.addEventListener('pointermove', move);
    return () => window.removeEventListener('pointermove', move);
  }, [pointer]);

  // A slide never opens empty: cells not run yet on it (and those above it they may need) run as it comes up.
  // On a fresh page (a link, a reload) only once the previous session's outputs are back: they need no run.
  useEffect(() => {
    if (!slide || !runCells) return;
    let moved = false;
    const runWhatIsMissing = (): void => {
      if (moved) return;
      const ids = cellsToRunFor(store.getState().cells, slide);
      if (ids.length > 0) runCells(ids);
    };
    if (keptRestored.settled) runWhatIsMissing();
    else void keptRestored.wait(keptRestoreWaitMs).then(runWhatIsMissing);
    return () => {
      moved = true;
    };
  }, [slide, runCells, store, keptRestored]);

  // The slide in the address bar, so a reload (or a bookmark) comes back to it.
  useEffect(() => {
    history.replaceState(history.state, '', withPresentParam(location.href, at + 1));
    window.scrollTo(0, 0);
  }, [at]);

  const go = useCallback(
    (to: number, step = 0) => {
      const next = Math.max(0, Math.min(slides.length - 1, to));
      wantStep.current = step;
      relayout.current();
      // Before the selection moves: the listener above must see the slide it moves onto.
      indexNow.current = next;
      setIndex(next);
      const target = slides[next];
      const id = target ? cellToSelect(store.getState(), target) : null;
      if (id) store.dispatch({ type: 'select', id, mode: 'command' });
    },
    [slides, store],
  );

  useEffect(() => {
    goRef.current = go;
  }, [go]);

  // Shift+Enter moving the selection onto another slide's cell brings that slide up.
  useEffect(() => {
    let last = store.getState().selectedId;
    return store.subscribe(() => {
      const { selectedId, cells: now } = store.getState();
      if (selectedId === last) return;
      last = selectedId;
      const all = slidesFrom(now);
      const current = all[indexNow.current];
      if (!selectedId || !current || current.parts.some((p) => p.cellId === selectedId)) return;
      const found = slideOfCell(all, selectedId);
      if (found < 0) return;
      indexNow.current = found;
      wantStep.current = 0;
      movedHere.current = true;
      setIndex(found);
    });
  }, [store]);

  // Leaving: the address loses the flag, and the notebook shows where the presentation was.
  useEffect(() => {
    const start = entered.current;
    const now = shown;
    return () => {
      const last = now.current;
      history.replaceState(history.state, '', withPresentParam(location.href, null));
      // After React has dropped the slide styles, so the notebook's layout is back.
      requestAnimationFrame(() => leaveTo(last.at === start.slide ? null : last.slide, start.scrollY));
    };
  }, []);

  const doCommand = useCallback(
    (command: PresentCommand) => {
      if (command === 'next' || command === 'previous' || command === 'first' || command === 'last' || command === 'black') movedHere.current = true;
      switch (command) {
        case 'next':
        case 'previous': {
          const direction = command === 'next' ? 1 : -1;
          // A view on the slide with steps of its own takes them first (steps.ts), then the slide's steps, then the slide.
          if (shownSteppers(onCurrentStep).some((s) => s.step(direction))) return;
          const stepTo = steps.at + direction;
          if (stepTo >= 0 && stepTo < steps.count) {
            wantStep.current = stepTo;
            return relayout.current();
          }
          return go(at + direction, direction < 0 ? Number.MAX_SAFE_INTEGER : 0);
        }
        case 'first':
          return go(0);
        case 'last':
          return go(slides.length - 1);
        case 'scaleUp':
        case 'scaleDown':
          return setPrefs((p) => ({ ...p, scale: stepScale(p.scale, command === 'scaleUp' ? 1 : -1) }));
        case 'scaleReset':
          return setPrefs((p) => ({ ...p, scale: defaultPrefs.scale }));
        case 'toggleCode':
          return setHideCode((h) => !h);
        case 'toggleContrast':
          return setPrefs((p) => ({ ...p, highContrast: !p.highContrast }));
        case 'fullscreen':
          return fullscreen.toggle();
        case 'black':
          return setBlack((b) => !b);
        case 'pointer':
          return setPointer((p) => !p);
        case 'presenterView':
          return void window.open(presenterHref(location.href), 'jacobian-notebook-presenter', 'popup');
        case 'runAll':
          // As the notebook's Run all, without its question (a class is watching): the trusted cells that do not need untrusted code.
          return void planRunAll(store.getState().cells).then(
            (plan) => runCells?.(idsToRun(plan)),
            // An error notice: the only kind a slide shows.
            () => store.dispatch({ type: 'notice', notice: { id: 'run-all', tone: 'error', text: uncheckedRunAllNotice } }),
          );
        case 'leave':
          return onLeave();
        default: {
          const never: never = command;
          throw new Error(`presentation: unknown command ${String(never)}`);
        }
      }
    },
    [at, go, slides.length, fullscreen, onLeave, steps, runCells, store],
  );

  // Capture phase: the slide keys win over the notebook's command keys and the page's own scrolling.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented) return;
      if (e.target instanceof Element && e.target.closest(`${ownKeysSelector}, [role="menu"]`)) return;
      if (document.querySelector('dialog[open]')) return;
      // A slide's number then Enter jumps there; digits and Enter mean nothing else on a slide.
      if (!e.ctrlKey && !e.metaKey && !e.altKey) {
        const typing = typeSlideNumber(typedNow.current, e.key);
        if (typing.used) {
          e.preventDefault();
          typedNow.current = typing.digits;
          setTyped(typing.digits);
          if (typing.goTo !== null) {
            movedHere.current = true;
            go(typing.goTo - 1);
          }
          return;
        }
      }
      const command = presentCommandForKey(e);
      if (!command) return;
      e.preventDefault();
      doCommand(command);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [doCommand, go]);

  useSlideSwipe(doCommand);

  const title = slide?.title ?? 'No slides';
  return (
    <>
      {/* Outside print: a printed handout shows the whole notebook, whatever slide is up. */}
      {slide && <style>{`@media screen {\n${slideCss(slide)}\n}`}</style>}
      <PresentBar
        ref={barRef}
        at={at}
        count={slides.length}
        step={steps}
        title={title}
        scale={prefs.scale}
        hideCode={hideCode}
        highContrast={prefs.highContrast}
        fullscreen={fullscreen.active}
        typed={typed}
        presenter={presenter}
        compact={compact}
        onCommand={doCommand}
      />
      {presenter && <PresenterPanel cells={cells} slides={slides} at={at} step={steps} />}
      {/* The room's screen goes black; the presenter's window keeps its notes and timer, and says the screen is black. */}
      {black && !presenter && (
        <div
          className="present-black"
          data-testid="present-black"
          onClick={() => {
            movedHere.current = true;
            setBlack(false);
          }}
        />
      )}
      {black && presenter && (
        <p className="present-black-mark" data-testid="present-black-mark" role="status">
          Screen is black (B brings the slide back)
        </p>
      )}
      {pointer && <div className="present-pointer-dot" ref={pointerRef} aria-hidden="true" />}
      {fullscreen.problem && (
        <p className="present-problem" role="alert">
          {fullscreen.problem}
        </p>
      )}
      <p className="sr-only" role="status" aria-live="polite" data-testid="slide-announcement">
        {`Slide ${at + 1} of ${slides.length}: ${title}`}
      </p>
    </>
  );
}

/** Whether `el` is shown whole or in part on the slide's current step (not cut and hidden by it). */
function onCurrentStep(el: HTMLElement): boolean {
  if (el.getClientRects().length === 0 || el.closest(`.${laterClass}`)) return false;
  const box = el.getBoundingClientRect();
  return box.bottom > 0 && box.top < innerHeight;
}

/** Back in the notebook: at the slide's first cell, or where the reader was if the slide never changed (null). */
function leaveTo(slide: Slide | null | undefined, scrollY: number): void {
  const first = slide?.parts[0]?.cellId;
  const el = first === undefined ? null : document.querySelector<HTMLElement>(`[data-cell="${CSS.escape(first)}"]`);
  if (!el) {
    window.scrollTo(0, scrollY);
    return;
  }
  el.scrollIntoView({ block: 'start' });
  el.focus({ preventScroll: true });
}
