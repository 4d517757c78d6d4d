import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  blindSpots,
  bundleNotes,
  bundlesOf,
  deleteItem,
  foldForMatch,
  initMeeting,
  isCovered,
  matchId,
  readBoardState,
  roots,
  setReferenceMatch,
  matchingKeyword,
  type Note,
  notesOfBoard,
  type ReferenceAnswer,
  referenceCoverage,
  setNoteText,
} from '../src/index.ts';

const matches = (text: string, ...keywords: string[]) => matchingKeyword(foldForMatch(text), keywords);

describe('foldForMatch', () => {
  it('lower-cases and pads with spaces, so every word starts after a space', () => {
    expect(foldForMatch('Cultuur')).toBe(' cultuur ');
    expect(foldForMatch('')).toBe('  ');
  });

  it('drops accents of Dutch, Turkish and Polish letters', () => {
    expect(foldForMatch('é ë ï ó')).toBe(' e e i o ');
    expect(foldForMatch('ş ğ ı ç ö ü')).toBe(' s g i c o u ');
    expect(foldForMatch('Ş Ğ İ I')).toBe(' s g i i ');
    expect(foldForMatch('ł Ł ż ź ą ę ń ś ć')).toBe(' l l z z a e n s c ');
    expect(foldForMatch('Łódź')).toBe(' lodz ');
    expect(foldForMatch('Çocuk eğitimi')).toBe(' cocuk egitimi ');
  });

  it('turns punctuation and runs of white space into single spaces, and keeps digits', () => {
    expect(foldForMatch('samen-werken!')).toBe(' samen werken ');
    expect(foldForMatch('  "Ouders"\n\t(en) kinderen…  ')).toBe(' ouders en kinderen ');
    expect(foldForMatch('2x per week, 10:00')).toBe(' 2x per week 10 00 ');
    expect(foldForMatch('vertrouwen 👍🏽 🙂')).toBe(' vertrouwen ');
  });

  it('keeps Arabic text as letters, dropping only its vowel marks', () => {
    expect(foldForMatch('مرحبا بالعالم')).toBe(' مرحبا بالعالم ');
    // Fathatan and the hamza on the alif are marks: أهلاً folds to اهلا.
    expect(foldForMatch('أهلاً')).toBe(' اهلا ');
    expect(foldForMatch('الثقة، والاحترام.')).toBe(' الثقة والاحترام ');
  });
});

describe('matchingKeyword', () => {
  it('matches a keyword at the start of a word, in any case', () => {
    expect(matches('Andere culturen', 'cultu')).toBe('cultu');
    expect(matches('Cultuur', 'cultu')).toBe('cultu');
    expect(matches('CULTURELE verschillen', 'cultu')).toBe('cultu');
    expect(matches('taalcafé', 'taal')).toBe('taal');
  });

  it('does not match inside a word', () => {
    expect(matches('multicultureel', 'cultu')).toBeNull();
    expect(matches('Een multiculturele wijk', 'cultu')).toBeNull();
    expect(matches('moedertaal', 'taal')).toBeNull();
  });

  it('compares without accents on either side', () => {
    expect(matches('EEN gesprek', 'één')).toBe('één');
    expect(matches('Güven ve saygı', 'guven')).toBe('guven');
    expect(matches('guven', 'güven')).toBe('güven');
    expect(matches('Zaufanie i współpraca', 'wspolp')).toBe('wspolp');
    expect(matches('أهلا وسهلا', 'أهل')).toBe('أهل');
    expect(matches('مرحبا بكم', 'مرحب')).toBe('مرحب');
    expect(matches('بالعالم', 'عالم')).toBeNull();
  });

  it('matches a keyword of several words across punctuation, but not glued together', () => {
    expect(matches('We gaan samen werken', 'samen werken')).toBe('samen werken');
    expect(matches('Samen-werken!', 'samen werken')).toBe('samen werken');
    expect(matches('samen\n  werken', 'samen werken')).toBe('samen werken');
    expect(matches('samen werkende partners', 'samen werk')).toBe('samen werk');
    expect(matches('samenwerken', 'samen werken')).toBeNull();
    expect(matches('samen, niet werken', 'samen werken')).toBeNull();
  });

  it('returns the first keyword of the list that matches', () => {
    expect(matches('vertrouwen en respect', 'respect', 'vertrouw')).toBe('respect');
    expect(matches('vertrouwen en respect', 'geduld', 'vertrouw', 'respect')).toBe('vertrouw');
    expect(matches('vertrouwen', 'geduld')).toBeNull();
  });

  it('never matches with an empty or punctuation-only keyword', () => {
    expect(matches('alles', '')).toBeNull();
    expect(matches('alles', '   ')).toBeNull();
    expect(matches('- alles -', '-')).toBeNull();
    expect(matches('', 'a')).toBeNull();
  });
});

const REFERENCES: ReferenceAnswer[] = [
  { id: 'cultuur', zoneId: 'kennis', label: 'Kennis van andere culturen', keywords: ['cultu', 'achtergrond'] },
  { id: 'taal', zoneId: 'vaardigheden', label: 'Taal en tolken', keywords: ['taal', 'tolk'] },
  { id: 'samen', zoneId: 'houding', label: 'Samenwerken', keywords: ['samen werken', 'samenwerk'] },
];

const note = (id: string, text: string): Note => ({
  id,
  kind: 'note',
  to: null,
  boardId: 'b1',
  x: 0,
  y: 0,
  color: null,
  side: null,
  authorId: 'a',
  createdAt: 1,
  text,
  bundle: null,
});

describe('referenceCoverage', () => {
  it('lists, per reference in order, each note that mentions it with the keyword that made it count', () => {
    const notes = [note('n1', 'Respect voor andere culturen'), note('n2', 'Een tolk regelen'), note('n3', 'Culturele achtergrond')];
    const coverage = referenceCoverage(REFERENCES, notes);
    expect(coverage.map((c) => c.reference.id)).toEqual(['cultuur', 'taal', 'samen']);
    expect(coverage.map((c) => c.suggested)).toEqual([
      [
        { noteId: 'n1', keyword: 'cultu', text: 'Respect voor andere culturen' },
        { noteId: 'n3', keyword: 'cultu', text: 'Culturele achtergrond' },
      ],
      [{ noteId: 'n2', keyword: 'tolk', text: 'Een tolk regelen' }],
      [],
    ]);
  });

  it('lets one note cover several references', () => {
    const coverage = referenceCoverage(REFERENCES, [note('n1', 'Samenwerken met een tolk uit dezelfde cultuur')]);
    expect(coverage.map((c) => c.suggested.map((x) => x.keyword))).toEqual([['cultu'], ['tolk'], ['samenwerk']]);
  });

  it('counts a reference as named only when the facilitator confirmed a note; a dismissed note is no longer suggested', () => {
    const notes = [note('n1', 'Respect voor andere culturen'), note('n2', 'Een tolk regelen'), note('n3', 'Cultuurhuis als ruimte')];
    // Keywords alone: suggestions, and every reference is still a blind spot.
    expect(blindSpots(REFERENCES, notes).map((r) => r.id)).toEqual(['cultuur', 'taal', 'samen']);
    const verdicts = { [matchId('cultuur', 'n1')]: 'confirmed', [matchId('cultuur', 'n3')]: 'dismissed', [matchId('taal', 'n2')]: 'dismissed' } as const;
    const coverage = referenceCoverage(REFERENCES, notes, verdicts);
    expect(coverage.map((c) => [c.confirmed.map((x) => x.noteId), c.suggested.map((x) => x.noteId)])).toEqual([
      [['n1'], []],
      [[], []],
      [[], []],
    ]);
    expect(coverage.map(isCovered)).toEqual([true, false, false]);
    expect(blindSpots(REFERENCES, notes, verdicts).map((r) => r.id)).toEqual(['taal', 'samen']);
  });

  it('confirms only notes still on the board, and a confirmation stands when no keyword matches (the facilitator read it)', () => {
    const verdicts = { [matchId('samen', 'n1')]: 'confirmed', [matchId('taal', 'gone')]: 'confirmed' } as const;
    const coverage = referenceCoverage(REFERENCES, [note('n1', 'We doen het met z’n allen')], verdicts);
    expect(coverage.map((c) => c.confirmed)).toEqual([[], [], [{ noteId: 'n1', text: 'We doen het met z’n allen' }]]);
  });

  it('with no notes, every reference is a blind spot', () => {
    expect(blindSpots(REFERENCES, []).map((r) => r.id)).toEqual(['cultuur', 'taal', 'samen']);
    expect(blindSpots([], [note('n1', 'taal')])).toEqual([]);
  });
});

describe('suggestions and verdicts on a live board', () => {
  let doc: Y.Doc;
  beforeEach(() => {
    doc = new Y.Doc();
    initMeeting(doc, {
      title: 'Krachtpunten',
      createdAt: 1,
      boards: [
        { id: 'b1', template: 'voorbeeld', title: 'Krachtpunten' },
        { id: 'b2', template: 'voorbeeld', title: 'Andere groep' },
      ],
    });
  });
  const add = (text: string, over: { boardId?: string; x?: number; createdAt?: number } = {}) =>
    addNote(doc, { boardId: 'b1', x: 0, y: 0, side: null, authorId: 'a', createdAt: 1, text, ...over });
  /** The references no note suggests yet (what the facilitator is asked about follows the writing live). */
  const spots = (boardId = 'b1') =>
    referenceCoverage(REFERENCES, notesOfBoard(doc, boardId))
      .filter((c) => c.suggested.length === 0)
      .map((c) => c.reference.id);

  it('closes a blind spot when a note is typed that mentions it, and reopens it when the words are changed', () => {
    const id = add('');
    expect(spots()).toEqual(['cultuur', 'taal', 'samen']);
    setNoteText(doc, id, 'De tolk');
    expect(spots()).toEqual(['cultuur', 'samen']);
    setNoteText(doc, id, 'De tolk en de Cultuur');
    expect(spots()).toEqual(['samen']);
    setNoteText(doc, id, 'Het weer');
    expect(spots()).toEqual(['cultuur', 'taal', 'samen']);
  });

  it('reopens a blind spot when the only note that mentioned it is deleted, not while another still does', () => {
    const a = add('tolk');
    const b = add('Taalles');
    expect(spots()).toEqual(['cultuur', 'samen']);
    deleteItem(doc, a);
    expect(spots()).toEqual(['cultuur', 'samen']);
    deleteItem(doc, b);
    expect(spots()).toEqual(['cultuur', 'taal', 'samen']);
  });

  it('stores the facilitator’s verdicts on the board and counts them; taking one back makes it a suggestion again', () => {
    const id = add('Een tolk erbij');
    const board = () => readBoardState(roots(doc).boards.get('b1') as Y.Map<unknown>);
    const coverage = () => referenceCoverage(REFERENCES, notesOfBoard(doc, 'b1'), board().matches);
    expect(coverage()[1]).toMatchObject({ suggested: [{ noteId: id, keyword: 'tolk' }], confirmed: [] });
    expect(setReferenceMatch(doc, 'b1', 'taal', id, 'confirmed')).toBe(true);
    expect(board().matches).toEqual({ [matchId('taal', id)]: 'confirmed' });
    expect(coverage()[1]).toMatchObject({ suggested: [], confirmed: [{ noteId: id, text: 'Een tolk erbij' }] });
    setReferenceMatch(doc, 'b1', 'taal', id, null);
    expect(board().matches).toEqual({});
    expect(coverage()[1]).toMatchObject({ suggested: [{ noteId: id }], confirmed: [] });
    expect(setReferenceMatch(doc, 'nope', 'taal', id, 'confirmed')).toBe(false);
  });

  it('ignores malformed verdicts in a stored board', () => {
    const m = roots(doc).boards.get('b1') as Y.Map<unknown>;
    doc.transact(() => {
      m.set('match:taal:n1', 'yes');
      m.set('match:taal:n2', 1);
      m.set('match:taal:n3', 'confirmed');
    });
    expect(readBoardState(m).matches).toEqual({ 'taal:n3': 'confirmed' });
  });

  it('counts only the notes of its own board', () => {
    add('cultuur, taal en samen werken', { boardId: 'b2' });
    expect(spots('b1')).toEqual(['cultuur', 'taal', 'samen']);
    expect(spots('b2')).toEqual([]);
  });

  it('still counts every member of a bundle, not only the note on top', () => {
    const head = add('Elkaar begrijpen', { x: 10, createdAt: 1 });
    const member = add('Een tolk', { x: 500, createdAt: 2 });
    const other = add('Andere culturen', { x: 900, createdAt: 3 });
    bundleNotes(doc, member, head);
    bundleNotes(doc, other, head);
    const bundle = [...bundlesOf(notesOfBoard(doc, 'b1')).values()];
    expect(bundle.map((b) => [b.head.id, b.members.length])).toEqual([[head, 3]]);
    const coverage = referenceCoverage(REFERENCES, notesOfBoard(doc, 'b1'));
    expect(coverage.map((c) => c.suggested.map((x) => x.noteId))).toEqual([[other], [member], []]);
    expect(spots()).toEqual(['samen']);
  });
});
