// The `edits=` part of the location hash, apart from the codec so the page reads it without loading fflate.
import { parseHash } from '../params/urlHash';

/** The hash key the edits travel under; the parameters panel passes unknown keys through. */
export const linkEditsKey = 'edits';

/** The `edits=` value in a location hash, if any. */
export function editsInHash(hash: string): string | null {
  return parseHash(hash).other.get(linkEditsKey) ?? null;
}

/**
 * The hash with its `edits=` part replaced (or removed when `value` is null). Every other part is
 * kept as written, so the parameters panel's network stays exactly as the student sees it.
 */
export function hashWithEdits(hash: string, value: string | null): string {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const parts = body.split('&').filter((p) => p !== '' && p.split('=')[0] !== linkEditsKey);
  if (value !== null) parts.push(`${linkEditsKey}=${value}`);
  return parts.length === 0 ? '' : `#${parts.join('&')}`;
}
