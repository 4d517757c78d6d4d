import { expect, test, type Browser } from '@playwright/test';
import { BoardPage, createMeeting, TABLET } from './pages.ts';

const SHOTS = 'test-results/screens';

/** Joins on a fresh tablet through the join page, with an organisation. */
const joinWithOrg = async (browser: Browser, code: string, name: string, side: 'formeel' | 'informeel', org: string, shot?: string) => {
  const context = await browser.newContext(TABLET);
  const page = await context.newPage();
  await page.goto(`/join?code=${code}`);
  await expect(page.getByLabel('Code')).toHaveValue(code);
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('Organisatie').fill(org);
  await page.getByRole('radio', { name: new RegExp(side === 'formeel' ? '^Formeel' : '^Informeel') }).check();
  if (shot) await page.screenshot({ path: shot, fullPage: true });
  await page.getByRole('button', { name: 'Meedoen' }).click();
  await expect(page).toHaveURL(/\/m\//);
  const board = new BoardPage(page, context, true);
  await expect(board.status).toHaveAttribute('data-state', /connected|saved/);
  return board;
};

test('join with an organisation; the facilitator sees the QR code and the groups, removes a participant; that tablet is told and stays out', async ({
  browser,
  baseURL,
}) => {
  const fac = await createMeeting(browser, 'Kennismaking in de wijk', { boards: ['Vrij bord'] });
  const qr = fac.board.page.getByTestId('join-qr');
  await expect(qr).toBeVisible();
  // The QR code's link names the meeting too: a scan joins through the meeting's own route.
  await expect(qr).toHaveAttribute('data-url', `${baseURL}/join?code=${fac.code}&m=${fac.id}`);
  // Big enough to scan, and drawn as shapes, not fetched.
  const box = (await qr.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(100);
  expect(await qr.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h\d+/);

  const anna = await joinWithOrg(browser, fac.code, 'Anna', 'formeel', 'CJG Noord', `${SHOTS}/people-01-join.png`);
  const bilal = await joinWithOrg(browser, fac.code, 'Bilal', 'informeel', 'Buurthuis De Linde');

  const presence = fac.board.page.getByTestId('presence');
  await expect(presence.getByTestId('presence-formeel')).toContainText('CJG Noord');
  await expect(presence.getByTestId('presence-formeel')).toContainText('Anna');
  await expect(presence.getByTestId('presence-informeel')).toContainText('Buurthuis De Linde');
  await expect(presence.getByTestId('presence-informeel')).toContainText('Bilal');
  await expect(presence.getByTestId('presence-other')).toContainText('Gespreksleider');
  // Participants see the organisations too, but no remove buttons.
  await anna.setPanel(true);
  await expect(anna.page.getByTestId('presence-informeel')).toContainText('Buurthuis De Linde');
  await expect(anna.page.getByTestId('presence-formeel')).toContainText('CJG Noord');
  await expect(anna.page.getByRole('button', { name: /verwijderen$/ })).toHaveCount(0);
  await fac.board.page.screenshot({ path: `${SHOTS}/people-02-facilitator.png` });
  const presenceSection = fac.board.page.locator('section[aria-labelledby="presence-title"]');
  await presenceSection.scrollIntoViewIfNeeded();
  await presenceSection.screenshot({ path: `${SHOTS}/people-02b-presence.png` });

  // Remove Anna, with a confirm step.
  await fac.board.page.getByRole('button', { name: 'Anna verwijderen' }).click();
  const confirm = fac.board.page.getByRole('group', { name: 'Anna verwijderen' });
  await expect(confirm).toContainText('Anna uit de bijeenkomst halen?');
  await confirm.screenshot({ path: `${SHOTS}/people-03-confirm.png` });
  await confirm.getByRole('button', { name: 'Ja, verwijderen' }).click();

  // Anna's tablet says why, and stays disconnected.
  const dialog = anna.page.getByRole('alertdialog');
  await expect(dialog).toContainText('De gespreksleider heeft je uit deze bijeenkomst gehaald.');
  await expect(anna.status).toHaveAttribute('data-state', 'closed');
  await anna.page.screenshot({ path: `${SHOTS}/people-04-removed.png` });
  await expect(presence).not.toContainText('Anna');
  await expect(presence).not.toContainText('CJG Noord');
  await expect(bilal.page.getByTestId('presence')).not.toContainText('Anna');

  // Bilal keeps working.
  await expect(bilal.status).toHaveAttribute('data-state', /connected|saved/);
  await bilal.addNote(400, 400, 'Wij blijven');
  await fac.board.note('Wij blijven');

  // A reload does not bring Anna back in.
  await anna.page.reload();
  await expect(anna.page.getByRole('alertdialog')).toContainText('De gespreksleider heeft je uit deze bijeenkomst gehaald.');
  // Removal gave the meeting a new code: the facilitator's panel shows it, the old one (and its QR link) is dead.
  const codeNow = fac.board.page.getByTestId('join-code');
  await expect(codeNow).not.toHaveText(fac.code);
  const newCode = (await codeNow.innerText()).replace(/\s/g, '');
  await anna.page.goto(`/join?code=${fac.code}&m=${fac.id}`);
  await expect(anna.page.getByTestId('rejoin')).toHaveCount(0);
  await expect(anna.page.getByLabel('Naam')).toHaveValue('Anna');
  await anna.page.getByRole('button', { name: 'Meedoen' }).click();
  await expect(anna.page.getByRole('alert')).toContainText('Deze code klopt niet');
  // Neither does joining again with the new code on the same tablet: it still holds her token.
  await anna.page.goto(`/join?code=${fac.code}`);
  await anna.page.getByLabel('Code').fill('');
  await anna.page.getByLabel('Code').pressSequentially(newCode);
  await anna.page.getByRole('button', { name: 'Meedoen' }).click();
  await expect(anna.page.getByRole('alert')).toContainText('De gespreksleider heeft je uit deze bijeenkomst gehaald.');
  await expect(anna.page).toHaveURL(/\/join/);
  await expect(presence).not.toContainText('Anna');
});

test('a tablet that joins again keeps its identity; "Verder als" goes straight back to the meeting', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Opnieuw meedoen', { boards: ['Vrij bord'] });
  const bilal = await joinWithOrg(browser, fac.code, 'Bilal', 'informeel', '');
  const meetingUrl = bilal.page.url();
  const presence = fac.board.page.getByTestId('presence');
  await expect(presence.getByTestId('presence-informeel')).toContainText('Bilal');

  // The code screen scanned again: the tablet is offered to carry on.
  await bilal.page.goto(`/join?code=${fac.code}`);
  const offer = bilal.page.getByTestId('rejoin');
  await expect(offer).toContainText('Deze tablet doet al mee als Bilal.');
  await bilal.page.screenshot({ path: `${SHOTS}/people-05-rejoin.png`, fullPage: true });
  await offer.getByRole('link', { name: 'Verder als Bilal' }).click();
  await expect(bilal.page).toHaveURL(meetingUrl);
  await expect(bilal.status).toHaveAttribute('data-state', /connected|saved/);

  // Or joins again with other details: still one person, now with the new name and organisation.
  await bilal.page.goto(`/join?code=${fac.code}`);
  await expect(bilal.page.getByLabel('Naam')).toHaveValue('Bilal');
  await bilal.page.getByLabel('Naam').fill('Bilal Yılmaz');
  await bilal.page.getByLabel('Organisatie').fill('Buurthuis');
  await bilal.page.getByRole('button', { name: 'Meedoen' }).click();
  await expect(bilal.page).toHaveURL(meetingUrl);
  await expect(bilal.status).toHaveAttribute('data-state', /connected|saved/);
  const informeel = presence.getByTestId('presence-informeel');
  await expect(informeel).toContainText('Bilal Yılmaz');
  await expect(informeel).toContainText('Buurthuis');
  await expect(informeel.getByRole('heading', { level: 3 })).toHaveText('Informeel (1)');
  await expect(fac.board.page.getByRole('heading', { name: /^Aanwezig/ })).toHaveText('Aanwezig (2)');
});
