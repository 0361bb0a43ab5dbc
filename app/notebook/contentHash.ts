// A short, stable fingerprint of a cell's original text, to tell whether the lesson changed under an edit.

const fnvOffset32 = 0x811c9dc5;
const fnvPrime32 = 0x01000193;

/** FNV-1a (32 bit) over the UTF-8 bytes of `text`, as 8 hex digits. */
export function fnv1a32(text: string): string {
  let hash = fnvOffset32;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, fnvPrime32) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The fingerprint stored with each saved edit: the text's length plus its FNV-1a hash. Not a
 * security measure (nobody gains by forging it); it only has to notice that a lesson cell changed.
 */
export function contentHash(text: string): string {
  return `${text.length}-${fnv1a32(text)}`;
}
