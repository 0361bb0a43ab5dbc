// Fresh browser profiles for one describe block, each checked for console errors and off-origin requests when its test ends.
import { afterEach, expect, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './browser';

/** Call inside a `describe`: `open()` gives a new fresh profile; every one is checked and closed after each test. */
export function freshProfiles(): { open(): Promise<Session> } {
  const sessions: Session[] = [];
  afterEach(async () => {
    for (const session of sessions.splice(0)) {
      expect(session.consoleErrors).toEqual([]);
      expect(session.offOrigin).toEqual([]);
      await session.close();
    }
  });
  return {
    async open() {
      const session = await launch(inject('siteOrigin'));
      sessions.push(session);
      return session;
    },
  };
}

/** The element of a notebook cell by its id (its file stem). */
export const cellOf = (page: Page, id: string) => page.locator(`[data-cell="${id}"]`);

/** Appends text at the end of a code cell through its editor, as a student types. */
export async function typeAtEnd(page: Page, id: string, text: string): Promise<void> {
  await cellOf(page, id).locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
}

/** The link Share made: from the clipboard, or from the dialog that shows it when the clipboard is refused. */
export async function sharedLink(page: Page): Promise<string> {
  const dialogField = page.getByRole('textbox', { name: 'Link to share' });
  const copied = page.locator('[data-notice="share"]', { hasText: 'Link copied to the clipboard' });
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await copied.or(dialogField).first().waitFor();
  if (await dialogField.isVisible()) return dialogField.inputValue();
  // Said where the student is, however far down the page: inside the screen.
  const box = await copied.boundingBox();
  const screen = page.viewportSize();
  expect(box !== null && screen !== null && box.y >= 0 && box.y + box.height <= screen.height, 'the "Link copied" notice is on screen').toBe(true);
  return page.evaluate(() => navigator.clipboard.readText());
}
