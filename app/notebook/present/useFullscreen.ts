// The Fullscreen API as a hook: whether the page is full screen, a toggle, and why a request was refused.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Fullscreen {
  active: boolean;
  /** Set when the browser refused or cannot go full screen; cleared after a while. */
  problem: string | null;
  toggle(): void;
}

const problemShownMs = 8000;
const fallback = "use the browser's own full-screen key (F11, or Ctrl+Cmd+F on a Mac)";

export function useFullscreen(): Fullscreen {
  const [active, setActive] = useState(() => document.fullscreenElement !== null);
  const [problem, setProblem] = useState<string | null>(null);
  const enteredHere = useRef(false);

  useEffect(() => {
    const onChange = (): void => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      // Full screen the presentation asked for ends with it.
      if (enteredHere.current && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  useEffect(() => {
    if (!problem) return;
    const timer = setTimeout(() => setProblem(null), problemShownMs);
    return () => clearTimeout(timer);
  }, [problem]);

  const toggle = useCallback(() => {
    if (document.fullscreenElement) {
      void document.exitFullscreen().catch(() => undefined);
      return;
    }
    const root = document.documentElement;
    // iPhone Safari has no Fullscreen API for pages; an iframe without allowfullscreen says not enabled.
    if (typeof root.requestFullscreen !== 'function' || !document.fullscreenEnabled) {
      setProblem(`This browser does not let the page go full screen: ${fallback}.`);
      return;
    }
    root.requestFullscreen().then(
      () => {
        enteredHere.current = true;
        setProblem(null);
      },
      (err: unknown) => setProblem(`Full screen was refused (${err instanceof Error ? err.message : String(err)}): ${fallback}.`),
    );
  }, []);

  return { active, problem, toggle };
}
