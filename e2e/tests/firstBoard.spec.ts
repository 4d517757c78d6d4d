import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { BoardPage, createMeeting, joinAs, TABLET } from './pages.ts';
import { template, templateLabel as label } from './templates.ts';
import { typeAsPeople } from './typing.ts';

/**
 * How a participant's board first appears.
 *
 * Drawn once: every layer of the stage drawn at
 * the board's size, and none twice in one frame. Made at 0 × 0 and then sized
 * (a draw per layer for the width, another for the height) and with layers
 * made with props (Konva 10 then queues two draws each), the first board drew
 * every layer up to four times, a third of a second on a slow tablet.
 *
 * Connected early: the meeting's socket starts opening as soon as the join
 * form has its token (or "Verder als ..." is tapped), before the page changes
 * to the meeting's, and the meeting page takes that session over: one socket
 * for the meeting, not two.
 *
 * Made while the person looks: while "Verder als ..." is shown, the meeting's
 * page is made out of sight from the local copy, with no socket open and out
 * of reach (taps, keys, focus); the tap shows that page, already drawn,
 * within a frame or two, and only then does it connect, change the address
 * or open a board the facilitator sent the groups to.
 */

interface Draw {
  layer: number;
  frame: number;
  width: number;
  height: number;
}
/** The tap on "Verder als ...": frames counted from before it; the frame of the tap, and the first with the board visible. */
interface Tap {
  frame: number;
  at: number;
  visible: number;
  sizes: number;
}
type Watched = {
  Konva: { stages: any[]; Layer: { prototype: any }; Canvas: { prototype: any } };
  __watch: { frame: number; draws: Draw[]; sizes: [number, number][] };
};

test("a participant's board appears with each layer drawn at its size, once a frame", async ({ browser }) => {
  const f = await createMeeting(browser, 'Eerste beeld');
  for (const [i, text] of ['Vertrouwen', 'Taal', 'Tijd'].entries()) await f.board.addNoteOnBoard(300 + i * 160, 300, text);

  const context = await browser.newContext(TABLET);
  const page = await context.newPage();
  await page.goto(`/join?code=${f.code}`);
  // The board's code (Konva) loads while the form is shown: it is watched from then on.
  await page.waitForFunction(() => !!(window as unknown as Watched).Konva?.Layer);
  await page.evaluate(() => {
    const w = window as unknown as Watched;
    w.__watch = { frame: 0, draws: [], sizes: [] };
    const tick = () => {
      w.__watch.frame++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const drawScene = w.Konva.Layer.prototype.drawScene;
    w.Konva.Layer.prototype.drawScene = function (this: any, can: unknown, ...rest: unknown[]) {
      // A draw of the layer on its own canvas (not an export, not a slice on another canvas).
      if (!can || can === this.getCanvas()) {
        const stage = this.getStage();
        w.__watch.draws.push({ layer: stage ? stage.children.indexOf(this) : -1, frame: w.__watch.frame, width: this.getCanvas().width, height: this.getCanvas().height });
      }
      return drawScene.call(this, can, ...rest);
    };
    const setSize = w.Konva.Canvas.prototype.setSize;
    w.Konva.Canvas.prototype.setSize = function (this: any, width: number, height: number) {
      w.__watch.sizes.push([width ?? 0, height ?? 0]);
      return setSize.call(this, width, height);
    };
  });
  await page.getByLabel('Naam').tap();
  await typeAsPeople(page, 'Samira', 'fast');
  await page.getByRole('radio', { name: /^Informeel/ }).check();
  await page.getByRole('button', { name: 'Meedoen' }).tap();
  // The notes in the scene, and a few frames on (what the first appearance set off has been drawn).
  const since = await page.waitForFunction(() => {
    const w = window as unknown as Watched;
    return (w.Konva.stages[0]?.find('.note').length ?? 0) >= 3 && w.__watch.frame;
  }, null, { polling: 'raf' });
  const at = (await since.jsonValue()) as number;
  await page.waitForFunction((at) => (window as unknown as Watched).__watch.frame >= at + 5, at, { polling: 'raf' });

  const { draws, sizes } = await page.evaluate(() => (window as unknown as Watched).__watch);
  const stage = await page.evaluate(() => {
    const s = (window as unknown as Watched).Konva.stages[0];
    return { layers: s.children.length, width: s.children[0].getCanvas().width, height: s.children[0].getCanvas().height, logical: [s.width(), s.height()] };
  });
  expect(stage.layers).toBe(4);
  expect(draws.length).toBeGreaterThanOrEqual(stage.layers);
  // At its size: never drawn at 0 × 0 or half-sized on the way to it.
  expect(draws.filter((d) => d.width !== stage.width || d.height !== stage.height)).toEqual([]);
  // Its canvases were made 0 × 0 and then given the board's size, with nothing between.
  expect(sizes.filter(([w, h]) => (w !== 0 || h !== 0) && (w !== stage.logical[0] || h !== stage.logical[1]))).toEqual([]);
  // Once a frame: no layer drawn twice before the screen shows it.
  const perFrame = new Map<string, number>();
  for (const d of draws) perFrame.set(`${d.frame}:${d.layer}`, (perFrame.get(`${d.frame}:${d.layer}`) ?? 0) + 1);
  expect([...perFrame].filter(([, n]) => n > 1)).toEqual([]);
  await context.close();
  await f.board.context.close();
});

/** The app's marks (lib/marks.ts) in the order they were made. */
const marks = (page: Page) => page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name.replace(/^bodem:/, '')));
/** The meeting's sockets this page opened (its personal board's have /p/ in their path). */
const meetingSockets = (page: Page, id: string) => {
  const urls: string[] = [];
  page.on('websocket', (ws) => {
    const path = new URL(ws.url()).pathname;
    if (path === `/yjs/${id}`) urls.push(path);
  });
  return urls;
};

test('the meeting\'s socket starts opening before the meeting\'s page, from the form and from "Verder als ..."', async ({ browser }) => {
  const f = await createMeeting(browser, 'Vroeg verbonden');
  await f.board.addNoteOnBoard(400, 300, 'Vertrouwen');
  const context = await browser.newContext(TABLET);
  const page = await context.newPage();
  const sockets = meetingSockets(page, f.id);
  await page.goto(`/join?code=${f.code}`);
  // A person takes a moment to type their name: the board's code is here by the time they tap.
  await page.waitForFunction(() => !!(window as unknown as Watched).Konva?.Layer);
  await page.getByLabel('Naam').tap();
  await typeAsPeople(page, 'Joost', 'fast');
  await page.getByRole('radio', { name: /^Formeel/ }).check();
  await page.getByRole('button', { name: 'Meedoen' }).tap();
  const board = new BoardPage(page, context, true);
  await expect(board.status).toHaveAttribute('data-state', /connected|saved/);
  const joined = await marks(page);
  expect(joined.indexOf('session')).toBeGreaterThanOrEqual(0);
  expect(joined.indexOf('session')).toBeLessThan(joined.indexOf('route-meeting'));
  expect(sockets).toEqual([`/yjs/${f.id}`]);
  await expect(f.board.page.getByTestId('presence')).toContainText('Joost');

  // The same tablet opens the join link again and carries on.
  await page.close();
  const again = await context.newPage();
  const againSockets = meetingSockets(again, f.id);
  await again.goto(`/join?code=${f.code}`);
  const joinTitle = await again.title();
  // While "Verder als Joost" is shown, the meeting's page is made out of sight from its local copy, and nobody
  // sees Joost: no socket opens, and the address and the title stay the join page's.
  await expect.poll(() => marks(again)).toContain('local-loaded');
  await again.waitForFunction(() => ((window as unknown as Watched).Konva?.stages[0]?.find('.note').length ?? 0) >= 1, null, { polling: 'raf' });
  const prepared = again.locator('.page-prepared');
  await expect(prepared).toHaveAttribute('inert', '');
  expect(await again.evaluate(() => (window as unknown as Watched).Konva.stages[0].container().checkVisibility({ visibilityProperty: true }))).toBe(false);
  await expect(again.getByRole('region', { name: /bord|board/i })).toHaveCount(0);
  // Out of reach: tabbing through the join page never lands in it, and a tap on its place reaches the join page.
  for (let i = 0; i < 12; i++) {
    await again.keyboard.press('Tab');
    expect(await again.evaluate(() => !!document.activeElement?.closest('.page-prepared'))).toBe(false);
  }
  expect(await again.evaluate(() => document.elementFromPoint(512, 700)?.closest('.page-prepared') ?? null)).toBeNull();
  expect(await again.evaluate(() => location.pathname)).toBe('/join');
  expect(await again.title()).toBe(joinTitle);
  expect(againSockets).toEqual([]);
  await expect(f.board.page.getByTestId('presence')).not.toContainText('Joost');
  // Nor to assistive technology: the join page with the page behind it passes axe's WCAG 2.1 AA rules
  // (aria-hidden holding focusable elements among them).
  const axe = await new AxeBuilder({ page: again }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(axe.passes.length).toBeGreaterThan(5);

  // The tap shows the page made meanwhile: visible a frame or two after the tap, its canvases not made again.
  // Watched in every frame from before the tap (a poll from outside starts only once tap() has returned).
  const stageBefore = await again.evaluate(() => {
    const w = window as unknown as Watched & { __tap: Tap };
    w.__tap = { frame: 0, at: -1, visible: -1, sizes: 0 };
    const tick = () => {
      w.__tap.frame++;
      const s = w.Konva.stages[0];
      if (w.__tap.visible < 0 && s?.container().checkVisibility({ visibilityProperty: true }) && s.find('.note').length >= 1) w.__tap.visible = w.__tap.frame;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    addEventListener('click', () => (w.__tap.at = w.__tap.frame), true);
    const setSize = w.Konva.Canvas.prototype.setSize;
    w.Konva.Canvas.prototype.setSize = function (this: unknown, ...args: unknown[]) {
      w.__tap.sizes++;
      return setSize.apply(this, args);
    };
    return w.Konva.stages[0]._id as number;
  });
  await again.getByRole('link', { name: 'Verder als Joost' }).tap();
  await again.waitForFunction(() => (window as unknown as { __tap: Tap }).__tap.visible >= 0);
  const tap = await again.evaluate(() => (window as unknown as { __tap: Tap }).__tap);
  expect(tap.at).toBeGreaterThanOrEqual(0);
  expect(tap.visible - tap.at).toBeLessThanOrEqual(2);
  const board2 = new BoardPage(again, context, true);
  await expect(board2.status).toHaveAttribute('data-state', /connected|saved/);
  expect(await again.evaluate(() => (window as unknown as { __tap: Tap }).__tap.sizes)).toBe(0);
  // The same stage: what was drawn out of sight is what shows.
  expect(await again.evaluate(() => (window as unknown as Watched).Konva.stages.map((s) => s._id as number))).toEqual([stageBefore]);
  const rejoined = await marks(again);
  // Connected at the tap, not before.
  expect(rejoined.indexOf('session')).toBeGreaterThan(rejoined.indexOf('local-loaded'));
  expect(rejoined.indexOf('session')).toBeGreaterThan(rejoined.lastIndexOf('route-meeting') - 1);
  expect(againSockets).toEqual([`/yjs/${f.id}`]);
  await expect(f.board.page.getByTestId('presence')).toContainText('Joost');
  await expect(again).toHaveTitle(/Vroeg verbonden/);

  // Someone else on the same tablet: the join form, not "Verder als Joost". The page made for Joost goes, and the
  // new person's page is their own.
  await again.goto(`/join?code=${f.code}`);
  await expect.poll(() => again.evaluate(() => document.querySelectorAll('.page-prepared .board').length)).toBe(1);
  const name = again.getByLabel('Naam');
  await name.tap();
  await name.press('Control+A');
  await typeAsPeople(again, 'Mira', 'fast');
  await again.getByRole('button', { name: 'Meedoen' }).tap();
  const board3 = new BoardPage(again, context, true);
  await expect(board3.status).toHaveAttribute('data-state', /connected|saved/);
  await expect(f.board.page.getByTestId('presence')).toContainText('Mira');
  expect(await again.evaluate(() => (window as unknown as Watched).Konva.stages.length)).toBe(1);
  expect(await again.evaluate(() => document.querySelectorAll('.page-prepared').length)).toBe(0);
  await context.close();
  await f.board.context.close();
});

test('a meeting page made out of sight changes nothing outside itself: a board the groups were sent to opens after the tap', async ({ browser }) => {
  const ids = ['kracht-informeel', 'boom'] as const;
  const fac = await createMeeting(browser, 'Klaar gezet', { boards: ids.map((id) => label(id)) });
  const anna = await joinAs(browser, fac.code, 'Anna', 'formeel', TABLET);
  const meetingId = new URL(anna.page.url()).pathname.split('/').pop()!;
  // Sent to the Boom by the facilitator; then Anna chooses another board by hand.
  await fac.board.sendPersonTo('Anna', template('boom').title);
  await expect.poll(() => anna.textsOf('.board-title')).toEqual([template('boom').title]);
  await anna.openBoard(template('kracht-informeel').title);
  // As if the send had not been followed on this tablet: the page made for "Verder als Anna" would follow it.
  await anna.page.evaluate((id) => localStorage.removeItem(`bodem:sent:${id}`), meetingId);
  const sockets = meetingSockets(anna.page, meetingId);
  await anna.page.goto(`/join?code=${fac.code}`);
  await expect.poll(() => marks(anna.page)).toContain('local-loaded');
  // Made out of sight, on the board this tablet showed last.
  await expect.poll(() => anna.page.evaluate(() => !!document.querySelector('.page-prepared .board'))).toBe(true);
  await expect.poll(() => anna.textsOf('.board-title')).toEqual([template('kracht-informeel').title]);
  // Some frames on, the join page is still where the person is.
  await anna.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done)))));
  expect(await anna.page.evaluate(() => location.pathname + location.search)).toBe(`/join?code=${fac.code}`);
  await expect(anna.page.getByRole('link', { name: 'Verder als Anna' })).toBeVisible();
  expect(sockets).toEqual([]);
  // Shown: the send is followed now, as on any opening of the meeting.
  await anna.page.getByRole('link', { name: 'Verder als Anna' }).tap();
  await expect.poll(() => anna.textsOf('.board-title')).toEqual([template('boom').title]);
  await expect(anna.page).toHaveURL(new RegExp(`/m/${meetingId}\\?bord=`));
  expect(sockets).toEqual([`/yjs/${meetingId}`]);
  await anna.context.close();
  await fac.board.context.close();
});
