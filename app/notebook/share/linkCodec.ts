// What Share and an opened link load on first use (one lazy chunk, with fflate): the codec and the structure of a link.
export { decodeEdits, encodeLink, maxLinkEditsChars, otherVersionIds } from './linkEdits';
export { linkContentOf, planLink } from './linkStructure';
