// The lesson's text cells rendered to HTML when the site is built: the page shows them without parsing markdown or typesetting KaTeX.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runnerImport, type Plugin } from 'vite';

export const lessonHtmlId = 'virtual:lesson-html';
const resolvedId = `\0${lessonHtmlId}`;

/**
 * `import lessonHtml from 'virtual:lesson-html'`: pairs of [markdown source as the notebook shows
 * it, its HTML], one per `cells/*.md` file. The HTML comes from the app's own Markdown components (app/notebook/prerender.tsx,
 * loaded through Vite's module runner), so it is what the browser would render, formulas typeset.
 * A cell whose text differs (a student's edit, an imported notebook) finds no pair and renders in
 * the browser as before.
 */
export function lessonHtml(cellsDir: string): Plugin {
  return {
    name: 'lesson-html',
    resolveId: (id) => (id === lessonHtmlId ? resolvedId : undefined),
    async load(id) {
      if (id !== resolvedId) return undefined;
      const { module, dependencies } = await runnerImport<typeof import('./app/notebook/prerender')>('/app/notebook/prerender.tsx', {
        configFile: false,
        root: import.meta.dirname,
        logLevel: 'error',
      });
      const files = readdirSync(cellsDir)
        .filter((name) => name.endsWith('.md') && name !== 'README.md')
        .sort();
      const pairs = files.map((name) => {
        const path = join(cellsDir, name);
        this.addWatchFile(path);
        return module.renderLessonCell(readFileSync(path, 'utf8'));
      });
      for (const dependency of dependencies) if (!dependency.includes('node_modules')) this.addWatchFile(dependency);
      return `export default ${JSON.stringify(pairs)};`;
    },
  };
}
