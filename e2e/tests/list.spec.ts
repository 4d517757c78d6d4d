import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser } from '@playwright/test';
import { itemCenter, NOTE_COLORS, zoneAt } from '../../shared/src/index.ts';
import { BoardPage, createMeeting, joinAs, LAPTOP_1366, ListPage, PHONE, PORTRAIT_TABLET, TABLET } from './pages.ts';
import { template, templateLabel } from './templates.ts';

const SHOTS = 'test-results/screens';
const VOORBEELD = template('voorbeeld');

/** The zone a note on the tablet's poster lies in, from its position (as every screen derives it). */
const zoneOnPoster = (n: { x: number; y: number }) => zoneAt(VOORBEELD.zones, itemCenter(n, VOORBEELD.noteSize ?? { width: 180, height: 140 }))?.label ?? null;

const phoneList = async (browser: Browser, code: string, name: string) => {
  const board = await joinAs(browser, code, name, 'informeel', PHONE);
  await board.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return { board, list: new ListPage(board.page, true) };
};

test('a phone in the list view and a tablet on the poster work on one board live: notes both ways, a move between zones, votes', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Samen in de wijk', { boards: [templateLabel('voorbeeld')] });
  const { board: phone, list } = await phoneList(browser, fac.code, 'Fatma');
  const tablet = await joinAs(browser, fac.code, 'Anna', 'formeel', TABLET);

  // The phone opens the list by itself; the tablet the poster.
  await expect(list.view).toBeVisible();
  await expect(phone.page.getByRole('heading', { level: 2, name: VOORBEELD.title })).toBeVisible();
  await expect(tablet.page.getByTestId('list-view')).toHaveCount(0);
  await expect(tablet.page.getByTestId('view-toggle')).toHaveText('Lijst');
  await expect(list.zone('Doelstelling')).toContainText('Wat is de doelstelling van de samenwerking?');

  // The phone writes, as people type: char by char, then a paste at the end.
  await list.addNote('Doelstelling', 'Ouders bereiken die ', 60);
  await list.typeAs('nu buiten beeld blijven', 'paste');
  const phrase = 'Ouders bereiken die nu buiten beeld blijven';
  await expect(list.notes('Doelstelling').first()).toHaveValue(phrase);
  // The tablet sees it on its poster, in that zone.
  const onTablet = await tablet.note(phrase);
  expect(zoneOnPoster(onTablet)).toBe('Doelstelling');

  // The tablet writes on the poster, in Werkwijze; the phone sees it there, live.
  const werkwijze = VOORBEELD.zones.find((z) => z.id === 'werkwijze')!.shape as { x: number; y: number; width: number; height: number };
  await tablet.addNoteOnBoard(werkwijze.x + werkwijze.width / 2, werkwijze.y + werkwijze.height / 2, 'Samen koken');
  await expect.poll(() => list.noteTexts('Werkwijze')).toEqual(['Samen koken']);
  // A screen reader on the phone hears it, politely and once: "Nieuwe notitie in Werkwijze".
  await expect(phone.page.getByTestId('list-announcer')).toHaveText('Nieuwe notitie in Werkwijze');
  await expect(phone.page.getByTestId('list-announcer')).toHaveAttribute('aria-live', 'polite');

  // The phone edits the tablet's note in the middle of its words, char by char.
  const field = list.notes('Werkwijze').first();
  await field.tap();
  await field.press('End');
  await phone.page.keyboard.type(' met ouders', { delay: 80 });
  await expect.poll(async () => (await tablet.texts()).includes('Samen koken met ouders')).toBe(true);

  // A move between zones on the phone: the note lands in that zone on the tablet's poster.
  const item = await list.itemWithText(phrase);
  await list.press(item.getByRole('button', { name: 'Verplaatsen' }));
  await item.getByRole('button', { name: 'Naar Condities' }).scrollIntoViewIfNeeded();
  await phone.page.screenshot({ path: `${SHOTS}/list-phone-move-menu.png` });
  await list.press(item.getByRole('button', { name: 'Naar Condities' }));
  await expect.poll(() => list.noteTexts('Condities')).toEqual([phrase]);
  await expect.poll(() => list.noteTexts('Doelstelling')).toEqual([]);
  // The moved note keeps the focus, in its new place.
  await expect(list.notes('Condities').first()).toBeFocused();
  await expect.poll(async () => zoneOnPoster(await tablet.note(phrase))).toBe('Condities');

  // A colour, as the poster's toolbar gives one.
  const moved = await list.itemWithText(phrase);
  await list.press(moved.getByRole('button', { name: 'Kleur' }));
  await list.press(moved.getByRole('button', { name: 'Roze' }));
  await expect(moved.getByRole('button', { name: 'Roze' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await tablet.note(phrase)).fill.toLowerCase()).toBe(NOTE_COLORS.roze.toLowerCase());

  // The answer field: typed on the phone with its spaces, read on the tablet's poster.
  const vorm = phone.page.getByRole('textbox', { name: 'Vorm van samenwerking' });
  await vorm.tap();
  await phone.page.keyboard.type('Opvoedcafé in het buurthuis', { delay: 30 });
  await expect(vorm).toHaveValue('Opvoedcafé in het buurthuis');
  await expect.poll(async () => (await tablet.textsOf('.field-value')).join('')).toContain('Opvoedcafé in het buurthuis');

  // Bundle two notes from the phone; the tablet shows one pile of two.
  await list.addNote('Condities', 'Vaste plek', 20);
  const vaste = await list.itemWithText('Vaste plek');
  await list.press(vaste.getByRole('button', { name: 'Bundelen' }));
  await list.press(vaste.getByRole('button', { name: new RegExp(`^${phrase}`) }));
  await expect(list.zone('Condities').getByRole('heading', { name: 'Bundel van 2 notities' })).toBeVisible();
  await expect.poll(async () => (await tablet.notes()).some((n) => n.bundleCount === 2)).toBe(true);
  await tablet.page.screenshot({ path: `${SHOTS}/list-tablet-poster-after-phone.png` });

  // Votes (open unless the facilitator closed them): the phone votes from the list, the tablet sees the count.
  await fac.board.setPanel(true);
  await expect(fac.board.page.getByRole('button', { name: 'Stemmen sluiten' })).toBeVisible();
  const vote = list.view.getByRole('button', { name: 'Stem op dit idee' });
  await list.press(vote);
  await expect(list.view.getByTestId('vote-count')).toHaveAttribute('data-count', '1');
  await expect(tablet.page.getByTestId('vote-count')).toHaveAttribute('data-count', '1');
  await tablet.tap(...(await centre(tablet, 'Stem op dit idee')));
  await expect(list.view.getByTestId('vote-count')).toHaveAttribute('data-count', '2');

  // Delete on the phone, undo from the offer that follows: back on both screens.
  const kook = await list.itemWithText('Samen koken met ouders');
  await list.press(kook.getByRole('button', { name: 'Verwijderen' }));
  await expect.poll(async () => (await tablet.texts()).includes('Samen koken met ouders')).toBe(false);
  const undo = list.view.getByRole('button', { name: 'Ongedaan maken' });
  await expect(undo).toBeFocused();
  await list.press(undo);
  await expect.poll(async () => (await tablet.texts()).includes('Samen koken met ouders')).toBe(true);
  await expect.poll(() => list.noteTexts('Werkwijze')).toEqual(['Samen koken met ouders']);

  // One tap to the poster and back, on the phone too.
  await list.press(phone.page.getByTestId('view-toggle'));
  await expect(phone.page).toHaveURL(/weergave=poster/);
  await expect.poll(async () => (await phone.texts()).includes('Samen koken met ouders')).toBe(true);
  await list.press(phone.page.getByTestId('view-toggle'));
  await expect(list.view).toBeVisible();

  for (const b of [phone, tablet, fac.board]) await b.context.close();
});

test('a letter written on a phone: whom it is to in its own field under the printed "Lieve", then the letter; the tablet reads it whole', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Brieven', { boards: [templateLabel('wens')] });
  const { board: phone, list } = await phoneList(browser, fac.code, 'Fatma');
  const tablet = await joinAs(browser, fac.code, 'Anna', 'formeel', TABLET);
  await list.press(list.view.getByRole('button', { name: 'Brief toevoegen in De brief' }));
  // The focus starts in the addressee's field: nothing prefilled to type over.
  const to = list.view.getByRole('textbox', { name: 'Lieve (Aan wie?)' });
  await expect(to).toBeFocused();
  await expect(to).toHaveValue('');
  await phone.page.keyboard.type('Stichting Buurtwerk', { delay: 40 });
  await phone.page.keyboard.press('Enter');
  const letter = list.view.getByRole('textbox', { name: 'Tekst van de brief 1' });
  await expect(letter).toBeFocused();
  await phone.page.keyboard.type('Blijf de ouders opzoeken. ', { delay: 40 });
  // A word through composition (a Turkish keyboard's marked text), then a paste.
  await list.typeAs('Teşekkürler', 'compose');
  await phone.page.keyboard.type('! ', { delay: 40 });
  await list.typeAs('Groet, Fatma', 'paste');
  const written = 'Blijf de ouders opzoeken. Teşekkürler! Groet, Fatma';
  await expect(letter).toHaveValue(written);
  // A letter is its writer's until she shares it (issue 17): the tablet has nothing of it yet.
  await phone.waitSaved();
  await expect.poll(() => tablet.texts()).toEqual([]);
  await list.press(list.view.getByRole('button', { name: 'Deel deze notitie met iedereen' }));
  await expect(list.view.getByRole('button', { name: 'Gedeeld ✓' })).toBeVisible();
  await tablet.page.getByRole('group', { name: 'Welke notities' }).getByRole('button', { name: 'Gedeeld', exact: true }).tap();
  await expect.poll(() => tablet.texts()).toEqual([`Lieve Stichting Buurtwerk,\n${written}`]);
  for (const b of [phone, tablet, fac.board]) await b.context.close();
});

test('an answer picked on the tablet\'s poster shows pressed in the phone\'s list and is announced there; picked on the phone, it shows ticked on the poster', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Valkuilen', { boards: [templateLabel('valkuilen')] });
  const { board: phone, list } = await phoneList(browser, fac.code, 'Fatma');
  const tablet = await joinAs(browser, fac.code, 'Anna', 'formeel', TABLET);
  await tablet.tapNode('choice-valkuil-1-ja');
  const row1 = list.view.getByRole('group', { name: 'Valkuil 1 Van toepassing?' });
  await expect(row1.getByRole('button', { name: 'Ja' })).toHaveAttribute('aria-pressed', 'true');
  await expect(phone.page.getByTestId('list-announcer')).toHaveText('Antwoord gekozen: Valkuil 1 Van toepassing? Ja');
  // The other way round, and tapping the chosen answer again clears it, as on the poster.
  const row2 = list.view.getByRole('group', { name: 'Valkuil 2 Van toepassing?' });
  await list.press(row2.getByRole('button', { name: 'Weet niet' }));
  await expect.poll(async () => (await tablet.textsOf('Text', 'choice-valkuil-2-weet-niet')).join('')).toBe('✓ Weet niet');
  await list.press(row2.getByRole('button', { name: 'Weet niet' }));
  await expect.poll(async () => (await tablet.textsOf('Text', 'choice-valkuil-2-weet-niet')).join('')).toBe('Weet niet');
  for (const b of [phone, tablet, fac.board]) await b.context.close();
});

const centre = async (board: BoardPage, name: string): Promise<[number, number]> => {
  const box = (await board.page.getByRole('button', { name }).boundingBox())!;
  return [box.x + box.width / 2, box.y + box.height / 2];
};

test('the list view on a phone, a portrait tablet and a laptop: screenshots, no sideways scrolling, big targets, readable text', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Samen in de wijk', { boards: [templateLabel('voorbeeld'), templateLabel('valkuilen'), templateLabel('afspraken'), templateLabel('boom')] });
  for (const [name, device] of [
    ['phone', PHONE],
    ['tablet-portrait', PORTRAIT_TABLET],
    ['laptop', LAPTOP_1366],
    // A laptop at 200% zoom: 1366×768 device pixels, 683×384 CSS pixels.
    ['laptop-zoom200', { viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 }],
  ] as const) {
    const board = await joinAs(browser, fac.code, `Sam ${name}`, 'formeel', device);
    const touch = 'hasTouch' in device;
    if (name !== 'phone') {
      await board.page.goto(`${board.page.url()}${board.page.url().includes('?') ? '&' : '?'}weergave=lijst`);
    }
    const list = new ListPage(board.page, touch);
    await expect(list.view).toBeVisible();
    if (name === 'phone') {
      await list.addNote('Doelstelling', 'Ouders die de weg niet vinden naar het CJG ontmoeten in het buurthuis', 0);
      await list.addNote('Werkwijze', 'Samen koken', 0);
    }
    await expect.poll(() => list.noteTexts('Doelstelling')).toHaveLength(1);
    await board.page.screenshot({ path: `${SHOTS}/list-${name}-voorbeeld.png`, fullPage: false });
    await checkLayout(board);

    for (const [id, title] of [
      ['valkuilen', 'Valkuilen'],
      ['afspraken', 'Afspraken voor vervolg'],
      ['boom', template('boom').title],
    ] as const) {
      // By keys: on a phone the header's buttons may lie past the edge (the header is being redone).
      await panelByKeys(board, true);
      await board.boardLink(title).press('Enter');
      await panelByKeys(board, false);
      await expect(board.page.getByRole('heading', { level: 2, name: title })).toBeVisible();
      if (name === 'phone' && id === 'afspraken') await list.press(list.view.getByRole('button', { name: 'Nieuwe afspraak' }));
      if (name === 'phone' && id === 'valkuilen') await list.press(list.zone('Valkuil 1').getByRole('button', { name: 'Ja' }));
      await board.page.screenshot({ path: `${SHOTS}/list-${name}-${id}.png` });
      await checkLayout(board);
    }
    await board.context.close();
  }
  await fac.board.context.close();
});

const panelByKeys = async (board: BoardPage, open: boolean) => {
  if ((await board.panelToggle.getAttribute('aria-expanded')) !== String(open)) await board.panelToggle.press('Enter');
  await expect(board.panelToggle).toHaveAttribute('aria-expanded', String(open));
};

/** Nothing wider than the screen, every control at least 44×44 CSS px, every text at least 16 px. */
const checkLayout = async (board: BoardPage) => {
  const report = await board.page.evaluate(() => {
    const root = document.querySelector('[data-testid="list-view"]')!;
    const vw = document.documentElement.clientWidth;
    const small: string[] = [];
    const tiny: string[] = [];
    const wide: string[] = [];
    for (const control of root.querySelectorAll<HTMLElement>('button, a, input, textarea, select, summary')) {
      // A radio or checkbox is tapped through the label around it.
      const el = control.matches('input[type=radio], input[type=checkbox]') ? (control.closest('label') ?? control) : control;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (el.closest('.visually-hidden')) continue;
      if (r.width < 44 || r.height < 44) small.push(`${el.tagName} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
      if (r.right > vw + 1 || r.left < -1) wide.push(`${el.tagName} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest('.visually-hidden')) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 16) tiny.push(`${el.tagName}.${el.className} "${n.textContent.trim().slice(0, 30)}" ${size}px`);
    }
    return { small, tiny, wide, scroll: root.scrollWidth - root.clientWidth };
  });
  expect(report.wide).toEqual([]);
  expect(report.scroll).toBeLessThanOrEqual(0);
  expect(report.small).toEqual([]);
  expect(report.tiny).toEqual([]);
};

test('every board of the full programme as a list on a phone: readable, big targets, no sideways scrolling, no axe violation; a screenshot of each', async ({ browser }) => {
  test.setTimeout(180_000);
  const fac = await createMeeting(browser, 'Volledige avond');
  const phone = await joinAs(browser, fac.code, 'Mina', 'informeel', PHONE);
  const list = new ListPage(phone.page, true);
  await expect(list.view).toBeVisible();
  await panelByKeys(phone, true);
  const titles = await phone.page.locator('.board-link').evaluateAll((els) => els.map((e) => e.querySelector('.board-title-text, span:not(.part):not(.votes)')?.textContent ?? e.textContent ?? ''));
  await panelByKeys(phone, false);
  expect(titles.length).toBeGreaterThan(5);
  for (let i = 0; i < titles.length; i++) {
    await panelByKeys(phone, true);
    await phone.page.locator('.board-link').nth(i).press('Enter');
    await expect(phone.page.locator('.board-link').nth(i)).toHaveAttribute('aria-current', 'page');
    await panelByKeys(phone, false);
    await expect(list.view).toBeVisible();
    // Open what a participant opens: the role cards to add, a bundle menu.
    const more = list.view.locator('summary');
    for (let k = 0; k < (await more.count()); k++) await more.nth(k).press('Enter');
    await phone.page.screenshot({ path: `${SHOTS}/list-phone-board-${String(i + 1).padStart(2, '0')}.png` });
    await checkLayout(phone);
    const result = await new AxeBuilder({ page: phone.page }).include('[data-testid="list-view"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => `${titles[i]}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await phone.context.close();
  await fac.board.context.close();
});
