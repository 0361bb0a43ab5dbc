// The built site opens under a sub-path without errors and without leaving its origin.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, screenshot, type Session } from './browser';

describe('the built site', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(inject('siteOrigin'));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the title, logs no console errors and requests nothing off its origin', async () => {
    const { page } = session;
    await page.goto(inject('siteUrl'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Jacobian Notebook');
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'smoke-1280x720');
    expect(session.consoleErrors).toEqual([]);
    expect(session.offOrigin).toEqual([]);
  });
});
