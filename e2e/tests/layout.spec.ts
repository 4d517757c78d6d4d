import { expect, test } from '@playwright/test';
import { PROGRAMMES } from '../../templates/src/index.ts';
import { layoutFaults, sidewaysScroll } from './layout.ts';
import { createMeeting, joinAs, PROFILES, type BoardPage, type ProfileName } from './pages.ts';
import { template } from './templates.ts';

/**
 * Every board of the full programme on every screen people use: the page
 * never moves sideways, every control is on screen and big enough for a
 * finger, and nothing lies on the status or the task. With the menu open
 * too, and with a note's buttons and editor at the right edge.
 */

const SHOTS = 'test-results/screens/layout';
const FULL = PROGRAMMES.find((p) => p.id === 'volledig')!.templates;

const expectClean = async (board: BoardPage, where: string, mustShow?: string[]) => {
  const faults = await layoutFaults(board.page, mustShow);
  expect({ where, ...faults }).toEqual({ where, overflowX: 0, offScreen: [], small: [], covered: [] });
  expect(await sidewaysScroll(board.page), `${where}: the page moves sideways`).toBe(0);
};

(Object.keys(PROFILES) as ProfileName[]).forEach((name) => {
  test(`${name}: every board, the menu and a note's buttons stay on screen, uncovered, with targets of 44 px`, async ({ browser }) => {
    test.setTimeout(180_000);
    const fac = await createMeeting(browser, 'Samenwerking formele en informele opvoedondersteuning in de wijk Transvaal', { programme: 'Volledige bijeenkomst' });
    const who = await joinAs(browser, fac.code, 'Marieke van den Berg-Öztürk', 'formeel', PROFILES[name]);
    // A phone opens the list view (list.spec covers it); this test is about the poster, one tap away.
    if (name === 'phone') await who.showPoster();

    for (const id of FULL) {
      const title = template(id).title;
      await who.openBoard(title);
      await who.setPanel(false);
      await expectClean(who, `${name} ${id}`);
      await who.page.screenshot({ path: `${SHOTS}/${name}-${id}.png` });
    }

    // The menu: boards, people, language; the status still shows.
    await who.setPanel(true);
    await expectClean(who, `${name} menu`, ['[data-testid="connection-status"]']);
    // The language and the boards are reachable: scrolling the menu brings them on screen, whole.
    const english = who.page.getByRole('button', { name: 'English' });
    await english.scrollIntoViewIfNeeded();
    await expect(english).toBeInViewport({ ratio: 1 });
    await who.page.screenshot({ path: `${SHOTS}/${name}-menu.png` });
    await who.setPanel(false);

    // A note at the right edge of a board: its buttons and its editor stay on screen and out of the menu's way.
    await who.openBoard(template('kracht-informeel').title);
    await who.setPanel(false);
    const edge = template('kracht-informeel').width - 120;
    await who.addNoteOnBoard(edge, template('kracht-informeel').height / 2, 'Aan de rand');
    const n = await who.note('Aan de rand');
    await who.tap(n.cx, n.cy);
    const bar = who.page.getByRole('toolbar', { name: /notitie/i });
    await expect(bar).toBeVisible();
    await expect(bar.getByRole('button', { name: 'Verwijderen' })).toBeInViewport({ ratio: 1 });
    await expect(bar.getByRole('button', { name: 'Bewerken' })).toBeInViewport({ ratio: 1 });
    await expectClean(who, `${name} note toolbar`, ['[data-testid="connection-status"]']);
    await who.page.screenshot({ path: `${SHOTS}/${name}-note-toolbar.png` });
    await bar.getByRole('button', { name: 'Bewerken' }).click();
    await expect(who.page.getByLabel('Tekst van de notitie')).toBeFocused();
    await expect(who.page.getByRole('button', { name: 'Klaar', exact: true })).toBeInViewport({ ratio: 1 });
    await expect(who.page.getByRole('button', { name: 'Nieuwe notitie' })).toBeInViewport({ ratio: 1 });
    expect(await sidewaysScroll(who.page)).toBe(0);
    await who.page.screenshot({ path: `${SHOTS}/${name}-note-editing.png` });
    await who.page.getByRole('button', { name: 'Klaar', exact: true }).click();

    // The facilitator on this screen, with the run panel open.
    if (name !== 'phone') {
      const { width } = PROFILES[name].viewport;
      await fac.board.page.setViewportSize(PROFILES[name].viewport);
      // Turned narrow, the page closes the menu that would cover the poster; wait for that before opening it.
      await fac.board.page.waitForFunction((w) => window.innerWidth === w, width);
      await expect(fac.board.panelToggle).toHaveAttribute('aria-expanded', String(width >= 1000));
      await fac.board.setPanel(true);
      await expectClean(fac.board, `${name} facilitator`, ['[data-testid="connection-status"]']);
      await fac.board.page.screenshot({ path: `${SHOTS}/${name}-facilitator.png` });
    }
    await who.context.close();
    await fac.board.context.close();
  });
});
