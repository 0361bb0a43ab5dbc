// Which id a cell from a file or a link keeps here: its own when that is safe, else a fresh one.

/** nbformat 4.5's cell id: 1 to 64 of these characters. */
const nbformatId = /^[A-Za-z0-9_-]{1,64}$/;
/** The shape of a lesson file's id (`05-forward`, `05a-...`): kept for the lesson's cells, never given to a new one. */
const lessonIdShape = /^\d+[ab]?-/;

/**
 * A file's (or a link's) id is kept for a new cell when nbformat allows it, it cannot be mistaken for a lesson
 * cell's (even one the student deleted) and no cell has it; otherwise the cell gets a fresh one.
 */
export function idFor(fileId: string | null, taken: Set<string>, inFile: ReadonlySet<string>, freshId: () => string): string {
  let id = fileId !== null && nbformatId.test(fileId) && !lessonIdShape.test(fileId) && !taken.has(fileId) ? fileId : freshId();
  while (id !== fileId && (taken.has(id) || inFile.has(id))) id = freshId();
  taken.add(id);
  return id;
}
