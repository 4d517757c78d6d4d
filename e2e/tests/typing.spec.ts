import { expect, test, type Locator } from '@playwright/test';
import { createMeeting, joinAs, PROFILES, type BoardPage, type ProfileName } from './pages.ts';
import { template, templateLabel as label } from './templates.ts';
import { typeAsPeople, TYPING_MODES, type TypingMode } from './typing.ts';

/**
 * Every kind of field people type in, on every screen people use, typed the
 * ways people type: what is stored and what every other screen shows is
 * exactly what was typed. The modes rotate over fields and screens, so every
 * field gets every mode across the five screens and every screen every mode.
 */

const SHOTS = 'test-results/screens/typing';

/** The fields, in the order a participant meets them; the text each gets. */
const FIELDS = [
  { kind: 'name', text: 'Şükrü Yılmaz' },
  { kind: 'note', text: 'Opvoedcafé in het buurthuis, samen met het CJG' },
  { kind: 'answer', text: 'een twee drie vier' },
  { kind: 'agreement-wat', text: 'Taalcafé voor ouders en het wijkteam' },
  { kind: 'agreement-wie', text: 'Fatma en Piotr Wójcik' },
  { kind: 'agreement-wanneer', text: 'elke eerste dinsdag' },
  { kind: 'verslag', text: 'Ayşe van de moskee' },
  { kind: 'letter-to', text: 'Stichting Al Amal' },
  { kind: 'letter', text: 'Ik wens jullie een mooie samenwerking toe, met veel ouders.' },
] as const;
type FieldKind = (typeof FIELDS)[number]['kind'];

const modeFor = (profile: number, kind: FieldKind): TypingMode =>
  TYPING_MODES[(profile + FIELDS.findIndex((f) => f.kind === kind)) % TYPING_MODES.length]!;
const textOf = (kind: FieldKind) => FIELDS.find((f) => f.kind === kind)!.text;

const agreementsTitle = template('afspraken').title;
const letterTitle = template('wens').title;

/** A tap on touch screens, a click elsewhere: how a person puts the caret in a field. */
const focusField = async (board: BoardPage, field: Locator) => {
  if (board.touch) await field.tap();
  else await field.click();
  await expect(field).toBeFocused();
};

(Object.keys(PROFILES) as ProfileName[]).forEach((name, p) => {
  test(`${name}: every field keeps exactly what was typed (${FIELDS.map((f) => `${f.kind} ${modeFor(p, f.kind)}`).join(', ')})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const fac = await createMeeting(browser, `Typen op ${name}, met spaties `.trim(), {
      boards: [label('voorbeeld'), label('afspraken'), label('wens')],
      typing: TYPING_MODES[p % TYPING_MODES.length],
    });
    const who = await joinAs(browser, fac.code, textOf('name'), 'informeel', PROFILES[name], modeFor(p, 'name'));
    // A phone opens the list view (list.spec covers it); this test is about the poster, one tap away.
    if (name === 'phone') await who.showPoster();
    await fac.board.hidePanel();

    // Presence carries the name as typed.
    await fac.board.setPanel(true);
    await expect(fac.board.page.locator('#side-panel')).toContainText(textOf('name'));
    await fac.board.hidePanel();

    // --- a note, on the idea board -------------------------------------------------
    const zone = template('voorbeeld').zones[0]!.shape;
    if (zone.type !== 'rect') throw new Error('the idea board starts with a rectangular zone');
    const spot = await who.reach(zone.x + zone.width / 2, zone.y + zone.height / 2);
    await who.tap(spot.x, spot.y);
    const editor = who.page.getByLabel('Tekst van de notitie');
    await expect(editor).toBeFocused();
    await typeAsPeople(who.page, textOf('note'), modeFor(p, 'note'));
    await expect(editor).toHaveValue(textOf('note'));
    await who.page.getByRole('button', { name: 'Klaar', exact: true }).click();
    await fac.board.note(textOf('note'));
    await who.note(textOf('note'));

    // --- a one-line answer ("Vorm van samenwerking") ----------------------------------
    await who.tapNode('field-vorm');
    const vorm = who.page.getByRole('dialog', { name: 'Vorm van samenwerking' }).getByLabel('Vorm van samenwerking');
    await expect(vorm).toBeFocused();
    await typeAsPeople(who.page, textOf('answer'), modeFor(p, 'answer'));
    await expect(vorm).toHaveValue(textOf('answer'));
    await who.page.getByRole('button', { name: 'Klaar', exact: true }).click();
    await expect.poll(() => fac.board.textsOf('.field-value', 'field-vorm')).toEqual([textOf('answer')]);
    await expect.poll(() => who.textsOf('.field-value', 'field-vorm')).toEqual([textOf('answer')]);
    await who.page.screenshot({ path: `${SHOTS}/${name}-idea.png` });

    // --- an agreement (wat, wie, wanneer) and who writes the report ------------------
    await fac.board.openBoard(agreementsTitle);
    await who.openBoard(agreementsTitle);
    await who.page.getByRole('button', { name: 'Nieuwe afspraak' }).click();
    const dialog = who.page.getByRole('dialog', { name: 'Afspraak bewerken' });
    const cells = { 'agreement-wat': 'Wat?', 'agreement-wie': 'Wie?', 'agreement-wanneer': 'Wanneer?' } as const;
    for (const [kind, cell] of Object.entries(cells) as [keyof typeof cells, string][]) {
      const input = dialog.getByLabel(cell);
      if (kind !== 'agreement-wat') await focusField(who, input);
      await expect(input).toBeFocused();
      await typeAsPeople(who.page, textOf(kind), modeFor(p, kind));
      await expect(input).toHaveValue(textOf(kind));
    }
    await dialog.getByRole('button', { name: 'Klaar' }).click();
    const row = { wat: textOf('agreement-wat'), wie: textOf('agreement-wie'), wanneer: textOf('agreement-wanneer') };
    await expect.poll(() => fac.board.agreements()).toEqual([row]);
    await expect.poll(() => who.agreements()).toEqual([row]);

    await who.tapNode('field-verslag');
    const verslag = who.page.getByRole('dialog', { name: 'Wie zet de afspraken op papier?' }).getByLabel('Wie zet de afspraken op papier?');
    await expect(verslag).toBeFocused();
    await typeAsPeople(who.page, textOf('verslag'), modeFor(p, 'verslag'));
    await expect(verslag).toHaveValue(textOf('verslag'));
    await who.page.getByRole('button', { name: 'Klaar', exact: true }).click();
    await expect.poll(() => fac.board.textsOf('.field-value', 'field-verslag')).toEqual([textOf('verslag')]);
    await who.page.screenshot({ path: `${SHOTS}/${name}-afspraken.png` });

    // --- a letter: "Lieve" is printed; whom it is to, then the letter ---------------
    await fac.board.openBoard(letterTitle);
    await who.openBoard(letterTitle);
    const area = template('wens').zones[0]!.shape;
    if (area.type !== 'rect') throw new Error('the letter board is one rectangle');
    const at = await who.reach(area.x + area.width / 3, area.y + area.height / 2);
    await who.tap(at.x, at.y);
    const to = who.page.getByRole('textbox', { name: 'Lieve' });
    // The new letter opens on whom it is to: nothing prefilled for the caret to land in.
    await expect(to).toBeFocused();
    await expect(to).toHaveValue('');
    await typeAsPeople(who.page, textOf('letter-to'), modeFor(p, 'letter-to'));
    await who.page.keyboard.press('Enter');
    const letter = who.page.getByLabel('Tekst van de brief');
    await expect(letter).toBeFocused();
    await expect(letter).toHaveValue('');
    await typeAsPeople(who.page, textOf('letter'), modeFor(p, 'letter'));
    await expect(to).toHaveValue(textOf('letter-to'));
    await expect(letter).toHaveValue(textOf('letter'));
    await who.page.screenshot({ path: `${SHOTS}/${name}-letter-editing.png` });
    await who.page.getByRole('button', { name: 'Klaar', exact: true }).click();
    const words = `Lieve ${textOf('letter-to')},\n${textOf('letter')}`;
    // The letter is the writer's own until shared (issue 17): "Delen" on it, then the facilitator reads it whole.
    const own = await who.note(words);
    const share = who.page.getByRole('button', { name: 'Deel deze notitie met iedereen' });
    if (!(await share.isVisible())) await who.tap(own.cx, own.cy);
    await share.click();
    await fac.board.note(words);
    await who.note(words);
    await who.page.screenshot({ path: `${SHOTS}/${name}-letter.png` });

    // The meeting's title as typed, on the participant's screen too.
    await expect(who.page.locator('.meeting-title')).toHaveText(`Typen op ${name}, met spaties`);

    await who.context.close();
    await fac.board.context.close();
  });
});
