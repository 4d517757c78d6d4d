import { expect, test, type Browser } from '@playwright/test';
import * as Y from 'yjs';
import { addNote, encodeUpdate, initMeeting } from '../../shared/src/index.ts';
import { templateById } from '../../templates/src/index.ts';
import { BoardPage, createMeeting, joinAs, type Facilitator } from './pages.ts';

const SHOTS = 'test-results/screens';

const center = (templateId: string, zoneId: string) => {
  const z = templateById(templateId)!.zones.find((x) => x.id === zoneId)!;
  if (z.shape.type !== 'rect') throw new Error('rect zones only');
  return { x: z.shape.x + z.shape.width / 2, y: z.shape.y + z.shape.height / 2 };
};

/** The projector, on its own device: it opens the link the facilitator's panel offers. */
const openProjector = async (browser: Browser, fac: Facilitator): Promise<BoardPage> => {
  const href = await fac.board.page.getByRole('link', { name: 'Projector openen' }).getAttribute('href');
  expect(href).toMatch(/\/projector#t=/);
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  await page.goto(href!);
  await expect(page.getByTestId('projector')).toBeVisible();
  return new BoardPage(page, context, false);
};

const timerLeft = async (p: BoardPage): Promise<number> => Number(await p.page.getByTestId('timer').getAttribute('data-left-ms'));

test('the facilitator runs part B: sends the groups, times them, reveals, locks, and projects side by side and merged', async ({ browser }) => {
  test.setTimeout(120_000);
  const fac = await createMeeting(browser, 'Plenair', { programme: 'Kennismaking' });
  const anna = await joinAs(browser, fac.code, 'Anna', 'formeel');
  const bilal = await joinAs(browser, fac.code, 'Bilal', 'informeel');
  const projector = await openProjector(browser, fac);
  await expect(projector.page.getByTestId('projector-code')).toContainText(fac.code);

  // Groups: formal workers to "De kracht van informeel", informal workers to "De kracht van formeel".
  await fac.board.page.getByRole('button', { name: /^Deel B: formeel/ }).click();
  await expect.poll(() => anna.textsOf('.board-title')).toEqual(['De kracht van informeel']);
  await expect.poll(() => bilal.textsOf('.board-title')).toEqual(['De kracht van formeel']);
  // Sent once: they may look elsewhere without being pulled back.
  await anna.openBoard('Wat is je eigen kracht?');
  await anna.openBoard('De kracht van informeel');
  // A second group of formal workers gets its own Kracht grid; the facilitator sends one person there.
  await fac.board.addBoard('B. De kracht van informeel', 'Kracht van informeel, groep 2');
  const run0 = fac.board.page.locator('.run-panel');
  await run0.getByText('Per persoon').click();
  await run0.getByLabel('Bilal', { exact: true }).selectOption({ label: 'Kracht van informeel, groep 2' });
  await run0.getByRole('button', { name: 'Stuur naar de borden' }).click();
  await expect.poll(() => bilal.textsOf('.board-title')).toEqual(['Kracht van informeel, groep 2']);
  await bilal.addNoteOnBoard(center('kracht-informeel', 'kennis-en-begrip').x, center('kracht-informeel', 'kennis-en-begrip').y + 150, 'Kennis van de wijk');
  // Anna was not sent again: she stays where she is.
  await expect.poll(() => anna.textsOf('.board-title')).toEqual(['De kracht van informeel']);

  // A one-minute timer on the server's clock, the same on every screen.
  const run = fac.board.page.locator('.run-panel');
  await run.getByLabel('Waarvoor?').fill('Individueel nadenken');
  await run.getByLabel('Minuten').fill('1');
  await run.getByRole('button', { name: 'Start', exact: true }).click();
  const screens = [fac.board, anna, bilal, projector];
  for (const s of screens) await expect(s.page.getByTestId('timer')).toContainText('Individueel nadenken');
  // Each screen estimates the server's clock from its fastest probes; poll until all agree within a second.
  await expect
    .poll(async () => {
      const left = await Promise.all(screens.map(timerLeft));
      return Math.max(...left) - Math.min(...left);
    }, { timeout: 20_000 })
    .toBeLessThan(1000);
  const left = await Promise.all(screens.map(timerLeft));
  expect(Math.min(...left), `timers ${left.join(', ')}`).toBeGreaterThan(30_000);
  expect(Math.max(...left)).toBeLessThanOrEqual(60_000);
  await Promise.all(screens.map((s, i) => s.page.screenshot({ path: `${SHOTS}/run-timer-${i}.png` })));

  // Anna writes; the facilitator opens her board and reveals the reference answers.
  const kennis = center('kracht-informeel', 'kennis-en-begrip');
  await anna.addNoteOnBoard(kennis.x, kennis.y, 'Ze kennen twee culturen');
  await fac.board.openBoard('De kracht van informeel');
  await fac.board.page.getByRole('button', { name: 'Toon op het bord' }).click();
  await expect.poll(async () => (await anna.references()).filter((r) => r.covered).length).toBe(1);

  // Locked: Anna sees why, and her tap adds nothing.
  await run.getByLabel('Reden voor de deelnemers').fill('We gaan plenair verder.');
  await run.getByRole('button', { name: 'Op slot zetten' }).click();
  await expect(anna.page.getByTestId('board-state')).toContainText('Op slot: We gaan plenair verder.');
  const before = (await anna.notes()).length;
  const vaardig = center('kracht-informeel', 'vaardigheden');
  await anna.tapBoard(vaardig.x, vaardig.y);
  await expect(anna.page.getByLabel('Tekst van de notitie')).not.toBeFocused();
  expect((await anna.notes()).length).toBe(before);
  await anna.page.screenshot({ path: `${SHOTS}/run-locked-tablet.png` });
  // Bilal's board is not locked.
  await bilal.addNoteOnBoard(center('kracht-informeel', 'positie').x, center('kracht-informeel', 'positie').y, 'Fysieke nabijheid');

  // The projector: both Kracht grids side by side, then merged.
  await run.getByLabel('De projector toont').selectOption({ label: 'Borden naast elkaar' });
  await run.getByRole('checkbox', { name: 'De kracht van informeel' }).check();
  await run.getByRole('checkbox', { name: 'De kracht van formeel' }).check();
  await run.getByRole('button', { name: 'Toon', exact: true }).click();
  await expect(projector.page.locator('.projector-cell')).toHaveCount(2);
  await expect
    .poll(() => projector.page.evaluate(() => (window as unknown as { Konva: { stages: any[] } }).Konva.stages.map((s) => s.findOne('.board-title')?.text()).sort()))
    .toEqual(['De kracht van formeel', 'De kracht van informeel']);
  await projector.page.screenshot({ path: `${SHOTS}/run-projector-side.png` });

  // Merged: the two groups' "De kracht van informeel", per zone, coloured by side.
  await run.getByLabel('De projector toont').selectOption({ label: 'Borden samengevoegd' });
  await run.getByRole('checkbox', { name: 'De kracht van formeel' }).uncheck();
  await run.getByRole('checkbox', { name: 'Kracht van informeel, groep 2' }).check();
  await run.getByRole('button', { name: 'Toon', exact: true }).click();
  const merged = projector.page.getByTestId('merged-board');
  await expect(merged).toBeVisible();
  await expect(merged).toHaveAttribute('data-notes', '3');
  const mergedNotes = () =>
    projector.page.evaluate(() =>
      (window as unknown as { Konva: { stages: any[] } }).Konva.stages
        .flatMap((s) => s.find('.merged-note'))
        .map((n: any) => `${n.findOne('.merged-note-text').getAttr('text')}|${n.findOne('.note-body').fill()}`)
        .sort(),
    );
  await expect.poll(mergedNotes).toEqual(['Fysieke nabijheid|#FFE58A', 'Kennis van de wijk|#FFE58A', 'Ze kennen twee culturen|#A9D6FF']);
  // The originals are untouched.
  expect(await anna.texts()).toEqual(['Ze kennen twee culturen']);
  await projector.page.screenshot({ path: `${SHOTS}/run-projector-merged.png` });
  await fac.board.page.screenshot({ path: `${SHOTS}/run-facilitator.png` });
});

test('the projector cannot change the meeting, whatever its page sends: the server drops its writes', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Alleen kijken', { boards: ['Vrij bord'] });
  const anna = await joinAs(browser, fac.code, 'Anna', 'formeel');
  const projector = await openProjector(browser, fac);
  const token = new URLSearchParams(new URL(projector.page.url()).hash.slice(1)).get('t')!;

  // A crafted update, as any page could send it on its own socket with the projector's token.
  const evil = new Y.Doc();
  initMeeting(evil, { title: 'gekaapt', createdAt: 1, boards: [{ id: 'evil-board', template: 'vrij', title: 'Gekaapt' }] });
  addNote(evil, { boardId: 'evil-board', x: 10, y: 10, side: null, authorId: 'x', createdAt: 1, text: 'Gekaapt' });
  const frame = Array.from(encodeUpdate(Y.encodeStateAsUpdate(evil)));
  const meetingId = fac.id;
  const sent = await projector.page.evaluate(
    async ({ frame, meetingId, token }) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`${location.origin.replace('http', 'ws')}/yjs/${meetingId}?token=${encodeURIComponent(token)}`);
        ws.binaryType = 'arraybuffer';
        ws.onopen = () => {
          ws.send(new Uint8Array(frame));
          setTimeout(() => resolve('sent'), 200);
        };
        ws.onerror = () => resolve('error');
      }),
    { frame, meetingId, token },
  );
  expect(sent).toBe('sent');

  // Anything sent before this note would have reached the facilitator before it.
  await anna.addNote(600, 400, 'Na de projector');
  await fac.board.note('Na de projector');
  expect(await fac.board.texts()).not.toContain('Gekaapt');
  await expect(fac.board.page.locator('.board-link')).toHaveCount(1);
  await expect(fac.board.page.getByRole('heading', { level: 1 })).not.toHaveText('gekaapt');
});

test('"volg mij": tablets and the projector open the board the facilitator shows, at the same part of it', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Volg mij', { programme: 'Kennismaking' });
  const anna = await joinAs(browser, fac.code, 'Anna', 'formeel');
  const projector = await openProjector(browser, fac);
  await fac.board.page.locator('.run-panel').getByRole('button', { name: 'Iedereen volgt mij' }).click();
  await expect(anna.page.getByTestId('board-state')).toContainText('Je volgt de gespreksleider');
  await fac.board.openBoard('Wat is je eigen kracht?');
  await expect.poll(() => anna.textsOf('.board-title')).toEqual(['Wat is je eigen kracht?']);
  await expect
    .poll(() => projector.page.evaluate(() => (window as unknown as { Konva: { stages: any[] } }).Konva.stages.map((s) => s.findOne('.board-title')?.text())))
    .toEqual(['Wat is je eigen kracht?']);
  // The facilitator zooms in on the top left: the tablet shows the same part, scaled to its screen.
  const scale = () => anna.page.evaluate(() => (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0].scaleX() as number);
  const before = await scale();
  for (let i = 0; i < 3; i++) await fac.board.page.getByRole('button', { name: 'Inzoomen' }).click();
  await expect.poll(scale).toBeGreaterThan(before * 1.5);
  await anna.page.screenshot({ path: `${SHOTS}/run-follow-tablet.png` });
  // Turned off: the tablet stays where it is and is free again.
  await fac.board.page.locator('.run-panel').getByRole('button', { name: 'Niet meer volgen' }).click();
  await expect(anna.page.getByTestId('board-state')).toHaveCount(0);
});
