// Counts, lists and sizes as the share, export and import messages say them.
import type { LinkContent } from './linkEdits';

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

/** What a link carries, as the confirmation says it: `the network, 2 cells you edited, 1 new cell and the order of the cells`. */
export function linkWhat(content: Pick<LinkContent, 'edits' | 'structure'>): string {
  const parts = ['the network'];
  if (content.edits.length > 0) parts.push(`${cellsCount(content.edits.length)} you edited`);
  if (content.structure) {
    const { added, deleted } = content.structure;
    if (added.length > 0) parts.push(`${added.length} new cell${added.length === 1 ? '' : 's'}`);
    if (deleted.length > 0) parts.push(`${deleted.length} deleted cell${deleted.length === 1 ? '' : 's'}`);
    parts.push('the order of the cells');
  }
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
