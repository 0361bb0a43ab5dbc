// Speaker notes: `<!-- notes: ... -->` in a text cell. A comment, so the slide and the notebook never show it.

const notesComment = /<!--\s*notes:?\s*([\s\S]*?)\s*-->/gi;

/** The speaker notes a markdown text holds, in order, each trimmed. */
export function notesIn(markdown: string): string[] {
  return [...markdown.matchAll(notesComment)].map((m) => m[1].trim()).filter((n) => n !== '');
}

/** A code fence or span (kept as written: it may show the marker as an example), or a speaker note. */
const codeOrNote = /((?:^|\n) {0,3}(`{3,}|~{3,})[\s\S]*?\n {0,3}\2[^\n]*|`[^`\n]*`)|<!--\s*notes:?\s*[\s\S]*?-->/gi;

/** The notes of one cell (or one slide segment of it): what the presenter reads while it is up. */
export function speakerNotes(markdown: string): string[] {
  return notesIn(markdown.replace(codeOrNote, (match: string, code: string | undefined) => (code === undefined ? match : code.startsWith('\n') ? '\n' : '')));
}

/** The text without its speaker notes: what the notebook and the slides render (raw HTML would show as text). */
export function withoutSpeakerNotes(markdown: string): string {
  return markdown.replace(codeOrNote, (...groups: (string | undefined)[]) => groups[1] ?? '');
}
