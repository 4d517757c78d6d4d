import { expect, test } from '@playwright/test';
import { createMeeting, joinAs, type BoardPage } from './pages.ts';

const SHOTS = 'test-results/screens';
/** The stage's layers: poster, notes, strokes, what moves. */
const NOTES = 1;
/** Pixels of a full redraw that may differ from what is shown (anti-aliasing under a clip): see tablet.spec.ts. */
const STALE = 20;

type KonvaWindow = { Konva: { stages: any[] }; __draws: number[] };

/** Counts whole redraws of each layer from now on (a redraw of one area is not one). */
const watchDraws = (p: BoardPage) =>
  p.page.evaluate(() => {
    const w = window as unknown as KonvaWindow;
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
const wholeDraws = (p: BoardPage) => p.page.evaluate(() => (window as unknown as KonvaWindow).__draws.slice());

/** Pixels of the notes layer that differ from a full redraw of it (the layer is left fully redrawn). */
const stalePixels = (p: BoardPage) =>
  p.page.evaluate((index) => {
    const layer = (window as unknown as KonvaWindow).Konva.stages[0].children[index];
    const canvas = layer.getCanvas()._canvas as HTMLCanvasElement;
    const ctx = canvas.getContext('2d')!;
    const shown = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    layer.draw();
    const full = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 0; i < full.length; i++) {
      if (Math.abs(full[i]! - shown[i]!) <= 16) continue;
      count++;
      i = Math.floor(i / 4) * 4 + 3;
    }
    return count;
  }, NOTES);

/**
 * Same for the hit canvas: a tap must land on what the notes are now. Read before stalePixels, whose
 * full redraw of the layer draws the hit canvas too.
 */
/** Waits until the notes layer has drawn every change it was given (area draws spread over frames). */
const drawn = (p: BoardPage) =>
  expect
    .poll(() => p.page.evaluate((index) => (window as unknown as KonvaWindow).Konva.stages[0].children[index].areasPending, NOTES))
    .toBe(0);

const staleHit = (p: BoardPage) =>
  p.page.evaluate((index) => {
    const layer = (window as unknown as KonvaWindow).Konva.stages[0].children[index];
    const canvas = layer.getHitCanvas()._canvas as HTMLCanvasElement;
    const ctx = canvas.getContext('2d')!;
    const shown = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    layer.drawHit();
    const full = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 0; i < full.length; i += 4) if (full[i + 3] === 255 && shown[i + 3] === 255 && full[i] !== shown[i]) count++;
    return count;
  }, NOTES);

test("someone else's notes (written, changed, moved, bundled, deleted) and my own bundling drop redraw only their places, leaving the picture a full redraw would", async ({ browser }) => {
  test.setTimeout(120_000);
  const fac = await createMeeting(browser, 'Op zijn plek', { boards: ['Vrij bord'] });
  const anna = await joinAs(browser, fac.code, 'Anna', 'formeel');
  const bilal = await joinAs(browser, fac.code, 'Bilal', 'informeel');
  for (const t of [anna, bilal]) await t.hidePanel();
  for (const [i, text] of ['Een', 'Twee', 'Drie', 'Vier'].entries()) await anna.addNoteOnBoard(500 + i * 260, 500 + (i % 2) * 120, text);
  await expect.poll(() => bilal.texts()).toEqual(['Drie', 'Een', 'Twee', 'Vier']);
  // Polling stalePixels would pass on its second try: it redraws the layer whole to compare.
  await drawn(bilal);
  expect(await stalePixels(bilal)).toBeLessThan(STALE);

  // Anna writes a new note; Bilal's board draws it where it lands, not the whole layer.
  await watchDraws(bilal);
  const spot = await anna.boardToScreen(900, 1100);
  await anna.tap(spot.x, spot.y);
  const editor = anna.page.getByLabel('Tekst van de notitie');
  await expect(editor).toBeFocused();
  await anna.page.keyboard.type('Nieuw erbij', { delay: 20 });
  await anna.page.getByRole('button', { name: 'Klaar', exact: true }).click();
  await bilal.note('Nieuw erbij');
  // Her words changed, note by note.
  await anna.editNote('Drie', 'Drie keer');
  await bilal.note('Drie keer');
  // She moves one (a drag: on Bilal's board it leaves the notes layer and comes back).
  const vier = await anna.note('Vier');
  await anna.dragNote('Vier', 0, 160);
  await expect.poll(async () => (await bilal.note('Vier')).y).toBeGreaterThan(vier.y + 100);
  expect((await wholeDraws(bilal))[NOTES]).toBe(0);
  await drawn(bilal);
  expect(await staleHit(bilal)).toBeLessThan(STALE);
  expect(await stalePixels(bilal)).toBeLessThan(STALE);

  // Anna drops "Een" on "Twee": a bundle. Neither board redraws its notes layer whole.
  await watchDraws(anna);
  await watchDraws(bilal);
  const twee = await anna.note('Twee');
  const een = await anna.note('Een');
  await anna.dragNote('Een', twee.cx - een.cx, twee.cy - een.cy);
  await expect.poll(async () => (await bilal.notes()).some((n) => n.bundleCount === 2)).toBe(true);
  await expect.poll(async () => (await anna.notes()).some((n) => n.bundleCount === 2)).toBe(true);
  expect((await wholeDraws(anna))[NOTES]).toBe(0);
  expect((await wholeDraws(bilal))[NOTES]).toBe(0);
  await bilal.page.screenshot({ path: `${SHOTS}/area-draws-bundle.png` });
  for (const t of [anna, bilal]) {
    await drawn(t);
    expect(await staleHit(t)).toBeLessThan(STALE);
    expect(await stalePixels(t)).toBeLessThan(STALE);
  }

  // A note deleted by Anna goes from Bilal's board, its place drawn again.
  await watchDraws(bilal);
  const nieuw = await anna.note('Nieuw erbij');
  await anna.tap(nieuw.cx, nieuw.cy);
  await anna.page.getByRole('button', { name: 'Verwijderen' }).click();
  await expect.poll(() => bilal.texts()).not.toContain('Nieuw erbij');
  expect((await wholeDraws(bilal))[NOTES]).toBe(0);
  await drawn(bilal);
  expect(await stalePixels(bilal)).toBeLessThan(STALE);

  // Notes on top of each other: Anna lays a note over half of "Drie keer", then rewrites the words of
  // the one underneath and of the one on top. Only a note's words changed: Bilal's board draws them
  // inside its paper, leaving out what lies under it, and the picture is still what a full redraw gives.
  const drie = await anna.note('Drie keer');
  // A new note is centred where the tap was (180 × 140 board px, drawn larger when the board is zoomed
  // out this far): this one covers the right part of "Drie keer".
  const over = await anna.boardToScreen(drie.x + 260, drie.y + 100);
  await anna.tap(over.x, over.y);
  await expect(editor).toBeFocused();
  await anna.page.keyboard.type('Erbovenop', { delay: 20 });
  await anna.page.getByRole('button', { name: 'Klaar', exact: true }).click();
  await bilal.note('Erbovenop');
  // Polling stalePixels would pass on its second try: it redraws the layer whole to compare.
  await drawn(bilal);
  expect(await stalePixels(bilal)).toBeLessThan(STALE);
  for (const [was, now] of [
    ['Drie keer', 'Drie keer onder'],
    ['Erbovenop', 'Erbovenop en meer woorden'],
  ] as const) {
    await watchDraws(bilal);
    const n = await anna.note(was);
    await anna.page.mouse.dblclick(n.cx, n.cy);
    await expect(editor).toBeFocused();
    await anna.page.keyboard.press('End');
    await anna.page.keyboard.type(now.slice(was.length), { delay: 20 });
    await anna.page.getByRole('button', { name: 'Klaar', exact: true }).click();
    await bilal.note(now);
    await drawn(bilal);
    expect((await wholeDraws(bilal))[NOTES]).toBe(0);
    expect(await staleHit(bilal)).toBeLessThan(STALE);
    expect(await stalePixels(bilal)).toBeLessThan(STALE);
  }
  await bilal.page.screenshot({ path: `${SHOTS}/area-draws-overlap.png` });
});
