import { expect, test } from '@playwright/test';
import { PROGRAMMES } from '../../templates/src/index.ts';
import { createMeeting, joinAs, PROFILES, type BoardPage } from './pages.ts';
import { template } from './templates.ts';

/**
 * Readable at arm's length, measured: every board of the programme opened at
 * its default view on the tablets (both ways up) and a laptop. Every text on
 * the poster is at least 12 CSS px on screen (font size × scale), every note
 * of up to twenty words shows all of them at 12 px or more, broken between
 * words only, and every target on the poster is at least 44 × 44 px.
 */

const SHOTS = 'test-results/screens/legible';
const FULL = PROGRAMMES.find((p) => p.id === 'volledig')!.templates;
const MIN_PX = 12;
const MIN_TARGET = 44;

const TEN = 'Ouders vertrouwen de sleutelfiguur uit hun eigen gemeenschap en taal';
const TWENTY = 'Professionele hulpverleners kennen de regels, maar informele steunfiguren kennen de gezinnen, hun verhalen en de weg naar de moskee';

interface Reading {
  small: string[];
  notes: { text: string; px: number; lines: string[]; cut: boolean }[];
  targets: string[];
}

/** Reads the poster through Konva's scene graph: texts and their size on screen, notes as drawn, targets. */
const read = (board: BoardPage): Promise<Reading> =>
  board.page.evaluate(
    ({ minPx, minTarget }) => {
      const stage = (window as unknown as { Konva?: { stages: any[] } }).Konva?.stages[0];
      if (!stage) return { small: ['no stage'], notes: [], targets: [] };
      const box = stage.content.getBoundingClientRect();
      const k = box.width / stage.content.clientWidth || 1;
      const small: string[] = [];
      for (const n of stage.find('Text')) {
        if (!n.isVisible() || !n.text() || n.getAbsoluteOpacity() === 0) continue;
        // The hand-out's big quotation mark is a drawing, not a text to read.
        if (/^[“”"]$/.test(n.text().trim())) continue;
        const px = n.fontSize() * n.getAbsoluteScale().y * k;
        if (px < minPx - 0.01) small.push(`${n.name() || n.getParent()?.name() || 'text'} "${n.text().slice(0, 30)}" ${px.toFixed(1)} px`);
      }
      const notes = stage.find('.note').map((g: any) => {
        const t = g.findOne('.note-text');
        return { text: t?.getAttr('text') ?? '', px: t?.drawnFontPx ?? 0, lines: t?.drawnLines ?? [], cut: !!t?.drawnCut };
      });
      const targets: string[] = [];
      for (const n of stage.find('.choice-option, .field, .note, .role-card, .agreement')) {
        if (!n.isVisible()) continue;
        const r = n.getClientRect();
        if (r.width * k < minTarget - 0.5 || r.height * k < minTarget - 0.5) targets.push(`${n.name()} #${n.id()} ${Math.round(r.width * k)}×${Math.round(r.height * k)}`);
      }
      return { small, notes, targets };
    },
    { minPx: MIN_PX, minTarget: MIN_TARGET },
  );

/**
 * Where a person would write: free board space, nearest the middle of the
 * screen (at height `atY`), that no DOM bar covers and no poster control or
 * note takes (Konva has nothing there), on the poster.
 */
const freeSpots = (board: BoardPage, atY: number) =>
  board.page.evaluate((atY) => {
    const stage = (window as unknown as { Konva?: { stages: any[] } }).Konva?.stages[0];
    if (!stage) return [];
    const box = stage.content.getBoundingClientRect();
    const k = box.width / stage.content.clientWidth || 1;
    const out: { x: number; y: number; d: number }[] = [];
    for (let fx = 0.1; fx <= 0.9; fx += 0.05) {
      for (let fy = 0.15; fy <= 0.9; fy += 0.05) {
        const x = box.left + box.width * fx;
        const y = box.top + box.height * fy;
        const el = document.elementFromPoint(x, y);
        if (!el || el.tagName !== 'CANVAS') continue;
        const local = { x: (x - box.left) / k, y: (y - box.top) / k };
        // Room for a note around the point, not only the point itself.
        const around = [local, { x: local.x - 40, y: local.y - 30 }, { x: local.x + 40, y: local.y + 30 }];
        if (around.some((p) => stage.getIntersection(p))) continue;
        const b = stage.getAbsoluteTransform().copy().invert().point(local);
        if (b.x < 0 || b.y < 0) continue;
        out.push({ x, y, d: Math.hypot(fx - 0.5, fy - atY) });
      }
    }
    return out.sort((a, b) => a.d - b.d).map(({ x, y }) => ({ x, y }));
  }, atY);

/** Taps free board space near the middle of the screen and writes a note there, key by key. */
const writeNote = async (board: BoardPage, text: string, dy: number) => {
  const editor = board.page.getByLabel(/Tekst van de (notitie|brief)/);
  await board.still();
  for (const spot of (await freeSpots(board, 0.45 + dy)).slice(0, 4)) {
    await board.tap(spot.x, spot.y);
    // A tap on free space opens the new note's editor at once (a tap on a poster control does not).
    const opened = await board.page.evaluate(() => !!document.activeElement?.matches('.note-editor, #letter-to'));
    if (opened) {
      // A letter opens on whom it is to; the words go in the letter.
      if (await board.page.evaluate(() => document.activeElement?.id === 'letter-to')) await board.page.keyboard.press('Enter');
      await expect(editor).toBeFocused();
      await board.page.keyboard.type(text);
      await board.page.getByRole('button', { name: 'Klaar', exact: true }).click();
      return;
    }
    await board.page.keyboard.press('Escape');
  }
  throw new Error('found no free board space to write on');
};

const words = (s: string) => s.split(/\s+/).filter(Boolean);

for (const name of ['tablet', 'tabletPortrait', 'laptop'] as const) {
  test(`${name}: at the default view every poster text is 12 px or more, notes of up to 20 words show all their words, targets 44 px`, async ({ browser }) => {
    test.setTimeout(240_000);
    const fac = await createMeeting(browser, 'Leesbaar op armlengte', { programme: 'Volledige bijeenkomst' });
    const who = await joinAs(browser, fac.code, 'Anna', 'formeel', PROFILES[name]);
    for (const id of FULL) {
      const title = template(id).title;
      await who.openBoard(title);
      await who.setPanel(false);
      if (!template(id).table) {
        await writeNote(who, TEN, -0.1);
        await writeNote(who, TWENTY, 0.25);
      }
      await who.page.screenshot({ path: `${SHOTS}/${name}-${id}.png` });
      await expect
        .poll(async () => {
          const r = await read(who);
          const faults = [...r.small, ...r.targets.map((x) => `target ${x}`)];
          for (const n of r.notes) {
            const want = words(n.text);
            // Lines joined again, a hyphen at a line's end joining a word broken there.
            const shown = words(n.lines.join('\n').replace(/-\n/g, '').replace(/\n/g, ' '));
            if (n.px < MIN_PX - 0.01) faults.push(`note "${n.text.slice(0, 20)}" at ${n.px.toFixed(1)} px`);
            if (want.length <= 20 && (n.cut || shown.join(' ') !== want.join(' '))) faults.push(`note "${n.text.slice(0, 20)}" shows ${JSON.stringify(n.lines)}`);
          }
          return { id, faults, notes: r.notes.length };
        }, { message: `${name} ${id}` })
        .toEqual({ id, faults: [], notes: template(id).table ? 0 : 2 });
    }
    await who.context.close();
    await fac.board.context.close();
  });
}
