// Which URLs the page may load by itself (images in markdown and figures): its own site's, never another's.

/**
 * Whether an image source stays on this site: a relative path. Everything else (another site,
 * `//host/x.png`, and what markdown's URL transform emptied: `javascript:`, `data:`) is not loaded,
 * so content from a link cannot make the page call another site (or track who opened it).
 */
export function isSameSiteImage(src: string | undefined): src is string {
  if (!src || src.startsWith('//') || src.startsWith('\\\\')) return false;
  return !/^[a-z][a-z0-9+.-]*:/i.test(src);
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
