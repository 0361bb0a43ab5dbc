// Which URLs the page may load by itself (images in markdown and figures): its own site's, never another's.

/** A stand-in page address where there is no page (server rendering): only the origin matters. */
const noPage = 'https://page.invalid/notebook/';

const pageBase = (): string => (typeof document === 'undefined' ? noPage : document.baseURI);

/**
 * Whether an image source stays on this site: resolved as the browser would (`new URL` against the
 * page), it has the page's origin. Everything else (another site, `//host/x.png`, `/\host/x.png`,
 * which browsers read as `//host`, and what markdown's URL transform emptied: `javascript:`,
 * `data:`) is not loaded, so content from a link cannot make the page call another site (or track
 * who opened it). An absolute URL of the page's own origin is refused too: relative paths only.
 */
export function isSameSiteImage(src: string | undefined, base: string = pageBase()): src is string {
  // The URL parser skips leading spaces and control characters: so does this check for a scheme.
  let start = 0;
  while (start < (src?.length ?? 0) && (src as string).charCodeAt(start) <= 0x20) start++;
  if (!src || /^[a-z][a-z0-9+.-]*:/i.test(src.slice(start))) return false;
  try {
    return new URL(src, base).origin === new URL(base).origin;
  } catch {
    return false;
  }
}

/** An image a figure may show: one of this site, or one carried inside the figure (a data:image URL). */
const isFigureImage = (source: unknown): boolean =>
  typeof source === 'string' && (/^data:image\//i.test(source.trim()) || isSameSiteImage(source));

/**
 * A Plotly layout without the images it would fetch from another site (`layout.images[].source`),
 * and how many were left out. The page's Content-Security-Policy would refuse them too; leaving them
 * out means no refused request and no console error for the student to wonder about.
 */
export function withoutForeignImages(layout: Record<string, unknown> | undefined): { layout: Record<string, unknown> | undefined; dropped: number } {
  const images = layout?.images;
  if (!layout || !Array.isArray(images)) return { layout, dropped: 0 };
  const kept = images.filter((image) => isFigureImage((image as { source?: unknown } | null)?.source));
  return { layout: { ...layout, images: kept }, dropped: images.length - kept.length };
}

/** Where a link may take the reader: an http(s) address, resolved against the page, else null (javascript:, data:, ...). */
export function safeLinkUrl(href: string | null | undefined, base: string = pageBase()): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Links inside `container` (Plotly draws `<a>` from a figure's text, with whatever `target` the
 * figure says) open in a new tab with no opener, http(s) only: a figure cannot send the notebook's
 * own tab elsewhere. Returns the function that stops it.
 */
export function openLinksApart(container: HTMLElement): () => void {
  const onClick = (event: MouseEvent): void => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link || !container.contains(link)) return;
    event.preventDefault();
    event.stopPropagation();
    const url = safeLinkUrl(link.getAttribute('href') ?? link.getAttribute('xlink:href'));
    if (url && event.type === 'click') window.open(url, '_blank', 'noopener,noreferrer');
  };
  container.addEventListener('click', onClick, true);
  container.addEventListener('auxclick', onClick, true);
  return () => {
    container.removeEventListener('click', onClick, true);
    container.removeEventListener('auxclick', onClick, true);
  };
}
