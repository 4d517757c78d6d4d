import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { E2E_FACILITATOR_KEY, createMeeting, joinAs, LAPTOP_1366, ListPage, PHONE, TABLET } from './pages.ts';
import { templateLabel } from './templates.ts';

const SHOTS = 'test-results/screens';

/** axe-core with the WCAG 2.1 A and AA rules; every violation is listed by rule and element. */
const axe = async (page: Page, name: string): Promise<void> => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found).toEqual([]);
  // The rules did run (a page axe could not read would pass with nothing).
  expect(result.passes.length).toBeGreaterThan(5);
};

const withView = (href: string, view: 'lijst' | 'poster') => {
  const u = new URL(href);
  u.searchParams.set('weergave', view);
  return u.toString();
};

/** What has the keyboard focus: its accessible name as a person would hear it, roughly. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const labelled = el.getAttribute('aria-labelledby');
    const byIds = labelled ? labelled.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '';
    const label = el.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '';
    // Its own words, leaving out what is hidden from screen readers (an icon).
    const words = (node: Element): string =>
      [...node.childNodes]
        .map((c) => (c.nodeType === Node.TEXT_NODE ? (c.textContent ?? '') : c instanceof Element && c.getAttribute('aria-hidden') !== 'true' ? words(c) : ''))
        .join('');
    const own = el.closest('label') && !el.matches('button') ? el.closest('label')!.textContent : words(el);
    return (el.getAttribute('aria-label') || byIds || label || own || '').replace(/\s+/g, ' ').trim();
  });

/** Presses Tab (or Shift+Tab) until the focused control is named `name`; the keyboard is all a person has. */
const tabTo = async (page: Page, name: string | RegExp, opts: { back?: boolean; max?: number } = {}): Promise<void> => {
  const max = opts.max ?? 120;
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    const now = await focused(page);
    if (typeof name === 'string' ? now === name : name.test(now)) return;
    seen.push(now);
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached "${name}"; went through: ${seen.slice(-40).join(' | ')}`);
};

/** The focused element shows a focus ring a person can see (outline or a border in the focus colour). */
const focusVisible = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.borderColor === 'rgb(26, 86, 168)';
  });

test('a keyboard-only participant joins, writes, moves and votes through the list view', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Alleen met toetsen', { boards: [templateLabel('voorbeeld')] });
  const context = await browser.newContext(LAPTOP_1366);
  const page = await context.newPage();
  await page.goto('/join');

  // Join: code, name, side, submit; Tab, typing and arrow keys only.
  await tabTo(page, 'Code');
  await page.keyboard.type(fac.code, { delay: 30 });
  await tabTo(page, 'Naam');
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.type('Joost de Vries', { delay: 30 });
  await tabTo(page, /^Formeel/);
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: /^Informeel/ })).toBeChecked();
  await tabTo(page, 'Meedoen');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/m\//);

  // On the poster, the first Tab offers the list view.
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', /connected|saved/);
  await page.keyboard.press('Tab');
  await expect.poll(() => focused(page)).toBe('Naar de lijstweergave');
  await expect(page.getByRole('link', { name: 'Naar de lijstweergave' })).toBeInViewport();
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  const list = new ListPage(page, false);
  await expect(list.view).toBeVisible();
  await expect(list.view).toBeFocused();

  // Write a note in Doelstelling.
  await tabTo(page, 'Notitie toevoegen in Doelstelling');
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toBe('Notitie 1 in Doelstelling');
  // Left without a word, the new note goes again (as on the poster); the poster never saw a stray empty note stay.
  await page.keyboard.press('Shift+Tab');
  await expect(list.notes('Doelstelling')).toHaveCount(0);
  await expect.poll(async () => (await fac.board.notes()).length).toBe(0);
  await tabTo(page, 'Notitie toevoegen in Doelstelling');
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toBe('Notitie 1 in Doelstelling');
  await page.keyboard.type('Elkaar kennen bij naam', { delay: 40 });
  await expect(list.notes('Doelstelling').first()).toHaveValue('Elkaar kennen bij naam');

  // Select it again later and edit it: Shift+Tab back into its text, End, type.
  await tabTo(page, 'Verplaatsen');
  await tabTo(page, 'Notitie 1 in Doelstelling', { back: true });
  await page.keyboard.press('End');
  await page.keyboard.type(' en gezicht', { delay: 40 });
  await expect(list.notes('Doelstelling').first()).toHaveValue('Elkaar kennen bij naam en gezicht');

  // Move it to Werkwijze: the menu opens, Escape closes it, and a choice moves the note (the focus goes along).
  await tabTo(page, 'Verplaatsen');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Verplaatsen' })).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect.poll(() => focused(page)).toBe('Naar Werkwijze');
  await page.keyboard.press('Escape');
  await expect.poll(() => focused(page)).toBe('Verplaatsen');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Naar Werkwijze');
  await page.keyboard.press('Enter');
  await expect.poll(() => list.noteTexts('Werkwijze')).toEqual(['Elkaar kennen bij naam en gezicht']);
  await expect.poll(() => focused(page)).toBe('Notitie 1 in Werkwijze');

  // The facilitator's poster shows it in Werkwijze.
  await expect.poll(async () => (await fac.board.texts()).includes('Elkaar kennen bij naam en gezicht')).toBe(true);

  // Vote: Shift+Tab up to the vote button at the top of the list.
  await tabTo(page, 'Stem op dit idee', { back: true });
  await page.keyboard.press('Enter');
  await expect(list.view.getByTestId('vote-count')).toHaveAttribute('data-count', '1');
  await expect(fac.board.page.getByTestId('vote-count')).toHaveAttribute('data-count', '1');

  // Choosing an answer and filling the board's field, by keys.
  await tabTo(page, 'Vorm van samenwerking');
  await page.keyboard.type('Inloop in de bibliotheek', { delay: 20 });
  await expect.poll(async () => (await fac.board.textsOf('.field-value')).join('')).toContain('Inloop in de bibliotheek');
  await page.screenshot({ path: `${SHOTS}/a11y-keyboard-participant.png` });
  await context.close();
  await fac.board.context.close();
});

test('a keyboard-only facilitator runs the meeting: opens the panel, sends a group to a board, starts a timer, locks a board', async ({ browser }) => {
  const context = await browser.newContext(LAPTOP_1366);
  const page = await context.newPage();
  await page.goto('/');
  await tabTo(page, 'Titel van de bijeenkomst');
  await page.keyboard.type('Avond in de wijk', { delay: 20 });
  // The key, asked once on this laptop, reached by the keyboard too.
  await tabTo(page, 'Sleutel voor gespreksleiders');
  await page.keyboard.type(E2E_FACILITATOR_KEY);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/m\//);
  const code = (await page.getByTestId('join-code').innerText()).replace(/\s/g, '');
  const anna = await joinAs(browser, code, 'Anna', 'formeel', TABLET);
  // Bram, on a phone, stays on the first board: the one the facilitator will lock.
  const bram = await joinAs(browser, code, 'Bram', 'informeel', PHONE);
  const bramList = new ListPage(bram.page, true);
  await expect(bramList.view.getByRole('button', { name: /^Notitie toevoegen/ }).first()).toBeVisible();

  // The panel: closed and opened again with the keyboard.
  await tabTo(page, 'Menu sluiten');
  await page.keyboard.press('Enter');
  await expect(page.locator('#side-panel')).toHaveCount(0);
  await expect.poll(() => focused(page)).toBe('Menu');
  await page.keyboard.press('Enter');
  await expect(page.locator('#side-panel')).toBeVisible();

  // Send the formal side to "De kracht van informeel" with the select and arrow keys.
  await tabTo(page, 'Formeel naar');
  const select = page.getByRole('combobox', { name: 'Formeel naar', exact: true });
  const target = (await select.locator('option').allTextContents()).find((o) => /kracht van informeel/i.test(o))!;
  expect(target).toBeTruthy();
  for (let i = 0; i < 12 && (await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)) !== target; i++) await page.keyboard.press('ArrowDown');
  await expect(select.locator('option:checked')).toHaveText(target);
  await tabTo(page, 'Stuur naar de borden');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Verstuurd', { exact: true })).toBeVisible();
  await expect.poll(async () => anna.textsOf('.board-title')).toEqual([target]);

  // A timer from the presets.
  await tabTo(page, 'Individueel nadenken · 5 min');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('timer').first()).toBeVisible();
  await expect(anna.page.getByTestId('timer').first()).toBeVisible();

  // Lock the open board (the facilitator's own): Anna's, once she is on it, says so.
  await tabTo(page, 'Op slot zetten');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('board-state')).toContainText('Op slot');
  // On the phone's list: the reason, and nothing to write with.
  await expect(bramList.view.getByTestId('board-state')).toContainText('Op slot');
  await expect(bramList.view.getByRole('button', { name: /^Notitie toevoegen/ })).toHaveCount(0);
  // The focus went along to "Van het slot halen", and back.
  await expect.poll(() => focused(page)).toBe('Van het slot halen');
  expect(await focusVisible(page)).toBe(true);
  await page.screenshot({ path: `${SHOTS}/a11y-keyboard-facilitator.png` });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('board-state')).toHaveCount(0);
  await expect.poll(() => focused(page)).toBe('Op slot zetten');
  await expect(bramList.view.getByRole('button', { name: /^Notitie toevoegen/ }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('board-state')).toContainText('Op slot');
  await page.screenshot({ path: `${SHOTS}/a11y-keyboard-facilitator.png` });
  await context.close();
  await anna.context.close();
  await bram.context.close();
});

test('axe-core finds no WCAG 2.1 A/AA violation on any page: start, join, the board as poster and as list, the facilitator panel, the projector', async ({ browser }) => {
  // Eleven pages checked with axe, each a few seconds on a shared machine.
  test.setTimeout(120_000);
  const start = await (await browser.newContext(LAPTOP_1366)).newPage();
  await start.goto('/');
  await expect(start.getByLabel('Titel van de bijeenkomst')).toBeVisible();
  await axe(start, 'start');
  await start.context().close();

  const fac = await createMeeting(browser, 'Toegankelijk voor iedereen', { boards: [templateLabel('voorbeeld'), templateLabel('valkuilen'), templateLabel('afspraken'), templateLabel('boom')] });
  const join = await (await browser.newContext(PHONE)).newPage();
  await join.goto(`/join?code=${fac.code}`);
  await expect(join.getByLabel('Code')).toHaveValue(fac.code);
  await axe(join, 'join');
  await join.context().close();

  // The facilitator's page with the panel open (its run controls, join code, exports).
  await fac.board.setPanel(true);
  await axe(fac.board.page, 'facilitator-poster-panel');

  const phone = await joinAs(browser, fac.code, 'Sanne', 'informeel', PHONE);
  const list = new ListPage(phone.page, true);
  await expect(list.view).toBeVisible();
  await list.addNote('Doelstelling', 'Ouders ontmoeten', 0);
  await axe(phone.page, 'list-voorbeeld');
  // A menu open, a bundle and the undo offer are part of the list too.
  await list.addNote('Doelstelling', 'Elkaar kennen', 0);
  const item = await list.itemWithText('Elkaar kennen');
  await list.press(item.getByRole('button', { name: 'Bundelen' }));
  await list.press(item.getByRole('button', { name: /^Ouders ontmoeten/ }));
  await list.addNote('Werkwijze', 'Weg ermee', 0);
  await list.press((await list.itemWithText('Weg ermee')).getByRole('button', { name: 'Verwijderen' }));
  await list.press((await list.itemWithText('Ouders ontmoeten')).locator('xpath=ancestor::li[contains(@class,"list-bundle")]').getByRole('button', { name: 'Verplaatsen' }));
  await axe(phone.page, 'list-voorbeeld-menus');

  for (const title of ['Valkuilen', 'Afspraken voor vervolg', 'Boom van samenwerking']) {
    await fac.board.openBoard(title);
    await axe(fac.board.page, `poster-${title}`);
    await fac.board.page.goto(withView(fac.board.page.url(), 'lijst'));
    await expect(fac.board.page.getByTestId('list-view')).toBeVisible();
    if (title === 'Boom van samenwerking') await fac.board.page.getByText('Rolkaart toevoegen').click();
    if (title === 'Afspraken voor vervolg') await fac.board.page.getByRole('button', { name: 'Nieuwe afspraak' }).click();
    await axe(fac.board.page, `list-${title}`);
    await fac.board.page.goto(withView(fac.board.page.url(), 'poster'));
    await expect(fac.board.page.getByTestId('list-view')).toHaveCount(0);
  }

  // The projector, opened from the panel's link.
  const href = await fac.board.page.getByRole('link', { name: 'Projector openen' }).getAttribute('href');
  const beamer = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await beamer.goto(href!);
  await expect.poll(() => beamer.evaluate(() => document.title)).toBeTruthy();
  await beamer.waitForLoadState('networkidle');
  await axe(beamer, 'projector');
  await beamer.context().close();
  await phone.context.close();
  await fac.board.context.close();
});
