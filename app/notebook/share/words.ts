// Counts, lists and sizes as the share, export and import messages say them.

/** `5 MB`, `1.2 MB`, `34 kB`: sizes as a person reads them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** `1 cell`, `3 cells`. */
export const cellsCount = (n: number): string => `${n} cell${n === 1 ? '' : 's'}`;

/** `a, b and c`. */
export function listIds(ids: readonly string[]): string {
  return ids.length <= 1 ? (ids[0] ?? '') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}
