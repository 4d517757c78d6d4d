import { expect, test } from '@playwright/test';
import { createMeeting, joinAs, NetworkSwitch, TABLET, type BoardPage, type Point } from './pages.ts';

const SHOTS = 'test-results/screens';
const PORTRAIT = { viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: false } as const;

const stageScale = (p: BoardPage) => p.page.evaluate(() => (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0].scaleX() as number);
const strokes = (p: BoardPage) => p.page.evaluate(() => (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0].find('.stroke').length as number);

/** Two fingers moving apart around a centre: a pinch, as CDP touch events (Playwright's touchscreen only taps). */
const pinch = async (p: BoardPage, c: Point, from: number, to: number) => {
  const cdp = await p.context.newCDPSession(p.page);
  const at = (d: number) => [
    { x: c.x - d, y: c.y, id: 1 },
    { x: c.x + d, y: c.y, id: 2 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(from) });
  for (let i = 1; i <= 12; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(from + ((to - from) * i) / 12) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
};

/**
 * Pixels of a layer of the board (the notes layer unless told) that differ
 * from a full redraw of it; the layer is left fully redrawn. A note left
 * behind or missing is thousands of pixels. Drawn under a clip, or with the
 * camera in another matrix, an anti-aliased edge may differ by a step or a
 * letter sit a rounding further: a pixel counts when a channel is off by
 * more than 16, and a handful of them is no stale picture.
 */
const staleNotePixels = (p: BoardPage, index = 1) =>
  p.page.evaluate((index) => {
    const layer = (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0].children[index];
    const canvas = layer.getCanvas()._canvas as HTMLCanvasElement;
    const ctx = canvas.getContext('2d')!;
    const shown = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    layer.draw();
    const full = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    let where = '';
    for (let i = 0; i < full.length; i++) {
      if (Math.abs(full[i]! - shown[i]!) <= 16) continue;
      const px = Math.floor(i / 4);
      if (!count++) where = `first at ${px % canvas.width},${Math.floor(px / canvas.width)}`;
      i = px * 4 + 3;
    }
    return { count, where };
  }, index);
const STALE = 20;

/** Counts whole redraws of each layer of the board from now on (a redraw of one area is not one). */
const watchDraws = (p: BoardPage) =>
  p.page.evaluate(() => {
    const w = window as unknown as { Konva: { stages: any[] }; __draws: number[] };
    w.__draws = [];
    w.Konva.stages[0].children.forEach((layer: any, i: number) => {
      w.__draws[i] = 0;
      const draw = layer.drawScene;
      layer.drawScene = function (...args: unknown[]) {
        w.__draws[i]!++;
        return draw.apply(this, args);
      };
    });
  });
const draws = (p: BoardPage) => p.page.evaluate(() => (window as unknown as { __draws: number[] }).__draws.slice());
/**
 * Two frames from now: a change of the notes layer is drawn by area in the
 * next frame, before the browser paints it (areaDraws.ts), not in the
 * handler that made it.
 */
const twoFrames = (p: BoardPage) => p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
/**
 * The poster and ink layers show through a still copy of their picture
 * (client/src/board/stillLayer.ts): for each layer that has one, how many
 * bytes of the copy differ from the layer's own canvas, and whether each is
 * on the page. A copy left behind after a redraw differs by thousands.
 */
const stills = (p: BoardPage) =>
  p.page.evaluate(() =>
    (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0].children.flatMap((layer: any, i: number) => {
      const source = layer.getCanvas()._canvas as HTMLCanvasElement;
      if (source.dataset['still'] !== 'layer') return [];
      const still = source.nextElementSibling;
      // A still layer that never showed anything has no copy yet.
      if (!(still instanceof HTMLCanvasElement) || still.dataset['still'] !== 'copy') return [{ layer: i, shown: false, sourceShown: source.style.display !== 'none', differ: 0 }];
      const shown = still.style.display !== 'none';
      let differ = 0;
      if (shown) {
        const scratch = document.createElement('canvas');
        scratch.width = source.width;
        scratch.height = source.height;
        const c = scratch.getContext('2d')!;
        c.drawImage(still, 0, 0);
        const a = c.getImageData(0, 0, source.width, source.height).data;
        const b = source.getContext('2d')!.getImageData(0, 0, source.width, source.height).data;
        for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) differ++;
      }
      return [{ layer: i, shown, sourceShown: source.style.display !== 'none', differ }];
    }),
  );

/** The stage's layers: poster, notes, strokes, what moves, cursors. */
const NOTES = 1;
const MOVING = 3;

test('on touch tablets: a note through the text field, a finger drag, a pinch zoom, and a pen stroke the other tablet sees', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Tablets', { boards: ['Vrij bord'] });
  const anna = await joinAs(browser, fac.code, 'Anna', 'formeel');
  const bilal = await joinAs(browser, fac.code, 'Bilal', 'informeel', PORTRAIT);
  await anna.hidePanel();

  // A note: tap empty space, type in the real text field, "Klaar"; then edit it again through the field.
  await anna.addNote(300, 300, 'Samen koken');
  const n = await anna.note('Samen koken');
  await anna.tap(n.cx, n.cy);
  await anna.tap(n.cx, n.cy);
  const editor = anna.page.getByLabel('Tekst van de notitie');
  await expect(editor).toBeFocused();
  await editor.press('End');
  await editor.pressSequentially(' op vrijdag');
  await anna.page.getByRole('button', { name: 'Klaar', exact: true }).click();
  await bilal.note('Samen koken op vrijdag');

  // One finger on the note drags it; the other tablet sees it land.
  const before = await anna.note('Samen koken op vrijdag');
  await anna.dragFromTo({ x: before.cx, y: before.cy }, { x: before.cx + 200, y: before.cy + 120 });
  await expect.poll(async () => (await bilal.note('Samen koken op vrijdag')).x).toBeGreaterThan(before.x + 200);

  // A long press opens the note's menu, and does not start editing.
  const held = await anna.note('Samen koken op vrijdag');
  const cdp = await anna.context.newCDPSession(anna.page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: held.cx, y: held.cy, id: 1 }] });
  await expect(anna.page.getByRole('toolbar', { name: 'Notitie' })).toBeVisible();
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await expect(anna.page.getByRole('button', { name: 'Verwijderen' })).toBeVisible();
  await expect(anna.page.getByLabel('Tekst van de notitie')).not.toBeFocused();
  await anna.page.keyboard.press('Escape');

  // Two fingers zoom the board, not the page.
  const scale = await stageScale(anna);
  await pinch(anna, { x: 600, y: 420 }, 60, 220);
  await expect.poll(() => stageScale(anna)).toBeGreaterThan(scale * 2);
  expect(await anna.page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);
  await anna.page.getByRole('button', { name: 'Hele bord' }).click();

  // No ink yet: neither the ink layer nor its still copy is on the page.
  await expect.poll(() => stills(anna)).toEqual([
    { layer: 0, shown: true, sourceShown: false, differ: 0 },
    { layer: 2, shown: false, sourceShown: false, differ: 0 },
  ]);
  // The pen: one finger draws; the line is written once, on lifting the finger, and reaches the other tablet.
  await anna.page.getByRole('button', { name: /Pen/ }).click();
  await anna.dragAlong([
    { x: 300, y: 500 },
    { x: 400, y: 560 },
    { x: 520, y: 480 },
    { x: 640, y: 560 },
  ]);
  await expect.poll(() => strokes(anna)).toBe(1);
  await expect.poll(() => strokes(bilal)).toBe(1);
  // Two fingers still pinch with the pen chosen, and draw nothing.
  const penScale = await stageScale(anna);
  await pinch(anna, { x: 600, y: 420 }, 60, 180);
  await expect.poll(() => stageScale(anna)).toBeGreaterThan(penScale * 1.5);
  expect(await strokes(anna)).toBe(1);
  await anna.page.getByRole('button', { name: 'Hele bord' }).click();
  // The poster (0) and the ink (2) show through still copies equal to their layers, at the camera they settled at.
  for (const t of [anna, bilal]) {
    await expect
      .poll(() => stills(t))
      .toEqual([
        { layer: 0, shown: true, sourceShown: false, differ: 0 },
        { layer: 2, shown: true, sourceShown: false, differ: 0 },
      ]);
  }
  await anna.page.screenshot({ path: `${SHOTS}/tablet-landscape.png` });
  await bilal.page.screenshot({ path: `${SHOTS}/tablet-portrait.png` });

  // The eraser takes the line away for everyone; undo brings it back.
  await anna.page.getByRole('button', { name: /Gum/ }).click();
  await anna.dragAlong([
    { x: 400, y: 470 },
    { x: 400, y: 600 },
  ]);
  await expect.poll(() => strokes(bilal)).toBe(0);
  await anna.page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect.poll(() => strokes(bilal)).toBe(1);
});

test('two tablets edit the same note while their sockets are cut; after reconnecting both edits survive and all three views agree', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Wifi valt weg', { boards: ['Vrij bord'] });
  const anna = await joinAs(browser, fac.code, 'Anna', 'formeel');
  const bilal = await joinAs(browser, fac.code, 'Bilal', 'informeel');
  const nets: NetworkSwitch[] = [];
  for (const t of [anna, bilal]) {
    nets.push(await NetworkSwitch.install(t.context));
    await t.page.reload();
    await expect(t.status).toHaveAttribute('data-state', /connected|saved/);
  }
  await anna.addNote(400, 350, 'Ouderavond');
  await bilal.note('Ouderavond');
  await anna.waitSaved();

  for (const n of nets) await n.offline();
  for (const t of [anna, bilal]) await expect(t.status).toContainText('niet verbonden — je werk blijft bewaard');
  await anna.editNote('Ouderavond', 'Ouderavond in de moskee');
  await bilal.editNote('Ouderavond', 'Gezamenlijke ouderavond');
  await expect.poll(() => anna.texts()).toEqual(['Ouderavond in de moskee']);
  await expect.poll(() => bilal.texts()).toEqual(['Gezamenlijke ouderavond']);
  // The facilitator, online all along, still has the old text.
  expect(await fac.board.texts()).toEqual(['Ouderavond']);

  for (const n of nets) await n.online();
  const merged = 'Gezamenlijke ouderavond in de moskee';
  for (const t of [anna, bilal, fac.board]) await expect.poll(() => t.texts(), { timeout: 30_000 }).toEqual([merged]);
  for (const t of [anna, bilal]) await t.waitSaved();
  // And the server has it: a fresh look after a reload shows the same.
  await fac.board.page.reload();
  await expect.poll(() => fac.board.texts()).toEqual([merged]);
});

test('on a laptop the keyboard works the board: arrows move the selected note, Delete removes it, Ctrl+Z brings it back', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Toetsenbord', { boards: ['Vrij bord'] });
  const board = fac.board;
  await board.hidePanel();
  await board.addNote(500, 400, 'Met pijltjes');
  const n = await board.note('Met pijltjes');
  await board.page.mouse.click(n.cx, n.cy);
  await expect(board.page.getByRole('toolbar', { name: 'Notitie' })).toBeVisible();
  await board.page.keyboard.press('ArrowRight');
  await board.page.keyboard.press('ArrowRight');
  await board.page.keyboard.press('Shift+ArrowDown');
  await expect.poll(async () => {
    const m = await board.note('Met pijltjes');
    return [m.x - n.x, m.y - n.y];
  }).toEqual([20, 50]);
  await board.page.keyboard.press('Delete');
  await expect.poll(() => board.texts()).toEqual([]);
  await board.page.keyboard.press('Control+z');
  await expect.poll(() => board.texts()).toEqual(['Met pijltjes']);
});

test('pan, pinch and wheel move the drawn board without redrawing it, redraw it where it was shown, and taps land on the note under the finger', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Camera', { boards: ['Vrij bord'] });
  // A tablet's screen: two device pixels to a CSS pixel.
  const anna = await joinAs(browser, fac.code, 'Anna', 'formeel', { ...TABLET, deviceScaleFactor: 2 });
  await anna.hidePanel();
  await anna.addNoteOnBoard(700, 800, 'Links');
  await anna.addNoteOnBoard(1400, 800, 'Rechts');
  const camera = () =>
    anna.page.evaluate(() => {
      const stage = (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0];
      return { scale: stage.scaleX() as number, x: stage.x() as number, moved: stage.content.style.transform !== '' };
    });
  const settled = async () => expect.poll(async () => (await camera()).moved).toBe(false);
  const selected = async () => (await anna.notes()).filter((n) => n.selected).map((n) => n.text);

  // Two fingers apart around "Links": zoomed in once they lift, the board redrawn at that camera.
  const before = await camera();
  const links = await anna.note('Links');
  await watchDraws(anna);
  await pinch(anna, { x: links.cx, y: links.cy }, 50, 130);
  await settled();
  expect((await camera()).scale).toBeGreaterThan(before.scale * 1.8);
  // Neither while the fingers moved nor after was the layer of every note redrawn in one go: after, it was redrawn in slices.
  expect((await draws(anna))[NOTES]).toBe(0);
  // Redrawn in slices, the poster, notes and ink show what a full redraw would.
  for (const layer of [0, 1, 2]) expect((await staleNotePixels(anna, layer)).count, `layer ${layer}`).toBeLessThan(STALE);
  // The pinch zoomed around its middle: "Links" is still under the fingers.
  const zoomed = await anna.note('Links');
  expect(Math.abs(zoomed.cx - links.cx)).toBeLessThan(40);
  expect(Math.abs(zoomed.cy - links.cy)).toBeLessThan(40);

  // One finger on empty board pans; while it moves, nothing is redrawn (the stage keeps its
  // camera, the drawn picture is moved), and where the picture was at the end is where the
  // redrawn board is: no jump.
  const start = await anna.boardToScreen(700, 500);
  const panBefore = await camera();
  let seenAtEnd: { cx: number; cy: number } | null = null;
  await anna.dragAlong([start, { x: start.x - 150, y: start.y + 40 }], {
    beforeRelease: async () => {
      // Chrome hands a finger's moves to the page once per frame: what is on screen after the last move is
      // the picture a frame later (measured at once, it can still be a move behind).
      await twoFrames(anna);
      const mid = await camera();
      expect(mid.moved).toBe(true);
      expect(mid.x).toBe(panBefore.x);
      seenAtEnd = await anna.note('Links');
    },
  });
  await settled();
  const after = await anna.note('Links');
  expect(Math.abs(after.cx - seenAtEnd!.cx)).toBeLessThan(1);
  expect(Math.abs(after.cy - seenAtEnd!.cy)).toBeLessThan(1);
  expect(after.cx - zoomed.cx).toBeCloseTo(-150, 0);
  // Lifting the finger after a pan is no tap: no note was added.
  expect((await anna.notes()).length).toBe(2);

  // A tap lands on the note under the finger, after the redraw.
  await anna.tap(after.cx, after.cy);
  await expect.poll(selected).toEqual(['Links']);
  await anna.page.keyboard.press('Escape');

  // The wheel zooms around the pointer; the point under it stays there once redrawn.
  const rechts = await anna.note('Rechts');
  await anna.page.mouse.move(rechts.cx, rechts.cy);
  await anna.page.mouse.wheel(0, 200);
  // Right after the notch (the layers are redrawn only when the notches stop), a tap on "Links" selects it.
  const links2 = await anna.note('Links');
  await anna.tap(links2.cx, links2.cy);
  await expect.poll(selected).toEqual(['Links']);
  await settled();
  const rechts2 = await anna.note('Rechts');
  expect(Math.abs(rechts2.cx - rechts.cx)).toBeLessThan(1);
  expect(Math.abs(rechts2.cy - rechts.cy)).toBeLessThan(1);
});

test('lifting a note off a crowded board and putting it down redraws only those places, and leaves the picture a full redraw would', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Stapel', { boards: ['Vrij bord'] });
  const board = fac.board;
  await board.hidePanel();
  // Notes lying over each other, and one to move across them.
  for (const [i, text] of ['Een', 'Twee', 'Drie', 'Vier'].entries()) await board.addNoteOnBoard(900 + i * 150, 700 + i * 100, text);
  await board.addNoteOnBoard(400, 300, 'Verhuizer');
  await expect.poll(async () => (await staleNotePixels(board)).count).toBeLessThan(STALE);
  const from = await board.note('Verhuizer');
  const to = await board.boardToScreen(1130, 900);
  await watchDraws(board);
  await board.dragAlong([{ x: from.cx, y: from.cy }, { x: (from.cx + to.x) / 2, y: from.cy }, to], {
    beforeRelease: async () => {
      // While it moves, only the layer of what moves is redrawn.
      const n = await draws(board);
      expect(n[NOTES]).toBe(0);
      expect(n[MOVING]).toBeGreaterThan(3);
      // Lifted: the notes layer shows the board without it, as a full redraw would.
      await twoFrames(board);
      expect((await staleNotePixels(board)).count).toBeLessThan(STALE);
    },
  });
  await expect.poll(async () => (await board.note('Verhuizer')).x).toBeGreaterThan(800);
  // Put down among the others: the same again, from the next frame on.
  await twoFrames(board);
  expect((await staleNotePixels(board)).count).toBeLessThan(STALE);
});

test("someone else's drag moves on the drag layer: the other tablet follows it without redrawing the layer of every note at each step", async ({ browser }) => {
  const fac = await createMeeting(browser, 'Meekijken', { boards: ['Vrij bord'] });
  const anna = await joinAs(browser, fac.code, 'Anna', 'formeel');
  const bilal = await joinAs(browser, fac.code, 'Bilal', 'informeel');
  for (const t of [anna, bilal]) await t.hidePanel();
  await anna.addNoteOnBoard(600, 600, 'Onderweg');
  const start = await bilal.note('Onderweg');
  const from = await anna.note('Onderweg');
  await watchDraws(bilal);
  const path = Array.from({ length: 6 }, (_, i) => ({ x: from.cx + i * 40, y: from.cy + (i % 2) * 30 }));
  await anna.dragAlong(path, {
    steps: 8,
    beforeRelease: async () => {
      // Bilal sees it under Anna's hand, on the layer of what moves.
      await expect.poll(async () => (await bilal.note('Onderweg')).x).toBeGreaterThan(start.x + 300);
      const onLayer = await bilal.page.evaluate(() => (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0].findOne('.note').getLayer().index);
      expect(onLayer).toBe(MOVING);
      const n = await draws(bilal);
      expect(n[NOTES]).toBeLessThanOrEqual(2);
      expect(n[MOVING]).toBeGreaterThan(3);
    },
  });
  // Put down: back on the notes layer, where Anna left it.
  await expect.poll(async () => (await bilal.note('Onderweg')).x).toBe((await anna.note('Onderweg')).x);
  await expect
    .poll(() => bilal.page.evaluate(() => (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0].findOne('.note').getLayer().index))
    .toBe(NOTES);
});
