import { expect, test, type Page } from '@playwright/test';
import { BoardPage, createMeeting, TABLET } from './pages.ts';
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
 * for the meeting, not two. While "Verder als ..." is shown, the meeting's
 * local copy is loaded, with no socket open.
 */

interface Draw {
  layer: number;
  frame: number;
  width: number;
  height: number;
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
  const again = await context.newPage();
  const againSockets = meetingSockets(again, f.id);
  await again.goto(`/join?code=${f.code}`);
  // While "Verder als Joost" is shown, the meeting's local copy loads, and nobody sees Joost: no socket opens.
  await expect.poll(() => marks(again)).toContain('local-loaded');
  expect(await again.evaluate(() => location.pathname)).toBe('/join');
  expect(againSockets).toEqual([]);
  await again.getByRole('link', { name: 'Verder als Joost' }).tap();
  const board2 = new BoardPage(again, context, true);
  await expect(board2.status).toHaveAttribute('data-state', /connected|saved/);
  const rejoined = await marks(again);
  expect(rejoined.indexOf('session')).toBeLessThan(rejoined.indexOf('route-meeting'));
  expect(againSockets).toEqual([`/yjs/${f.id}`]);
  await context.close();
  await f.board.context.close();
});
