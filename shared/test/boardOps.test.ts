import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAgreement,
  addBoard,
  addNote,
  addRoleCard,
  initMeeting,
  listBoards,
  MAX_AGREEMENT_FIELD_LENGTH,
  MAX_FIELD_LENGTH,
  MAX_ROLE_DESCRIPTION_LENGTH,
  MAX_TITLE_LENGTH,
  type NewRoleCard,
  origins,
  readBoardState,
  readItem,
  readRoleCard,
  readMeeting,
  roots,
  setAgreementField,
  setChoice,
  setField,
  fieldText,
  setReferencesShown,
} from '../src/index.ts';
import { countUpdates, exchange, replica } from './docs.ts';

const BOARD = 'b1';

const meeting = (): Y.Doc => {
  const doc = new Y.Doc();
  initMeeting(doc, {
    title: 'Valkuilen',
    createdAt: 1,
    boards: [
      { id: BOARD, template: 'voorbeeld', title: 'Valkuilen' },
      { id: 'b2', template: 'vrij', title: 'Afspraken' },
    ],
  });
  return doc;
};

const boardMap = (doc: Y.Doc, id = BOARD) => roots(doc).boards.get(id)!;
const state = (doc: Y.Doc, id = BOARD) => readBoardState(boardMap(doc, id));

let doc: Y.Doc;
beforeEach(() => {
  doc = meeting();
});

describe('board answers: choices, fields, reference answers', () => {
  it('a new board has no answers and hides the reference answers', () => {
    expect(state(doc)).toEqual({ choices: {}, fields: {}, showReferences: false, locked: null, matches: {}, ideaVoteLimit: null, ideaVoting: null });
  });

  it('picks, changes and clears an option per row', () => {
    expect(setChoice(doc, BOARD, 'v1', 'ja')).toBe(true);
    setChoice(doc, BOARD, 'v2', 'weet-niet');
    setChoice(doc, BOARD, 'v1', 'nee');
    expect(state(doc).choices).toEqual({ v1: 'nee', v2: 'weet-niet' });
    setChoice(doc, BOARD, 'v1', null);
    expect(state(doc).choices).toEqual({ v2: 'weet-niet' });
    // Only that board.
    expect(state(doc, 'b2').choices).toEqual({});
  });

  it('writes nothing when the option is already picked, or when clearing an empty row', () => {
    setChoice(doc, BOARD, 'v1', 'ja');
    const updates = countUpdates(doc);
    expect(setChoice(doc, BOARD, 'v1', 'ja')).toBe(true);
    expect(setChoice(doc, BOARD, 'v9', null)).toBe(true);
    expect(setField(doc, BOARD, 'wie', '')).toBe(true);
    expect(updates()).toBe(0);
  });

  it('keeps a field as typed (trailing spaces too), reads it as one clean line, capped', () => {
    // Typed key by key: the space after each word is the last character for a moment.
    let typed = '';
    for (const ch of 'een twee drie ') {
      typed += ch;
      setField(doc, BOARD, 'wie', typed);
      expect(fieldText(boardMap(doc), 'wie')?.toString()).toBe(typed);
    }
    expect(state(doc).fields).toEqual({ wie: 'een twee drie' });
    setField(doc, BOARD, 'wie', '  Anna\nen\tBilal  ');
    expect(state(doc).fields).toEqual({ wie: 'Anna en Bilal' });
    setField(doc, BOARD, 'wat', 'x'.repeat(MAX_FIELD_LENGTH + 50));
    expect(state(doc).fields.wat).toHaveLength(MAX_FIELD_LENGTH);
    setField(doc, BOARD, 'wie', ' \n ');
    expect(state(doc).fields).not.toHaveProperty('wie');
  });

  it('two people typing into one answer at once both keep their words', () => {
    setField(doc, BOARD, 'wie', 'Anna');
    const other = replica(doc);
    setField(doc, BOARD, 'wie', 'Anna en Bilal');
    setField(other, BOARD, 'wie', 'Fatma, Anna');
    exchange(doc, other);
    expect(state(doc).fields.wie).toBe(state(other).fields.wie);
    expect(state(doc).fields.wie).toContain('Fatma');
    expect(state(doc).fields.wie).toContain('en Bilal');
  });

  it('a board made with its template\'s fields has their texts before anyone types', () => {
    const d = new Y.Doc();
    initMeeting(d, { title: 'C', createdAt: 1, boards: [{ id: 'v', template: 'voorbeeld', title: 'Idee', fields: ['vorm'] }] });
    const other = replica(d);
    // Both type the first words at once: into the same Y.Text, so both stay.
    setField(d, 'v', 'vorm', 'Opvoedcafé');
    setField(other, 'v', 'vorm', 'samen met het CJG');
    exchange(d, other);
    const words = state(d, 'v').fields.vorm ?? '';
    expect(words).toContain('Opvoedcafé');
    expect(words).toContain('samen met het CJG');
    expect(state(other, 'v').fields.vorm).toBe(words);
  });

  it('shows and hides the reference answers', () => {
    setReferencesShown(doc, BOARD, true);
    expect(state(doc).showReferences).toBe(true);
    setReferencesShown(doc, BOARD, false);
    expect(state(doc).showReferences).toBe(false);
  });

  it('refuses an unknown board, writing nothing', () => {
    const updates = countUpdates(doc);
    expect(setChoice(doc, 'weg', 'v1', 'ja')).toBe(false);
    expect(setField(doc, 'weg', 'wie', 'Anna')).toBe(false);
    expect(setReferencesShown(doc, 'weg', true)).toBe(false);
    expect(updates()).toBe(0);
  });

  it('reads only well-formed answers, whatever a peer wrote', () => {
    const m = boardMap(doc);
    m.set('choice:getal', 5);
    m.set('choice:leeg', '');
    m.set('choice:lang', 'o'.repeat(100));
    m.set('choice:goed', 'ja');
    m.set('field:getal', 7);
    m.set('field:onzichtbaar', '\u202E\u0007  ');
    m.set('field:map', new Y.Map());
    m.set('field:goed', 'Fatma\r\nen Piotr');
    m.set('showReferences', 'true');
    const s = state(doc);
    expect(s.choices).toEqual({ lang: 'o'.repeat(64), goed: 'ja' });
    expect(s.fields).toEqual({ goed: 'Fatma en Piotr' });
    expect(s.showReferences).toBe(false);
    // The board's own keys (template, title, order) are no answers.
    expect(Object.keys(s.choices).concat(Object.keys(s.fields))).not.toContain('title');
  });

  it('caps an option id at 64 characters', () => {
    setChoice(doc, BOARD, 'v1', 'x'.repeat(80));
    expect(state(doc).choices.v1).toBe('x'.repeat(64));
  });

  it('two tablets picking different options at once end on the same one, and different rows both stay', () => {
    const other = replica(doc);
    setChoice(doc, BOARD, 'v1', 'ja');
    setChoice(other, BOARD, 'v1', 'nee');
    setChoice(doc, BOARD, 'v2', 'ja');
    setChoice(other, BOARD, 'v3', 'nee');
    setField(doc, BOARD, 'wie', 'Anna');
    setField(other, BOARD, 'wanneer', 'maandag');
    exchange(doc, other);
    expect(state(other)).toEqual(state(doc));
    expect(['ja', 'nee']).toContain(state(doc).choices.v1);
    expect(state(doc)).toMatchObject({ choices: { v2: 'ja', v3: 'nee' }, fields: { wie: 'Anna', wanneer: 'maandag' } });
  });

  it('a clear and a pick at once converge too', () => {
    setChoice(doc, BOARD, 'v1', 'ja');
    const other = replica(doc);
    setChoice(doc, BOARD, 'v1', null);
    setChoice(other, BOARD, 'v1', 'nee');
    exchange(doc, other);
    expect(state(other)).toEqual(state(doc));
    expect(readMeeting(other)).toEqual(readMeeting(doc));
  });

  it('readMeeting carries each board’s answers', () => {
    setChoice(doc, BOARD, 'v1', 'ja');
    setReferencesShown(doc, 'b2', true);
    expect(readMeeting(doc).boards.map((b) => [b.id, b.state])).toEqual([
      [BOARD, { choices: { v1: 'ja' }, fields: {}, showReferences: false, locked: null, matches: {}, ideaVoteLimit: null, ideaVoting: null }],
      ['b2', { choices: {}, fields: {}, showReferences: true, locked: null, matches: {}, ideaVoteLimit: null, ideaVoting: null }],
    ]);
  });
});

describe('role cards', () => {
  const card = (over: Partial<NewRoleCard> = {}): NewRoleCard => ({
    boardId: BOARD,
    x: 40,
    y: 50,
    roleId: 'sleutelfiguur',
    side: 'informeel',
    title: 'Sleutelfiguur',
    description: 'Kent de mensen in de wijk.',
    authorId: 'anna',
    createdAt: 7,
    ...over,
  });

  it('puts a card from the palette on the board, with its role id and a copy of its words', () => {
    const id = addRoleCard(doc, card());
    expect(readItem(doc, id)).toEqual({ id, kind: 'role', ...card() });
    expect(readMeeting(doc).roles.map((r) => r.id)).toEqual([id]);
    expect(readMeeting(doc).notes).toEqual([]);
  });

  it('a made-up role has no role id; bad sides and positions fall back to defaults', () => {
    const id = addRoleCard(doc, card({ roleId: '', side: 'beide' as never, x: Number.NaN, y: Number.POSITIVE_INFINITY }));
    expect(readItem(doc, id)).toMatchObject({ roleId: null, side: null, x: 0, y: 0 });
    expect(roots(doc).items.get(id)!.has('roleId')).toBe(false);
    expect(addRoleCard(doc, card({ roleId: null, side: null }))).toMatch(/^[0-9a-z]{24}$/);
  });

  it('caps the title to one line and the description to its length', () => {
    const id = addRoleCard(doc, card({ title: `  De\nbrug ${'x'.repeat(300)}`, description: `${'y'.repeat(400)}\u0007` }), origins.user, 'r1');
    const r = readItem(doc, id);
    expect(r?.kind).toBe('role');
    if (r?.kind !== 'role') return;
    expect(r.title.startsWith('De brug x')).toBe(true);
    expect(r.title).toHaveLength(MAX_TITLE_LENGTH);
    expect(r.description).toBe('y'.repeat(MAX_ROLE_DESCRIPTION_LENGTH));
  });

  it('refuses a card without a title (it could never be shown), writing nothing', () => {
    const updates = countUpdates(doc);
    expect(() => addRoleCard(doc, card({ title: '  \u0007 ' }))).toThrow(/title/);
    expect(updates()).toBe(0);
    expect(readMeeting(doc).roles).toEqual([]);
  });

  it('refuses a board the meeting does not have, writing nothing', () => {
    const updates = countUpdates(doc);
    expect(() => addRoleCard(doc, card({ boardId: 'weg' }))).toThrow(/unknown board/);
    expect(updates()).toBe(0);
  });

  it('readRoleCard reads only role cards', () => {
    const note = addNote(doc, { boardId: BOARD, x: 0, y: 0, side: null, authorId: 'a', createdAt: 1 });
    expect(readRoleCard(note, roots(doc).items.get(note)!)).toBeNull();
    const bare = new Y.Map<unknown>();
    roots(doc).items.set('kaal', bare);
    bare.set('kind', 'role');
    bare.set('title', 'Zonder bord');
    expect(readRoleCard('kaal', bare)).toBeNull();
    bare.set('boardId', BOARD);
    expect(readRoleCard('kaal', bare)).toMatchObject({ title: 'Zonder bord', x: 0, y: 0, roleId: null, side: null, description: '', createdAt: 0 });
  });
});

describe('agreements', () => {
  const base = { boardId: 'b2', authorId: 'anna', createdAt: 3 };

  it('adds a row with three empty cells unless given, which reads back as an agreement', () => {
    const id = addAgreement(doc, base);
    expect(readItem(doc, id)).toEqual({ id, kind: 'agreement', ...base, wat: '', wie: '', wanneer: '' });
    for (const f of ['wat', 'wie', 'wanneer']) expect(roots(doc).items.get(id)!.get(f)).toBeInstanceOf(Y.Text);
    const full = addAgreement(doc, { ...base, wat: 'Koffie-ochtend', wie: 'Fatma', wanneer: 'april' });
    expect(readItem(doc, full)).toMatchObject({ wat: 'Koffie-ochtend', wie: 'Fatma', wanneer: 'april' });
    expect(readMeeting(doc).agreements.map((a) => a.id).sort()).toEqual([id, full].sort());
  });

  it('refuses a board the meeting does not have, writing nothing', () => {
    const updates = countUpdates(doc);
    expect(() => addAgreement(doc, { ...base, boardId: 'weg' })).toThrow(/unknown board/);
    expect(updates()).toBe(0);
  });

  it('rewrites one cell, cleaned and capped; refuses anything that is not an agreement', () => {
    const id = addAgreement(doc, base);
    expect(setAgreementField(doc, id, 'wie', 'Anna\u202E')).toBe(true);
    expect(setAgreementField(doc, id, 'wat', 'z'.repeat(MAX_AGREEMENT_FIELD_LENGTH + 1))).toBe(true);
    expect(readItem(doc, id)).toMatchObject({ wie: 'Anna', wat: 'z'.repeat(MAX_AGREEMENT_FIELD_LENGTH) });
    const updates = countUpdates(doc);
    expect(setAgreementField(doc, id, 'wie', 'Anna')).toBe(true);
    const note = addNote(doc, { boardId: BOARD, x: 0, y: 0, side: null, authorId: 'a', createdAt: 1 }, origins.template);
    expect(setAgreementField(doc, note, 'wat', 'x')).toBe(false);
    expect(setAgreementField(doc, 'weg', 'wat', 'x')).toBe(false);
    expect(updates()).toBe(1); // only the note
  });

  it('two people writing in the same cell at once both keep their words', () => {
    const id = addAgreement(doc, { ...base, wie: 'Anna' });
    const other = replica(doc);
    setAgreementField(doc, id, 'wie', 'Anna en Piotr');
    setAgreementField(other, id, 'wie', 'Fatma, Anna');
    exchange(doc, other);
    const wie = (d: Y.Doc) => (readItem(d, id) as { wie: string }).wie;
    expect(wie(other)).toBe(wie(doc));
    expect(wie(doc)).toBe('Fatma, Anna en Piotr');
  });

  it('two people filling in different cells of one row at once both stay', () => {
    const id = addAgreement(doc, base);
    const other = replica(doc);
    setAgreementField(doc, id, 'wat', 'Huisbezoek');
    setAgreementField(other, id, 'wanneer', 'voor de zomer');
    exchange(doc, other);
    expect(readItem(other, id)).toEqual(readItem(doc, id));
    expect(readItem(doc, id)).toMatchObject({ wat: 'Huisbezoek', wie: '', wanneer: 'voor de zomer' });
  });
});

describe('addBoard', () => {
  it('adds a board after the last one, with a clean title', () => {
    const id = addBoard(doc, { template: 'voorbeeld', title: '  Idee\n1  ' });
    expect(listBoards(doc).map((b) => [b.id === id ? 'nieuw' : b.id, b.order, b.title])).toEqual([
      [BOARD, 0, 'Valkuilen'],
      ['b2', 1, 'Afspraken'],
      ['nieuw', 2, 'Idee 1'],
    ]);
    expect(listBoards(doc).at(-1)!.template).toBe('voorbeeld');
  });

  it('goes after the highest order, also when orders have gaps', () => {
    roots(doc).boards.get('b2')!.set('order', 7);
    addBoard(doc, { template: 'vrij', title: 'Later' }, origins.user, 'b3');
    expect(listBoards(doc).map((b) => [b.id, b.order])).toEqual([
      [BOARD, 0],
      ['b2', 7],
      ['b3', 8],
    ]);
  });

  it('is the first board of an empty meeting', () => {
    const empty = new Y.Doc();
    addBoard(empty, { template: 'vrij', title: 'Eerste' }, origins.user, 'x');
    expect(listBoards(empty)).toEqual([{ id: 'x', template: 'vrij', title: 'Eerste', order: 0 }]);
  });

  it('two facilitators adding at once get the same order, and everyone lists the boards alike', () => {
    const other = replica(doc);
    addBoard(doc, { template: 'vrij', title: 'Van Anna' }, origins.user, 'zz');
    addBoard(other, { template: 'vrij', title: 'Van Bilal' }, origins.user, 'aa');
    exchange(doc, other);
    expect(listBoards(other)).toEqual(listBoards(doc));
    expect(listBoards(doc).map((b) => [b.id, b.order])).toEqual([
      [BOARD, 0],
      ['b2', 1],
      ['aa', 2],
      ['zz', 2],
    ]);
    // The next one goes after both.
    addBoard(doc, { template: 'vrij', title: 'Daarna' }, origins.user, 'b5');
    expect(listBoards(doc).at(-1)).toMatchObject({ id: 'b5', order: 3 });
  });
});
