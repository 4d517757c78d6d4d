import { expect, test, type Browser, type Page } from '@playwright/test';
import { shapeBounds } from '../../shared/src/index.ts';
import { createMeeting, joinAs, ListPage, PHONE, TABLET, type BoardPage, type Facilitator } from './pages.ts';
import { template, templateLabel } from './templates.ts';

const SHOTS = 'test-results/ideas';
const IDEEEN = template('ideeen');

const openBeamer = async (browser: Browser, fac: Facilitator): Promise<Page> => {
  const href = await fac.board.page.getByRole('link', { name: 'Projector openen' }).getAttribute('href');
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(href!);
  await expect(page.getByTestId('projector')).toBeVisible();
  return page;
};

/** A tablet writes a note in the middle of a zone of the board, typed key by key as people do. */
const writeInZone = async (p: BoardPage, zoneId: string, text: string) => {
  const b = shapeBounds(IDEEEN.zones.find((z) => z.id === zoneId)!.shape);
  const at = await p.reach(b.x + b.width / 2, b.y + b.height / 2);
  const before = (await p.notes()).length;
  await p.tap(at.x, at.y);
  const editor = p.page.getByLabel('Tekst van de notitie');
  await expect(editor).toBeFocused();
  await p.page.keyboard.type(text, { delay: 40 });
  await expect(editor).toHaveValue(text);
  await p.page.getByRole('button', { name: 'Klaar', exact: true }).tap();
  await expect.poll(async () => (await p.notes()).length).toBe(before + 1);
};

const counts = (page: Page) => page.getByTestId('idea-vote').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));

test('C on one board: every idea with its own dots; a phone votes once someone wrote, within the facilitator’s limit; the beamer ranks the ideas', async ({ browser }) => {
  test.setTimeout(180_000);
  const fac = await createMeeting(browser, 'Ideeën kiezen', { boards: [templateLabel('ideeen')] });
  // Fatma is both a formal and an informal worker ("Soms blijken deelnemers zowel formeel als informeel werker te zijn").
  const phone = await joinAs(browser, fac.code, 'Fatma', 'beide', PHONE);
  const list = new ListPage(phone.page, true);
  const tablet = await joinAs(browser, fac.code, 'Anna', 'formeel', TABLET);
  await expect(list.view).toBeVisible();
  // The facilitator's people list counts her apart, as both.
  await expect(fac.board.page.getByTestId('presence-beide')).toContainText('Beide (1)');
  await expect(fac.board.page.getByTestId('presence-beide')).toContainText('Fatma');
  await expect(fac.board.page.getByTestId('presence-formeel')).toContainText('Formeel (1)');

  // Nobody has written: no idea takes dots yet, and the phone says why.
  const phoneVotes = phone.page.getByTestId('idea-votes');
  await expect(phoneVotes).toContainText('Stemmen kan zodra er iets in een idee staat.');
  await expect(phoneVotes.getByRole('button', { name: /^Stem op/ })).toHaveCount(0);
  await expect(phone.page.getByTestId('idea-vote')).toHaveCount(IDEEEN.ideas!.list.length);

  // The tablet writes in idea 1; the phone writes in idea 2 (the list view, key by key).
  await writeInZone(tablet, 'idee-1-doelstelling', 'Ouders leren elkaar kennen');
  await list.addNote('Idee 2 · Werkwijze', 'Huisbezoek met een sleutelfiguur', 60);

  // Ideas 1 and 2 now take dots; 3 and 4 (empty) do not.
  await expect(phoneVotes.getByRole('button', { name: 'Stem op Idee 1' })).toBeVisible();
  await expect(phoneVotes.getByRole('button', { name: 'Stem op Idee 2' })).toBeVisible();
  await expect(phoneVotes.getByRole('button', { name: 'Stem op Idee 3' })).toHaveCount(0);
  await expect(phoneVotes.getByTestId('votes-left')).toHaveText('Je hebt nog 2 van 2 stemmen.');

  // The facilitator sets one dot per person.
  const facVotes = fac.board.page.getByTestId('idea-votes');
  await facVotes.getByRole('button', { name: 'Minder stemmen per persoon' }).click();
  await expect(facVotes.getByTestId('idea-vote-limit')).toHaveText('1');
  await expect(phoneVotes.getByTestId('votes-left')).toHaveText('Je hebt nog 1 van 1 stemmen.');

  // The phone votes for idea 2 with a tap; everyone sees the dot.
  await phoneVotes.getByRole('button', { name: 'Stem op Idee 2' }).scrollIntoViewIfNeeded();
  await phoneVotes.getByRole('button', { name: 'Stem op Idee 2' }).tap();
  await expect(phoneVotes.getByRole('button', { name: 'Stem terugnemen van Idee 2' })).toBeVisible();
  await expect(phoneVotes.getByTestId('votes-left')).toHaveText('Je stemmen zijn op. Neem een stem terug om opnieuw te kiezen.');
  await expect(phoneVotes.getByRole('button', { name: 'Stem op Idee 1' })).toBeDisabled();
  for (const p of [fac.board.page, tablet.page, phone.page]) await expect.poll(() => counts(p)).toEqual([0, 1, 0, 0]);
  await phone.page.screenshot({ path: `${SHOTS}/phone-voted.png` });

  // The tablet votes for idea 1: over its poster the votes are folded to one line that says what is left; a tap unfolds them.
  const tabletVotes = tablet.page.getByTestId('idea-votes');
  const fold = tabletVotes.getByRole('button', { name: 'Stemmen op de ideeën' });
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await expect(fold).toContainText('Je hebt nog 1 van 1 stemmen.');
  await expect(tabletVotes.getByRole('button', { name: 'Stem op Idee 1' })).toBeHidden();
  await fold.tap();
  await tabletVotes.getByRole('button', { name: 'Stem op Idee 1' }).tap();
  await expect.poll(() => counts(fac.board.page)).toEqual([1, 1, 0, 0]);
  await tablet.page.screenshot({ path: `${SHOTS}/tablet-voted.png` });

  // The beamer ranks the ideas of this board, live; the phone moves its dot and idea 1 wins.
  const beamer = await openBeamer(browser, fac);
  const run = fac.board.page.locator('.run-panel');
  await run.getByLabel('De projector toont').selectOption({ label: 'Stemmen en rangorde' });
  await run.getByRole('button', { name: 'Toon', exact: true }).click();
  const ranked = beamer.getByTestId('ranked');
  await expect(ranked).toHaveCount(IDEEEN.ideas!.list.length);
  await expect(beamer.getByTestId('ranking')).toContainText(IDEEEN.title);
  await phoneVotes.getByRole('button', { name: 'Stem terugnemen van Idee 2' }).tap();
  await phoneVotes.getByRole('button', { name: 'Stem op Idee 1' }).tap();
  await expect(ranked.first()).toHaveAttribute('data-count', '2');
  await expect(ranked.first()).toContainText('Idee 1');
  await expect(ranked.first()).toHaveAttribute('data-winner', 'true');
  await expect(ranked.nth(1)).toHaveAttribute('data-count', '0');
  const rankSize = await beamer.evaluate(() => Math.min(...[...document.querySelectorAll('[data-testid="ranking"] li span')].map((e) => parseFloat(getComputedStyle(e).fontSize))));
  expect(rankSize).toBeGreaterThanOrEqual(32);
  await beamer.screenshot({ path: `${SHOTS}/beamer-ideas-ranking.png` });

  // The facilitator closes the voting: the phone can no longer vote or take back.
  await facVotes.getByRole('button', { name: 'Sluit', exact: true }).click();
  await expect(phoneVotes.getByRole('button', { name: /^Stem / })).toHaveCount(0);
  await expect(phoneVotes).toContainText('Het stemmen is gesloten.');
  await fac.board.page.screenshot({ path: `${SHOTS}/facilitator-closed.png` });
});

test('joining on a phone: formeel, informeel or both', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Kennismaken', { boards: [templateLabel('ideeen')] });
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`/join?code=${fac.code}`);
  const sides = page.getByRole('group', { name: 'Ik werk' }).getByRole('radio');
  await expect(sides).toHaveCount(3);
  const beide = page.getByRole('radio', { name: /^Beide/ });
  await expect(page.getByText('Zowel formeel als informeel werker')).toBeVisible();
  await page.getByLabel('Naam').tap();
  await page.keyboard.type('Samira', { delay: 60 });
  await page.getByText('Zowel formeel als informeel werker').tap();
  await expect(beide).toBeChecked();
  // Past the tap's highlight, so the picture shows the chosen side's own colours.
  await page.getByRole('heading', { name: 'Meedoen' }).click();
  await page.screenshot({ path: `${SHOTS}/join-phone-beide.png`, fullPage: true });
  await page.getByRole('button', { name: 'Meedoen' }).tap();
  await expect(page).toHaveURL(/\/m\//);
  await expect(fac.board.page.getByTestId('presence-beide')).toContainText('Samira');
});
