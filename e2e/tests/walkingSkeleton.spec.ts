import { expect, test } from '@playwright/test';
import { createMeeting, joinAs } from './pages.ts';

const SHOTS = 'test-results/screens';

test('facilitator opens a meeting, two participants write, edit and move notes live; a reload keeps all', async ({
  browser,
}) => {
  // The free board: an empty sheet, so the taps below land on empty board space.
  const fac = await createMeeting(browser, 'Samenwerking in de wijk', { boards: ['Vrij bord'] });
  await fac.board.page.screenshot({ path: `${SHOTS}/01-facilitator.png` });

  const anna = await joinAs(browser, fac.code, 'Anna (CJG)', 'formeel');
  const bilal = await joinAs(browser, fac.code, 'Bilal', 'informeel');

  // Both are listed as present, on every screen.
  for (const p of [fac.board, anna, bilal]) {
    await expect(p.page.getByTestId('presence')).toContainText('Anna (CJG)');
    await expect(p.page.getByTestId('presence')).toContainText('Bilal');
  }

  // Anna writes; Bilal sees it within a second.
  await anna.addNote(300, 300, 'Kennis van regels en hulp');
  let t0 = Date.now();
  const seenByBilal = await bilal.note('Kennis van regels en hulp');
  const annaNote = await anna.note('Kennis van regels en hulp');
  expect(Date.now() - t0).toBeLessThan(1000);
  expect(seenByBilal.id).toBe(annaNote.id);

  // Bilal writes with diacritics; Anna and the facilitator see it.
  await bilal.addNote(600, 450, 'Vertrouwen van ouders — ş ğ ı ł ż é ë');
  t0 = Date.now();
  await anna.note('Vertrouwen van ouders — ş ğ ı ł ż é ë');
  await fac.board.note('Vertrouwen van ouders — ş ğ ı ł ż é ë');
  expect(Date.now() - t0).toBeLessThan(1000);

  // Colour follows the author's side.
  const fills = Object.fromEntries((await fac.board.notes()).map((n) => [n.text, n.fill]));
  expect(fills['Kennis van regels en hulp']).not.toBe(fills['Vertrouwen van ouders — ş ğ ı ł ż é ë']);

  // Bilal edits Anna's note; Anna sees the new words.
  await bilal.editNote('Kennis van regels en hulp', 'Kennis van regels, hulp en de wijk');
  t0 = Date.now();
  await anna.note('Kennis van regels, hulp en de wijk');
  expect(Date.now() - t0).toBeLessThan(1000);

  // Anna moves a note; the others see it land at the same board position.
  const before = await anna.note('Vertrouwen van ouders — ş ğ ı ł ż é ë');
  await anna.dragNote('Vertrouwen van ouders — ş ğ ı ł ż é ë', 120, -80);
  const after = await anna.note('Vertrouwen van ouders — ş ğ ı ł ż é ë');
  expect(after.x).toBeGreaterThan(before.x + 50);
  expect(after.y).toBeLessThan(before.y - 30);
  t0 = Date.now();
  await expect
    .poll(async () => (await bilal.note('Vertrouwen van ouders — ş ğ ı ł ż é ë')).x, { timeout: 1000 })
    .toBe(after.x);
  expect(Date.now() - t0).toBeLessThan(1000);

  await anna.waitSaved();
  await bilal.waitSaved();
  await anna.page.screenshot({ path: `${SHOTS}/02-tablet-formeel.png` });
  await bilal.page.screenshot({ path: `${SHOTS}/03-tablet-informeel.png` });
  await fac.board.page.screenshot({ path: `${SHOTS}/04-facilitator-with-notes.png` });

  // A reload keeps everything, with the same positions.
  const expected = (await anna.notes()).map(({ id, text, x, y }) => ({ id, text, x, y })).sort((a, b) => a.id.localeCompare(b.id));
  await bilal.page.reload();
  await expect
    .poll(async () => (await bilal.notes()).map(({ id, text, x, y }) => ({ id, text, x, y })).sort((a, b) => a.id.localeCompare(b.id)))
    .toEqual(expected);
  await expect(bilal.status).toHaveAttribute('data-state', /connected|saved/);
  await bilal.page.screenshot({ path: `${SHOTS}/05-informeel-after-reload.png` });
});

test('undo takes back only my own change; recolour and delete reach the others', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Undo', { boards: ['Vrij bord'] });
  const anna = await joinAs(browser, fac.code, 'Anna', 'formeel');
  const bilal = await joinAs(browser, fac.code, 'Bilal', 'informeel');
  await anna.addNote(250, 250, 'van Anna');
  await bilal.addNote(650, 400, 'van Bilal');
  await anna.note('van Bilal');

  // Two steps back: first what Anna typed, then the note she made. Bilal's note stays.
  const undo = anna.page.getByRole('button', { name: 'Ongedaan maken' });
  const redo = anna.page.getByRole('button', { name: 'Opnieuw' });
  await undo.click();
  await expect.poll(() => bilal.texts()).toEqual(['', 'van Bilal']);
  await undo.click();
  await expect.poll(() => bilal.texts()).toEqual(['van Bilal']);
  await expect(undo).toBeDisabled();
  await redo.click();
  await redo.click();
  await expect.poll(() => bilal.texts()).toEqual(['van Anna', 'van Bilal']);

  const n = await bilal.note('van Anna');
  await bilal.tap(n.cx, n.cy);
  await bilal.page.getByRole('button', { name: 'Paars' }).click();
  await expect.poll(async () => (await anna.note('van Anna')).fill).toBe('#D9C8FF');
  await bilal.page.getByRole('button', { name: 'Verwijderen' }).click();
  await expect.poll(() => anna.texts()).toEqual(['van Bilal']);
});

test('an unknown meeting or a wrong code gets a clear Dutch answer', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/join?code=ZZZZZZ');
  await page.getByLabel('Naam').fill('Anna');
  await page.getByRole('radio', { name: /^Formeel/ }).check();
  await page.getByRole('button', { name: 'Meedoen' }).click();
  await expect(page.getByText('Deze code klopt niet')).toBeVisible();
  await page.goto('/m/doesnotexist');
  await expect(page).toHaveURL(/\/join/);
});
