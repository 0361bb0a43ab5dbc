// Hostile content through every way into the page (link values, a link's edits, an imported notebook, a student's
// markdown, a cell's display.* outputs, Plotly titles and hovers): nothing runs, no dialog opens, nothing leaves the site.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contentHash } from '../app/notebook/contentHash';
import { encodeEdits } from '../app/notebook/share/linkEdits';
import { evilHost, hostileCellCode, hostileMarkdownText, hostileStrings } from '../app/notebook/testing/hostile';
import { launch, type Session } from './browser';
import { cellOf } from './profiles';

const markdownCell = '01-the-network';
const codeCell = '25-recap';


/** Records, before any script of the page runs, every Content-Security-Policy violation. */
const recordViolations = (): void => {
  const seen: string[] = [];
  (window as unknown as { cspViolations: string[] }).cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
};

/** What in the live page could have run or loaded something: handlers, script URLs, frames, foreign scripts and images. */
function pageProblems(page: Page): Promise<string[]> {
  return page.evaluate((host) => {
    const problems: string[] = [];
    if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined) problems.push('window.__pwned was set');
    for (const el of document.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) problems.push(`${tag} has ${name}`);
        if (['href', 'src', 'xlink:href', 'action', 'formaction'].includes(name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(attr.value)) {
          problems.push(`${tag} ${name}="${attr.value.slice(0, 40)}"`);
        }
        if (attr.value.includes(host) && ['src', 'href', 'xlink:href', 'style'].includes(name) && tag !== 'a') problems.push(`${tag} ${name} loads from ${host}`);
      }
      // The one frame allowed: the kernel's, a file of the site (whose inner frame is sandboxed).
      const kernelFrame = tag === 'iframe' && el.hasAttribute('data-kernel-frame') && (el as HTMLIFrameElement).src === new URL('kernel-frame.html', document.baseURI).href;
      if (['iframe', 'object', 'embed', 'frame', 'base'].includes(tag) && !kernelFrame) problems.push(`a <${tag}> element`);
      if (tag === 'script' && !(el as HTMLScriptElement).src.startsWith(location.origin)) problems.push(`a script ${(el as HTMLScriptElement).src || 'inline'}`);
      if (tag === 'style' && (el.textContent ?? '').includes(host)) problems.push(`a style naming ${host}`);
    }
    return problems;
  }, evilHost);
}

/** A fresh profile that records dialogs and popups as well as console errors and off-origin requests. */
async function openWatched(): Promise<Session & { dialogs: string[]; popups: string[] }> {
  const session = await launch(inject('siteOrigin'));
  const dialogs: string[] = [];
  const popups: string[] = [];
  session.page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  session.context.on('page', (p) => popups.push(p.url()));
  await session.page.addInitScript(recordViolations);
  return { ...session, dialogs, popups };
}

type Watched = Awaited<ReturnType<typeof openWatched>>;

/** Runs a test in a fresh watched profile, closed whatever happens. */
async function watched(body: (session: Watched) => Promise<void>): Promise<void> {
  const session = await openWatched();
  try {
    await body(session);
  } finally {
    await session.close();
  }
}

/** Nothing ran, no dialog or window opened, nothing left the site or was even tried (no CSP refusal). */
async function expectNothingHappened(session: Watched): Promise<void> {
  const { page } = session;
  expect(await pageProblems(page)).toEqual([]);
  expect(session.dialogs).toEqual([]);
  expect(session.popups).toEqual([]);
  expect(session.offOrigin).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(session.consoleErrors).toEqual([]);
}

async function waitEnded(page: Page, id: string): Promise<void> {
  await page.waitForFunction((cellId) => ['done', 'error'].includes(document.querySelector(`[data-cell="${cellId}"]`)?.getAttribute('data-cell-status') ?? ''), id, { timeout: 400_000 });
}

async function waitRunsOver(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-cell-status="queued"], [data-cell-status="running"]') === null, undefined, { timeout: 400_000 });
}

/** Moves the mouse over each point of every figure, so Plotly draws its hover labels. */
async function hoverPlots(page: Page): Promise<number> {
  const points = page.locator('.js-plotly-plot .scatterlayer .point');
  const count = await points.count();
  for (let i = 0; i < count; i++) {
    await points.nth(i).scrollIntoViewIfNeeded();
    await points.nth(i).hover({ force: true });
    await page.waitForTimeout(100);
  }
  return count;
}

const enc = encodeURIComponent;

describe('hostile content', () => {
  it('in the network keys of a link: named as text in the notice, the original network in use', () =>
    watched(async (session) => {
      const { page } = session;
      await page.goto(`${inject('siteUrl')}#act=${enc(hostileStrings[1])}&X0=${enc(hostileStrings[0])}&W1=${enc(hostileStrings[2])}&${enc(hostileStrings[5])}=1`);
      await page.reload();
      const notice = page.getByTestId('params-hash-notice');
      await expect(notice.textContent()).resolves.toContain(`act "${hostileStrings[1]}" is unknown`);
      await expect(notice.textContent()).resolves.toContain('X0[0] is not a finite number ("<script>window.__pwned=1</script>")');
      await expect(page.getByTestId('params-status').textContent()).resolves.toContain('(the original network)');
      await expectNothingHappened(session);
    }));

  it("in a link's edits: markdown and code shown as text until trusted; trusted, its outputs show the strings and run nothing", { timeout: 600_000 }, () =>
    watched(async (session) => {
      const { page } = session;
      const edits = encodeEdits([
        { id: markdownCell, originalHash: 'made-elsewhere', source: hostileMarkdownText() },
        { id: codeCell, originalHash: 'made-elsewhere', source: hostileCellCode() },
        { id: hostileStrings[1], originalHash: contentHash('x'), source: hostileStrings[0] },
      ]);
      await page.goto(`${inject('siteUrl')}#edits=${edits}`);
      const banner = page.getByTestId('trust-banner-link');
      await expect(banner.textContent()).resolves.toContain('changed 2 cells');
      await expect(page.locator('.notice').allTextContents()).resolves.toContainEqual(expect.stringContaining(`(${hostileStrings[1]})`));
      const md = cellOf(page, markdownCell);
      await md.scrollIntoViewIfNeeded();
      await expect(md.textContent()).resolves.toContain('<script>window.__pwned=1</script>');
      await expect(cellOf(page, codeCell).locator('pre').first().textContent()).resolves.toContain('display.plot({');
      await expectNothingHappened(session);

      await banner.getByRole('button', { name: 'Trust and run' }).click();
      await waitEnded(page, codeCell);
      await waitRunsOver(page);
      const code = cellOf(page, codeCell);
      expect(await code.getAttribute('data-cell-status')).toBe('error');
      const shown = (await code.locator('.outputs').textContent()) ?? '';
      for (const s of hostileStrings) expect(shown).toContain(s);
      await code.locator('.js-plotly-plot').waitFor();
      expect(await code.locator('.js-plotly-plot .gtitle').textContent()).toContain('click');
      expect(await hoverPlots(page)).toBeGreaterThanOrEqual(3);
      await page.waitForTimeout(500);
      // The figure's image of another site is left out, and said so.
      await expect(code.textContent()).resolves.toContain('1 image of this figure not shown: they are on another site');
      await expectNothingHappened(session);
    }));

  it('in an imported notebook (file name, ids, markdown, code, stored HTML outputs): text, never markup', { timeout: 300_000 }, () =>
    watched(async (session) => {
      const { page } = session;
      await page.goto(inject('siteUrl'));
      const cellOfFile = (id: string, cell_type: 'markdown' | 'code', source: string) => ({
        id,
        cell_type,
        metadata: {},
        source,
        ...(cell_type === 'code'
          ? { execution_count: 1, outputs: [{ output_type: 'display_data', metadata: {}, data: { 'text/html': hostileStrings.join(''), 'text/plain': 'x' } }] }
          : {}),
      });
      const notebook = {
        nbformat: 4,
        nbformat_minor: 5,
        metadata: { kernelspec: { name: 'typescript', display_name: hostileStrings[1], language: 'typescript' } },
        cells: [cellOfFile(markdownCell, 'markdown', hostileMarkdownText()), cellOfFile(codeCell, 'code', hostileCellCode()), cellOfFile(hostileStrings[5], 'code', '1')],
      };
      const choosing = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await (await choosing).setFiles({ name: `${hostileStrings[1]}.ipynb`, mimeType: 'application/x-ipynb+json', buffer: Buffer.from(JSON.stringify(notebook)) });
      await page.getByTestId('trust-banner-import').waitFor();
      await expect(page.locator('.notice').allTextContents()).resolves.toContainEqual(expect.stringContaining(hostileStrings[5]));
      const md = cellOf(page, markdownCell);
      await md.scrollIntoViewIfNeeded();
      await expect(md.textContent()).resolves.toContain('<img src=x onerror="window.__pwned=1">');
      await expectNothingHappened(session);
    }));

  it("in a student's own markdown and code: the markdown renders as text, the outputs show the strings", { timeout: 300_000 }, () =>
    watched(async (session) => {
      const { page } = session;
      await page.goto(inject('siteUrl'));
      const md = cellOf(page, markdownCell);
      await md.getByRole('button', { name: `Edit cell ${markdownCell}` }).click();
      await md.getByRole('textbox', { name: `Markdown of cell ${markdownCell}` }).fill(hostileMarkdownText());
      await md.getByRole('button', { name: 'Render' }).click();
      // A long text renders off the page's thread (boundedMarkdown.ts): wait for it.
      await md.locator('.md-image-refused').first().waitFor();
      await expect(md.locator('.markdown').first().textContent()).resolves.toContain('<svg onload="window.__pwned=1">');
      await expect(md.textContent()).resolves.toContain('not loaded: the notebook shows only images of its own site');

      const code = cellOf(page, codeCell);
      await code.locator('.cm-content').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(hostileCellCode());
      await code.getByRole('button', { name: 'Run cell' }).click();
      await waitEnded(page, codeCell);
      await code.locator('.js-plotly-plot .scatterlayer .point').first().waitFor();
      await expect(code.locator('.out-error').last().textContent()).resolves.toContain(hostileStrings[1]);
      expect(await hoverPlots(page)).toBeGreaterThanOrEqual(3);
      await page.waitForTimeout(500);
      await expectNothingHappened(session);
    }));

  it('in a cell that forges kernel messages: the page stays whole, the cell ends in error saying so once, nothing forged is shown', { timeout: 300_000 }, () =>
    watched(async (session) => {
      const { page } = session;
      await page.goto(inject('siteUrl'));
      const code = cellOf(page, codeCell);
      await code.locator('.cm-content').waitFor();
      const cellsBefore = await page.locator('[data-cell]').count();
      await code.locator('.cm-content').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(
        [
          '// The output that blanked the page, then every shape the kernel uses, aimed at the page by hand.',
          "for (let runId = 0; runId < 40; runId++) {",
          "  self.postMessage({ type: 'outputs', runId, messages: [{ output: {} }] });",
          "  self.postMessage({ type: 'outputs', runId, messages: [{ output: { kind: 'text', text: 'FORGED' } }] });",
          "  self.postMessage({ type: 'done', runId, ok: true, durationMs: 0 });",
          '}',
          "self.postMessage({ type: 'kernel', message: { level: 'error', text: 'FORGED' } });",
          "self.postMessage({ type: 'ready', backend: 'FORGED', notes: [] });",
          '// Taking over the channel the kernel uses, through the prototype of its port.',
          'const native = MessagePort.prototype.postMessage;',
          "MessagePort.prototype.postMessage = function (this: MessagePort) { return native.call(this, { type: 'outputs', runId: 0, messages: [{ output: {} }] }); };",
          "await new Promise((r) => setTimeout(r, 200));",
          "print('still running');",
        ].join('\n'),
      );
      await code.getByRole('button', { name: 'Run cell' }).click();
      await waitEnded(page, codeCell);
      expect(await code.getAttribute('data-cell-status')).toBe('error');
      const shown = (await code.locator('.outputs').textContent()) ?? '';
      expect(shown).toContain('still running');
      expect(shown).not.toContain('FORGED');
      expect(shown.split('the page refused a message from the kernel').length - 1).toBe(1);
      // Anywhere the page shows what the kernel says (outputs, notices, the backend in the toolbar), not the code typed (editor, its print copy).
      const said = await page.evaluate(() => {
        const copy = document.body.cloneNode(true) as HTMLElement;
        for (const editor of copy.querySelectorAll('.cm-editor, .print-source')) editor.remove();
        return copy.textContent ?? '';
      });
      expect(said).not.toContain('FORGED');
      expect(await page.locator('[data-cell]').count()).toBe(cellsBefore);
      // The kernel lives on: the next run of the lesson's first code cell works.
      await code.locator('.cm-content').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText('6 * 7');
      await code.getByRole('button', { name: 'Run cell' }).click();
      await waitEnded(page, codeCell);
      expect(await code.getAttribute('data-cell-status')).toBe('done');
      expect(await code.locator('.outputs').textContent()).toContain('42');
      await expectNothingHappened(session);
    }));

  it("has a Content-Security-Policy that refuses what a bug might still let through: inline or foreign script, foreign images, frames, connections", () =>
    watched(async (session) => {
      const { page, context } = session;
      const failed = new Map<string, string>();
      context.on('requestfailed', (request) => failed.set(request.url(), request.failure()?.errorText ?? ''));
      await page.goto(inject('siteUrl'));
      await expect(page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).resolves.toContain("script-src 'self'");
      const tried = await page.evaluate(async ({ host, code }) => {
        const add = (html: string): void => {
          const holder = document.createElement('div');
          holder.innerHTML = html; // what a rendering bug would do
          document.body.append(holder);
        };
        add(`<img src="https://${host}/pixel.png">`);
        add(`<iframe src="https://${host}/frame"></iframe>`);
        const inline = document.createElement('script');
        inline.textContent = code;
        document.body.append(inline);
        const foreign = document.createElement('script');
        foreign.src = `https://${host}/x.js`;
        document.body.append(foreign);
        const fetched = await fetch(`https://${host}/data`).then(() => 'fetched', (e: Error) => e.name);
        await new Promise((resolve) => setTimeout(resolve, 500));
        return fetched;
      }, { host: evilHost, code: 'window.__pwned = 1' });
      expect(tried).toBe('TypeError');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
      for (const directive of ['img-src', 'frame-src', 'script-src-elem', 'connect-src']) {
        expect(violations.some((v) => v.startsWith(directive)), `${directive} in ${violations.join('; ')}`).toBe(true);
      }
      // The browser reports the refused image and script as requests, each failed by the policy before it was sent.
      expect(session.offOrigin.map((url) => [url, failed.get(url)])).toEqual(session.offOrigin.map((url) => [url, 'csp']));
    }));
});
