import { expect, test, type Page } from '@playwright/test';
import { typeAsPeople } from './typing.ts';
import { createMeeting, BoardPage, PHONE } from './pages.ts';

/** Every asset a page asked for (from the network or the service worker). */
const assetsAsked = (page: Page): string[] => {
  const asked: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/assets/')) asked.push(path);
  });
  return asked;
};
const isEnglishChunk = (path: string) => /^\/assets\/en-[\w-]+\.js$/.test(path);

test('the English words load only on a device that chose English; the Dutch page never downloads them, and the English page speaks English from its first paint', async ({ browser }) => {
  test.setTimeout(120_000);
  const fac = await createMeeting(browser, 'Taal', { boards: ['Vrij bord'] });

  // A Dutch phone joins: no English chunk on the way to the board.
  const nlContext = await browser.newContext(PHONE);
  const nlPage = await nlContext.newPage();
  const nlAsked = assetsAsked(nlPage);
  await nlPage.goto(`/join?code=${fac.code}`);
  await expect(nlPage.getByRole('heading', { name: 'Meedoen' })).toBeVisible();
  await expect(nlPage.locator('html')).toHaveAttribute('lang', 'nl');
  await nlPage.getByLabel('Naam').tap();
  await typeAsPeople(nlPage, 'Fatma', 'slow');
  await nlPage.getByRole('radio', { name: /^Informeel/ }).check();
  await nlPage.getByRole('button', { name: 'Meedoen' }).tap();
  const fatma = new BoardPage(nlPage, nlContext, true);
  await expect(fatma.status).toHaveAttribute('data-state', /connected|saved/);
  expect(nlAsked.length).toBeGreaterThan(3);
  expect(nlAsked.filter(isEnglishChunk)).toEqual([]);

  // Another phone chooses English on the join page: the page reloads in English, the English chunk is fetched.
  const enContext = await browser.newContext(PHONE);
  const enPage = await enContext.newPage();
  const enAsked = assetsAsked(enPage);
  await enPage.goto(`/join?code=${fac.code}`);
  await enPage.getByRole('button', { name: 'English' }).tap();
  // The join page is in the entry chunk, loaded before the English words: it must still speak English.
  await expect(enPage.getByRole('heading', { name: 'Join' })).toBeVisible();
  await expect(enPage.locator('html')).toHaveAttribute('lang', 'en');
  await expect(enPage.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  expect(enAsked.filter(isEnglishChunk)).toHaveLength(1);
  await expect(enPage.getByLabel('Code')).toHaveValue(fac.code);
  await enPage.getByLabel('Name').tap();
  await typeAsPeople(enPage, 'Joe', 'slow');
  await enPage.getByRole('radio', { name: /^Formal/ }).check();
  await enPage.getByRole('button', { name: 'Join', exact: true }).tap();
  await expect(enPage).toHaveURL(/\/m\//);
  // The board's own chunk (loaded after the words) speaks English too.
  // (A phone shows the board as a list; the poster's own words stay as the toolkit prints them.)
  await expect(enPage.getByRole('button', { name: /Add note/ })).toBeVisible();
  await expect(enPage.getByRole('button', { name: 'Undo' })).toBeVisible();
  await enPage.screenshot({ path: 'test-results/language-phone-en.png' });
  await expect(enPage.getByTestId('connection-status')).toHaveText(/^(connected|saved|saving…)$/);

  // And the Dutch phone still never asked for English.
  expect(nlAsked.filter(isEnglishChunk)).toEqual([]);
  await Promise.all([nlContext.close(), enContext.close(), fac.board.context.close()]);
});
