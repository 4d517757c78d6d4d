import { expect, test } from '@playwright/test';
import { createMeeting, joinAs } from './pages.ts';

test('Geschiedenis: the facilitator sees a board as it was and brings back a deleted note and the whole board, for everyone, in one undoable step', async ({ browser }) => {
  test.setTimeout(120_000);
  const fac = await createMeeting(browser, 'Geschiedenis', { boards: ['Vrij bord'] });
  const anna = await joinAs(browser, fac.code, 'Anna', 'formeel');
  await anna.addNote(250, 250, 'eerste idee');
  await anna.addNote(650, 400, 'tweede idee');
  await fac.board.note('tweede idee');
  await anna.waitSaved();

  const page = fac.board.page;
  await fac.board.setPanel(true);
  const toggle = page.getByRole('button', { name: /^Geschiedenis (bekijken|sluiten)$/ });
  const history = page.locator('.history-panel');
  // A moment after both notes: reopen until the newest kept moment holds them (one is kept every 1.5 s here).
  await expect
    .poll(
      async () => {
        if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
        await toggle.click();
        await expect(history.locator('.history-then, [role=alert], p').first()).toBeVisible();
        return history.locator('.history-items li').allInnerTexts();
      },
      { timeout: 20_000, intervals: [500] },
    )
    .toEqual(expect.arrayContaining([expect.stringContaining('eerste idee'), expect.stringContaining('tweede idee')]));
  await history.screenshot({ path: 'test-results/history-panel-before.png' });

  // Anna deletes both notes (panel hidden: it would cover the selection bar of a note near the right edge).
  await anna.hidePanel();
  for (const text of ['eerste idee', 'tweede idee']) {
    const n = await anna.note(text);
    await anna.tap(n.cx, n.cy);
    await anna.page.getByRole('button', { name: 'Verwijderen' }).click();
  }
  await expect.poll(() => fac.board.texts()).toEqual([]);
  // The panel follows the meeting: both now show as deleted.
  await expect(history.locator('.history-items li.history-deleted')).toHaveCount(2);
  await history.screenshot({ path: 'test-results/history-panel-deleted.png' });

  // One note back, then the whole board.
  await history.getByRole('button', { name: 'Terugzetten: Notitie: eerste idee' }).click();
  await expect.poll(() => anna.texts()).toEqual(['eerste idee']);
  await history.getByRole('button', { name: 'Hele bord terugzetten' }).click();
  await expect.poll(async () => (await anna.texts()).sort()).toEqual(['eerste idee', 'tweede idee']);
  await expect(history.getByRole('status')).toContainText('Teruggezet');
  await expect(history.locator('.history-items li.history-deleted')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/history-facilitator.png' });

  // The board restore is one step: undo takes back exactly it.
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect.poll(() => anna.texts()).toEqual(['eerste idee']);
  await expect.poll(() => fac.board.texts()).toEqual(['eerste idee']);
});
