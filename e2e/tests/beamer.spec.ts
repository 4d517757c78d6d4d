import { expect, test, type Browser, type Page } from '@playwright/test';
import { BoardPage, createMeeting, joinAs, type Facilitator } from './pages.ts';
import { template, templateLabel as label } from './templates.ts';
import { smallestText } from './beamerText.ts';

const SHOTS = 'test-results/beamer';

const openBeamer = async (browser: Browser, fac: Facilitator): Promise<Page> => {
  const href = await fac.board.page.getByRole('link', { name: 'Projector openen' }).getAttribute('href');
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(href!);
  await expect(page.getByTestId('projector')).toBeVisible();
  return page;
};

/** The zones of each board on the beamer, against its canvas: does every zone lie wholly on screen? */
const zonesOnScreen = (page: Page) =>
  page.evaluate(() => {
    const konva = (window as unknown as { Konva: { stages: any[] } }).Konva;
    return konva.stages.map((stage) => {
      const zones = stage.find('.zone');
      const out = zones.filter((z: any) => {
        const r = z.getClientRect();
        return r.x < -1 || r.y < -1 || r.x + r.width > stage.width() + 1 || r.y + r.height > stage.height() + 1;
      });
      return { zones: zones.length, off: out.length };
    });
  });

test('the beamer at 1920x1080: every mode fits, the presentation walks zone by zone with text of 32 px or more, merging refuses boards that differ, votes live', async ({ browser }) => {
  test.setTimeout(180_000);
  const fac = await createMeeting(browser, 'Beamer', { boards: [label('kracht-informeel'), label('kracht-formeel'), label('boom'), label('voorbeeld')] });
  const anna = await joinAs(browser, fac.code, 'Anna', 'formeel');
  const bilal = await joinAs(browser, fac.code, 'Bilal', 'informeel');
  const beamer = await openBeamer(browser, fac);
  const run = fac.board.page.locator('.run-panel');
  const mode = run.getByLabel('De projector toont');
  const show = run.getByRole('button', { name: 'Toon', exact: true });

  // The groups write: notes on both Kracht boards, role cards on the Boom.
  const ki = template('kracht-informeel');
  const kf = template('kracht-formeel');
  await anna.openBoard(ki.title);
  await anna.hidePanel();
  for (const text of ['Ze kennen twee culturen', 'Spreken de taal van de ouders', 'Vertrouwd in de wijk']) await writeInZone(anna, ki.zones[0]!.shape, text);
  await bilal.openBoard(kf.title);
  await bilal.hidePanel();
  for (const text of ['Kennen de sociale kaart', 'Korte lijnen met het wijkteam']) await writeInZone(bilal, kf.zones[0]!.shape, text);
  await anna.openBoard(template('boom').title);
  await anna.hidePanel();
  const chips = anna.page.locator('.role-palette .role-chip');
  for (let i = 0; i < 2; i++) {
    await chips.nth(i).tap();
    await expect.poll(async () => (await anna.roleCards()).length).toBe(i + 1);
  }

  // "Volg mij" (the default): the board the facilitator is on, whole — zoomed in on a zone themself.
  await fac.board.openBoard(ki.title);
  await expect.poll(async () => (await zonesOnScreen(beamer)).map((s) => s.zones)).toEqual([ki.zones.length]);
  await expect.poll(async () => (await zonesOnScreen(beamer))[0]!.off).toBe(0);
  await beamer.screenshot({ path: `${SHOTS}/beamer-follow.png` });

  // One board, whole.
  await fac.board.openBoard(template('boom').title);
  await mode.selectOption({ label: 'Eén bord' });
  await show.click();
  await expect.poll(async () => (await zonesOnScreen(beamer)).map((s) => s.zones)).toEqual([template('boom').zones.length]);
  await expect.poll(async () => (await zonesOnScreen(beamer))[0]!.off).toBe(0);
  await beamer.screenshot({ path: `${SHOTS}/beamer-board.png` });

  // The presentation: the Boom zone by zone; its trunk holds the role cards.
  await mode.selectOption({ label: 'Presenteren: vak voor vak' });
  await show.click();
  const walkEl = beamer.getByTestId('walk');
  await expect(walkEl).toBeVisible();
  const boom = template('boom');
  await expect(beamer.getByTestId('walk-zone')).toHaveText(boom.zones[0]!.label);
  const stam = boom.zones.findIndex((z) => z.id === 'stam');
  for (let i = 0; i < stam; i++) {
    await run.getByRole('button', { name: 'Volgend vak' }).click();
    await expect(walkEl).toHaveAttribute('data-step', String(i + 1));
  }
  await expect(beamer.getByTestId('walk-zone')).toHaveText(boom.zones[stam]!.label);
  await expect(run.getByTestId('walk-at')).toContainText(boom.zones[stam]!.label);
  await expect.poll(() => beamer.evaluate(() => (window as any).Konva.stages.flatMap((s: any) => s.find('.walk-role')).length)).toBe(2);
  const roles = await smallestText(beamer);
  expect(roles.counted).toBeGreaterThan(4);
  console.log(`smallest text with role cards: ${roles.min.toFixed(1)} px over ${roles.counted} texts`);
  expect(roles.min, 'smallest text with role cards').toBeGreaterThanOrEqual(32);
  await beamer.screenshot({ path: `${SHOTS}/beamer-zones-roles.png` });

  // The presentation of a board of notes; "Vorig vak" is there too.
  await fac.board.openBoard(ki.title);
  await show.click();
  await expect(beamer.getByTestId('walk-zone')).toHaveText(ki.zones[0]!.label);
  await expect.poll(() => beamer.evaluate(() => (window as any).Konva.stages.flatMap((s: any) => s.find('.walk-note')).length)).toBe(3);
  const notes = await smallestText(beamer);
  console.log(`smallest text with notes: ${notes.min.toFixed(1)} px over ${notes.counted} texts`);
  expect(notes.min, 'smallest text with notes').toBeGreaterThanOrEqual(32);
  await beamer.screenshot({ path: `${SHOTS}/beamer-zones-notes.png` });
  await run.getByRole('button', { name: 'Volgend vak' }).click();
  await expect(beamer.getByTestId('walk-zone')).toHaveText(ki.zones[1]!.label);
  await run.getByRole('button', { name: 'Vorig vak' }).click();
  await expect(beamer.getByTestId('walk-zone')).toHaveText(ki.zones[0]!.label);
  await run.getByTestId('walk-at').scrollIntoViewIfNeeded();
  await fac.board.page.screenshot({ path: `${SHOTS}/panel-walk.png` });

  // Side by side: whole boards would be unreadable, so the same zone of each, side by side.
  await mode.selectOption({ label: 'Borden naast elkaar' });
  await run.getByRole('checkbox', { name: ki.title }).check();
  await run.getByRole('checkbox', { name: kf.title }).check();
  await show.click();
  await expect(beamer.locator('.walk-cell')).toHaveCount(2);
  await expect.poll(() => beamer.evaluate(() => (window as any).Konva.stages.flatMap((s: any) => s.find('.walk-note')).length)).toBe(5);
  const side = await smallestText(beamer);
  console.log(`smallest text side by side: ${side.min.toFixed(1)} px over ${side.counted} texts`);
  expect(side.min, 'smallest text side by side').toBeGreaterThanOrEqual(32);
  await beamer.screenshot({ path: `${SHOTS}/beamer-side.png` });

  // Merging two different boards is refused, saying why, and nothing is sent.
  await mode.selectOption({ label: 'Borden samengevoegd' });
  await expect(run.getByTestId('merge-refused-panel')).toContainText('kunnen niet samengevoegd worden');
  await expect(show).toBeDisabled();
  await fac.board.page.screenshot({ path: `${SHOTS}/panel-merge-refused.png` });
  await expect(beamer.locator('.walk-cell')).toHaveCount(2);
  // One kind of board merges.
  await run.getByRole('checkbox', { name: kf.title }).uncheck();
  await expect(show).toBeEnabled();
  await show.click();
  await expect(beamer.getByTestId('merged-board')).toHaveAttribute('data-notes', '3');
  await expect.poll(async () => (await zonesOnScreen(beamer)).length).toBe(1);
  await beamer.screenshot({ path: `${SHOTS}/beamer-merged.png` });

  // Votes: the ranking, live as people vote.
  await mode.selectOption({ label: 'Stemmen en rangorde' });
  await show.click();
  const ranked = beamer.getByTestId('ranked');
  await expect(ranked).toHaveCount(1);
  await expect(ranked).toHaveAttribute('data-count', '0');
  for (const p of [anna, bilal]) {
    await p.openBoard(template('voorbeeld').title);
    await p.page.getByRole('button', { name: 'Stem op dit idee' }).click();
  }
  await expect(ranked).toHaveAttribute('data-count', '2');
  await expect(ranked).toContainText('2 stemmen');
  const rankSize = await beamer.evaluate(() => Math.min(...[...document.querySelectorAll('[data-testid="ranking"] li span')].map((e) => parseFloat(getComputedStyle(e).fontSize))));
  expect(rankSize).toBeGreaterThanOrEqual(32);
  await beamer.screenshot({ path: `${SHOTS}/beamer-votes.png` });
});

/** A note written in the middle of a zone (rect or other shape: its bounds' middle, a little apart per note). */
let offset = 0;
const writeInZone = async (p: BoardPage, shape: { type: string } & Record<string, any>, text: string) => {
  const b = shape.type === 'rect' ? shape : shape.type === 'ellipse' ? { x: shape.cx - shape.rx, y: shape.cy - shape.ry, width: 2 * shape.rx, height: 2 * shape.ry } : null;
  if (!b) throw new Error('rect or ellipse zones only');
  offset = (offset + 1) % 3;
  await p.addNoteOnBoard(b.x + b.width / 2 - 200 + offset * 200, b.y + b.height / 2 - 100 + offset * 30, text);
};
