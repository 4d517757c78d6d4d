import { expect, test } from '@playwright/test';
import { createMeeting, joinAs, type Point } from './pages.ts';
import { template, templateLabel as label } from './templates.ts';

const SHOTS = 'test-results/screens';
const PORTRAIT = { viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: false } as const;


/** What groups write on these posters: a word, a phrase, a sentence. */
const TEXTS = [
  'Ouders vertrouwen de sleutelfiguur uit hun eigen gemeenschap',
  'Spreekt de taal van het gezin',
  'Moskee',
  'Kent de weg naar de huisarts en het wijkteam',
  'Is er ook in het weekend',
  'Zet samen met het gezin de eerste stap',
  'Netwerk in de buurt',
];

/** Where to put notes on a poster: two in each of its first zones (not the role cards' trunk), or a grid on the free board. */
const spots = (id: string): Point[] => {
  const t = template(id);
  const zones = t.zones.filter((z) => z.id !== t.roleZoneId);
  if (!zones.length) return [0, 1, 2, 3, 4, 5].map((i) => ({ x: 400 + (i % 3) * 700, y: 450 + Math.floor(i / 3) * 600 }));
  const out: Point[] = [];
  for (const z of zones) {
    const s = z.shape;
    const b =
      s.type === 'rect'
        ? s
        : s.type === 'ellipse'
          ? { x: s.cx - s.rx, y: s.cy - s.ry, width: 2 * s.rx, height: 2 * s.ry }
          : { x: Math.min(...s.points.filter((_, i) => i % 2 === 0)), y: Math.min(...s.points.filter((_, i) => i % 2 === 1)), width: 0, height: 0 };
    if (!b.width) continue;
    out.push({ x: b.x + b.width * 0.5, y: b.y + b.height * 0.6 });
    if (b.width > 700) out.push({ x: b.x + b.width * 0.5 + 230, y: b.y + b.height * 0.6 });
  }
  return out.slice(0, TEXTS.length);
};

test('at "Hele bord" the words on notes are at least 12 px on screen, on the posters and on tablets both ways up; screenshots', async ({ browser }) => {
  test.setTimeout(240_000);
  const ids = ['kracht-informeel', 'boom', 'valkuilen', 'vrij'];
  const fac = await createMeeting(browser, 'Leesbaar', { boards: ids.map(label) });
  const anna = await joinAs(browser, fac.code, 'Anna', 'informeel');
  const bilal = await joinAs(browser, fac.code, 'Bilal', 'formeel', PORTRAIT);
  for (const t of [anna, bilal]) await t.hidePanel();

  for (const id of ids) {
    const t = template(id);
    await anna.openBoard(t.title);
    const at = spots(id);
    for (const [i, p] of at.entries()) await anna.addNoteOnBoard(p.x, p.y, TEXTS[i]!);
    await bilal.openBoard(t.title);
    for (const [tablet, how] of [
      [anna, 'landscape'],
      [bilal, 'portrait'],
    ] as const) {
      await tablet.page.getByRole('button', { name: 'Hele bord' }).click();
      await expect.poll(async () => (await tablet.notes()).length).toBe(at.length);
      // Redrawn at the fitted camera, every note's words at least 12 px on screen.
      await expect
        .poll(async () => Math.min(...(await tablet.notes()).map((n) => n.fontPx ?? 0)), { message: `${id}, ${how}` })
        .toBeGreaterThanOrEqual(12);
      await tablet.page.screenshot({ path: `${SHOTS}/readable-${id}-${how}.png` });
    }
  }
});
