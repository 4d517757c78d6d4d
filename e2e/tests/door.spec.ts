import { expect, test } from '@playwright/test';
import { createMeeting, E2E_FACILITATOR_KEY, enterFacilitatorKey, joinAs, LAPTOP_1366, PHONE, TABLET } from './pages.ts';
import { typeAsPeople } from './typing.ts';

const SHOTS = 'test-results/screens';

test('the start page asks a new laptop for the facilitator key once, remembers it, and asks again after a wrong one', async ({ browser }) => {
  const context = await browser.newContext(LAPTOP_1366);
  const page = await context.newPage();
  await page.goto('/');
  const key = page.getByLabel('Sleutel voor gespreksleiders');
  await expect(key).toBeVisible();
  await page.getByLabel('Titel van de bijeenkomst').click();
  await typeAsPeople(page, 'Eerste keer', 'fast');
  // A wrong key: a clear answer, the field stays.
  await key.click();
  await page.keyboard.type('dit-is-niet-de-sleutel');
  await page.getByRole('button', { name: 'Bijeenkomst maken' }).click();
  await expect(page.getByRole('alert')).toContainText('Deze sleutel voor gespreksleiders klopt niet');
  await page.screenshot({ path: `${SHOTS}/door-01-wrong-key.png` });
  await key.fill('');
  await enterFacilitatorKey(page);
  await page.getByRole('button', { name: 'Bijeenkomst maken' }).click();
  await expect(page).toHaveURL(/\/m\//);
  // The next meeting on this laptop: no key asked.
  await page.goto('/');
  await expect(page.getByText('De sleutel voor gespreksleiders is onthouden op deze laptop.')).toBeVisible();
  await expect(page.getByLabel('Sleutel voor gespreksleiders')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/door-02-key-remembered.png` });
  expect(await page.evaluate(() => localStorage.getItem('bodem:facilitator-key'))).toBe(E2E_FACILITATOR_KEY);
  await context.close();
});

test('"Deelnemen gesloten": the facilitator closes the door, a scanning tablet is told, the beamer hides the code; one tap opens it again', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Deur dicht', { boards: ['Vrij bord'] });
  await fac.board.setPanel(true);
  const panel = fac.board.page.locator('section.join-info');
  await expect(panel).toHaveAttribute('data-door', 'open');
  const close = panel.getByRole('button', { name: 'Deelnemen sluiten' });
  await close.click();
  await expect(panel.getByTestId('door-closed')).toContainText('Deelnemen gesloten.');
  await expect(panel.getByTestId('join-code')).toHaveCount(0);
  await panel.screenshot({ path: `${SHOTS}/door-03-closed-panel.png` });

  // A tablet scans the QR code's link (the meeting's own route).
  const tablet = await browser.newContext(TABLET);
  const page = await tablet.newPage();
  await page.goto(`/join?code=${fac.code}&m=${fac.id}`);
  await page.getByLabel('Naam').tap();
  await typeAsPeople(page, 'Noor', 'fast');
  await page.getByRole('radio', { name: /^Informeel/ }).check();
  await page.getByRole('button', { name: 'Meedoen' }).tap();
  await expect(page.getByRole('alert')).toContainText('Deelnemen is gesloten');
  await page.screenshot({ path: `${SHOTS}/door-04-tablet-refused.png` });

  // The beamer opened now shows no code; its token leaves the address bar at once.
  const href = await fac.board.page.getByRole('link', { name: 'Projector openen' }).getAttribute('href');
  const beamer = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const screen = await beamer.newPage();
  await screen.goto(href!);
  await expect(screen.getByTestId('projector')).toBeVisible();
  await expect.poll(() => new URL(screen.url()).hash).toBe('');
  expect(await screen.evaluate(() => history.length)).toBeLessThanOrEqual(2);
  await expect(screen.getByTestId('projector-code')).toHaveCount(0);

  // One tap: open again; the same tablet gets in.
  await panel.getByRole('button', { name: 'Deelnemen weer openen' }).click();
  await expect(panel).toHaveAttribute('data-door', 'open');
  await expect(panel.getByTestId('join-code')).toHaveText(fac.code);
  await page.getByRole('button', { name: 'Meedoen' }).tap();
  await expect(page).toHaveURL(/\/m\//);
  // A reload of the beamer (no token in the address any more) still opens, and shows the code now.
  await screen.reload();
  await expect(screen.getByTestId('projector')).toBeVisible();
  await expect(screen.getByTestId('projector-code')).toContainText(fac.code);
  await screen.screenshot({ path: `${SHOTS}/door-05-beamer.png` });
  await beamer.close();
  await tablet.close();
  await fac.board.context.close();
});

test('"Verlaten en wissen" on a tablet and a phone: the device forgets the meeting (copy and token), the board keeps what was written', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Gedeelde tablets', { boards: ['Vrij bord'] });
  const tablet = await joinAs(browser, fac.code, 'Noor', 'informeel', TABLET);
  await tablet.addNote(420, 380, 'Blijft staan');
  await tablet.waitSaved();
  const phone = await joinAs(browser, fac.code, 'Sem', 'formeel', PHONE);
  for (const [device, who] of [
    [tablet, 'tablet'],
    [phone, 'phone'],
  ] as const) {
    const id = fac.id;
    expect(await device.page.evaluate((m) => localStorage.getItem(`bodem:meeting:${m}`) !== null, id)).toBe(true);
    await device.setPanel(true);
    const leave = device.page.getByRole('button', { name: 'Verlaten en wissen' });
    await leave.scrollIntoViewIfNeeded();
    await leave.tap();
    const confirm = device.page.getByRole('group', { name: /Je verlaat de bijeenkomst/ });
    await expect(confirm).toBeVisible();
    await device.page.screenshot({ path: `${SHOTS}/door-06-leave-${who}.png` });
    await confirm.getByRole('button', { name: 'Ja, verlaten en wissen' }).tap();
    await expect(device.page).toHaveURL(/\/join$/);
    await expect
      .poll(() => device.page.evaluate(async (m) => (await indexedDB.databases()).some((d) => d.name?.startsWith(`bodem:${m}`)), id))
      .toBe(false);
    expect(await device.page.evaluate((m) => localStorage.getItem(`bodem:meeting:${m}`), id)).toBeNull();
    // Nothing offers to carry on as before.
    await device.page.goto(`/join?code=${fac.code}`);
    await expect(device.page.getByTestId('rejoin')).toHaveCount(0);
    await expect(device.page.getByLabel('Naam')).toHaveValue('');
  }
  await fac.board.note('Blijft staan');
  await tablet.context.close();
  await phone.context.close();
  await fac.board.context.close();
});
