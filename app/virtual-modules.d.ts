// Modules Vite plugins of this project make up at build time.
declare module 'virtual:lesson-html' {
  /** [markdown source, its HTML] for each of the lesson's `cells/*.md` (see vite.lessonHtml.ts). */
  const pairs: [string, string][];
  export default pairs;
}
