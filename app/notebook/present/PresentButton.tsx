// The toolbar's `Present` button, the `P` key and the `?present=N` address that open presentation mode.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { ToolbarButton, useFocusAction } from '../toolbar/ToolbarButton';
import { isPresentKey } from './presentKeys';
import { readPresentParam } from './presentView';
import { ownKeysSelector } from '../keys';

// Slides are not part of the first screen's scripts: they load once the page is idle, or when first shown.
const loadPresentation = () => import('./Presentation');
const Presentation = lazy(() => loadPresentation().then((m) => ({ default: m.Presentation })));

/** Rendered in the notebook's toolbar (`extraActions`); the slides themselves are the notebook's own cells. */
export function PresentButton() {
  // undefined: not presenting; null: open at the selected cell's slide; n: open at slide n (0-based).
  const [start, setStart] = useState<number | null | undefined>(() => {
    const fromUrl = readPresentParam(location.search);
    return fromUrl === null ? undefined : fromUrl - 1;
  });
  const presenting = start !== undefined;
  const button = useRef<HTMLButtonElement>(null);
  const focusBack = useFocusAction(button);
  const leave = useCallback(() => {
    setStart(undefined);
    // Focus comes back here (on a phone, to More), unless the presentation hands it to the cell of the slide it left at.
    requestAnimationFrame(() => {
      if (document.activeElement === document.body || document.activeElement === null) focusBack();
    });
  }, [focusBack]);

  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1000));
    idle(() => void loadPresentation());
  }, []);

  useEffect(() => {
    if (presenting) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || !isPresentKey(e)) return;
      if (e.target instanceof Element && e.target.closest(ownKeysSelector)) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      setStart(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [presenting]);

  return (
    <>
      <ToolbarButton ref={button} onClick={() => setStart(null)} aria-pressed={presenting} title="Show the notebook as slides (P)">
        <span aria-hidden="true">▭ </span>Present
      </ToolbarButton>
      {presenting &&
        createPortal(
          <Suspense fallback={null}>
            <Presentation startSlide={start} onLeave={leave} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
