// Presentation view settings: the slide's zoom, the `?present=N` URL flag and the remembered preferences.

/**
 * Larger screens zoom in from this size, by less than they grow: at 1920x1080 the zoom is 1.2, so
 * text of 20 px on a 720p slide is 24 px, and the slide has 1600x900 of its own pixels, more room
 * than 720p's 1280x720 (a 720p layout merely scaled by 1.5 would have none).
 */
export const designWidthPx = 1600;
export const designHeightPx = 900;

/** The presenter's `+`/`-` steps, multiplied onto the screen's own zoom. */
export const scaleSteps = [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.4, 1.6, 1.8, 2, 2.5, 3] as const;

/** The zoom that makes the design size fill a `widthPx` x `heightPx` viewport; never below 1 (720p and smaller keep the slide's own sizes). */
export function fitZoom(widthPx: number, heightPx: number): number {
  return Math.max(1, Math.min(widthPx / designWidthPx, heightPx / designHeightPx));
}

/** The next step up (`direction` 1) or down (-1) from `scale`; an off-table scale snaps to the nearest step that way. */
export function stepScale(scale: number, direction: 1 | -1): number {
  const steps: readonly number[] = scaleSteps;
  if (direction > 0) return steps.find((s) => s > scale + 1e-9) ?? steps[steps.length - 1];
  return [...steps].reverse().find((s) => s < scale - 1e-9) ?? steps[0];
}

/** The query key that opens the notebook as slides: `?present` (slide 1) or `?present=3`. */
export const presentParam = 'present';

/**
 * The 1-based slide a URL's query asks for, or null when it does not ask for a presentation.
 * A bare or unreadable value means slide 1. The hash is not used: it holds the network.
 */
export function readPresentParam(search: string): number | null {
  const value = new URLSearchParams(search).get(presentParam);
  if (value === null) return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** `href` with the presentation flag set to slide `slideNumber` (1-based), or removed (null); other parts kept. */
export function withPresentParam(href: string, slideNumber: number | null): string {
  const url = new URL(href);
  if (slideNumber === null) url.searchParams.delete(presentParam);
  else url.searchParams.set(presentParam, String(slideNumber));
  return url.href;
}

export interface PresentPrefs {
  highContrast: boolean;
  scale: number;
}

export const prefsKey = 'jacobian-notebook/presentation';
export const defaultPrefs: PresentPrefs = { highContrast: false, scale: 1 };

/** Saved preferences, or the defaults for anything missing or unreadable (never throws). */
export function parsePrefs(raw: string | null): PresentPrefs {
  if (raw === null) return defaultPrefs;
  try {
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null) return defaultPrefs;
    const { highContrast, scale } = data as Record<string, unknown>;
    const steps: readonly unknown[] = scaleSteps;
    return {
      highContrast: typeof highContrast === 'boolean' ? highContrast : defaultPrefs.highContrast,
      scale: steps.includes(scale) ? (scale as number) : defaultPrefs.scale,
    };
  } catch {
    return defaultPrefs;
  }
}
