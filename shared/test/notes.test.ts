// shared/'s import rule keeps the document model framework-free; the test
// runner is the one import its tests need beyond yjs and lib0.
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  applyRemote,
  deleteItem,
  initMeeting,
  MAX_NOTE_LENGTH,
  moveItem,
  type NewNote,
  type NoteColor,
  noteFill,
  NOTE_COLORS,
  notesOfBoard,
  origins,
  noteById,
  readNote,
  recolorNote,
  readMeeting,
  roots,
  setNoteText,
} from '../src/index.ts';
import { countUpdates, exchange, replica } from './docs.ts';

const BOARD = 'b1';

const meeting = (): Y.Doc => {
  const doc = new Y.Doc();
  initMeeting(doc, {
    title: 'Wijkoverleg',
    createdAt: 1,
    boards: [
      { id: BOARD, template: 'vrij', title: 'Verkenning' },
      { id: 'b2', template: 'vrij', title: 'Afspraken' },
    ],
  });
  return doc;
};

const seed = (over: Partial<NewNote> = {}): NewNote => ({
  boardId: BOARD,
  x: 10,
  y: 20,
  side: 'formeel',
  authorId: 'anne',
  createdAt: 100,
  ...over,
});

const textOf = (doc: Y.Doc, id: string): string => noteById(doc, id)!.text;

/** What the Y.Text stores, not what readNote makes of it. */
const rawText = (doc: Y.Doc, id: string): string => String(roots(doc).items.get(id)!.get('text'));

let doc: Y.Doc;
beforeEach(() => {
  doc = meeting();
});

describe('addNote', () => {
  it('writes a note that reads back with its fields and no stored colour', () => {
    const id = addNote(doc, seed({ text: 'Meer bankjes' }));
    expect(noteById(doc, id)).toEqual({
      id,
      kind: 'note',
      boardId: BOARD,
      x: 10,
      y: 20,
      color: null,
      side: 'formeel',
      authorId: 'anne',
      createdAt: 100,
      text: 'Meer bankjes',
      bundle: null,
      to: null,
    });
    expect(notesOfBoard(doc, BOARD).map((n) => n.id)).toEqual([id]);
    expect(notesOfBoard(doc, 'b2')).toEqual([]);
    // Until recoloured, the colour follows the author's side.
    expect(noteFill(noteById(doc, id)!.color, 'formeel')).toBe(NOTE_COLORS.blauw);
  });

  it('stores the text as a Y.Text, so concurrent edits merge', () => {
    const id = addNote(doc, seed({ text: 'x' }));
    expect(roots(doc).items.get(id)!.get('text')).toBeInstanceOf(Y.Text);
  });

  it('uses the given id and gives fresh ids otherwise', () => {
    expect(addNote(doc, seed(), origins.user, 'mijn-id')).toBe('mijn-id');
    const a = addNote(doc, seed());
    const b = addNote(doc, seed());
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-z]{24}$/);
  });

  it('refuses a board the meeting does not have, writing nothing', () => {
    const updates = countUpdates(doc);
    expect(() => addNote(doc, seed({ boardId: 'elders' }))).toThrow(/unknown board/);
    expect(updates()).toBe(0);
    expect(roots(doc).items.size).toBe(0);
  });

  it('replaces non-finite coordinates and cleans the text', () => {
    const id = addNote(doc, seed({ x: Number.NaN, y: Number.POSITIVE_INFINITY, text: 'a\u0000b\u202Ec' }));
    expect(noteById(doc, id)).toMatchObject({ x: 0, y: 0, text: 'abc' });
    expect(roots(doc).items.get(id)!.get('x')).toBe(0);
  });

  it('is one transaction with the given origin', () => {
    const seen: unknown[] = [];
    doc.on('afterTransaction', (t: Y.Transaction) => seen.push(t.origin));
    addNote(doc, seed());
    addNote(doc, seed(), origins.template);
    expect(seen).toEqual([origins.user, origins.template]);
  });
});

describe('moving a note (moveItem)', () => {
  it('commits the dropped position', () => {
    const id = addNote(doc, seed());
    expect(moveItem(doc, id, 300, -40.5)).toBe(true);
    expect(noteById(doc, id)).toMatchObject({ x: 300, y: -40.5 });
  });

  it('writes nothing when the note is dropped where it was', () => {
    const id = addNote(doc, seed());
    const updates = countUpdates(doc);
    expect(moveItem(doc, id, 10, 20)).toBe(true);
    expect(updates()).toBe(0);
  });

  it('clamps far-off and replaces non-finite positions', () => {
    const id = addNote(doc, seed());
    moveItem(doc, id, 1e12, Number.NaN);
    expect(roots(doc).items.get(id)!.toJSON()).toMatchObject({ x: 1e6, y: 0 });
  });

  it('reports an unknown or deleted note and writes nothing', () => {
    const id = addNote(doc, seed());
    deleteItem(doc, id);
    const updates = countUpdates(doc);
    expect(moveItem(doc, id, 1, 1)).toBe(false);
    expect(moveItem(doc, 'nooit', 1, 1)).toBe(false);
    expect(updates()).toBe(0);
  });

  it('leaves items of another kind alone', () => {
    const other = new Y.Map<unknown>();
    other.set('kind', 'stroke');
    other.set('x', 5);
    roots(doc).items.set('s1', other);
    expect(moveItem(doc, 's1', 1, 1)).toBe(false);
    expect(other.get('x')).toBe(5);
  });

  it('merges: concurrent drops of one note end at one of the two drops on both tablets, never a mix', () => {
    const id = addNote(doc, seed());
    const other = replica(doc);
    moveItem(doc, id, 100, 110);
    moveItem(other, id, 200, 220);
    exchange(doc, other);
    expect(noteById(doc, id)).toEqual(noteById(other, id));
    const { x, y } = noteById(doc, id)!;
    expect([
      [100, 110],
      [200, 220],
    ]).toContainEqual([x, y]);
  });
});

describe('recolorNote', () => {
  it('sets a palette colour and clearing it returns to the side colour', () => {
    const id = addNote(doc, seed({ side: 'informeel' }));
    expect(recolorNote(doc, id, 'roze')).toBe(true);
    expect(noteById(doc, id)!.color).toBe('roze');
    expect(recolorNote(doc, id, null)).toBe(true);
    expect(noteById(doc, id)!.color).toBeNull();
    expect(roots(doc).items.get(id)!.has('color')).toBe(false);
    expect(noteFill(null, 'informeel')).toBe(NOTE_COLORS.geel);
  });

  it('refuses a colour outside the palette and writes nothing', () => {
    const id = addNote(doc, seed());
    recolorNote(doc, id, 'groen');
    const updates = countUpdates(doc);
    expect(recolorNote(doc, id, 'rood' as NoteColor)).toBe(false);
    expect(recolorNote(doc, id, 'toString' as NoteColor)).toBe(false);
    expect(updates()).toBe(0);
    expect(noteById(doc, id)!.color).toBe('groen');
  });

  it('reports an unknown note', () => {
    expect(recolorNote(doc, 'nooit', 'geel')).toBe(false);
  });
});

describe('deleting a note (deleteItem)', () => {
  it('removes the note from the document and its board', () => {
    const id = addNote(doc, seed());
    const keep = addNote(doc, seed());
    expect(deleteItem(doc, id)).toBe(true);
    expect(noteById(doc, id)).toBeNull();
    expect(roots(doc).items.has(id)).toBe(false);
    expect(notesOfBoard(doc, BOARD).map((n) => n.id)).toEqual([keep]);
  });

  it('reports a missing note and writes nothing', () => {
    const updates = countUpdates(doc);
    expect(deleteItem(doc, 'nooit')).toBe(false);
    expect(updates()).toBe(0);
  });
});

describe('setNoteText', () => {
  /** The changes one setNoteText call makes to the Y.Text, as yjs reports them. */
  const deltaOf = (id: string, next: string) => {
    const text = roots(doc).items.get(id)!.get('text') as Y.Text;
    let delta: unknown = null;
    const observe = (e: Y.YTextEvent) => {
      delta = e.delta;
    };
    text.observe(observe);
    setNoteText(doc, id, next);
    text.unobserve(observe);
    return delta;
  };

  it('writes only the changed middle part', () => {
    const id = addNote(doc, seed({ text: 'Meer bankjes op het plein' }));
    expect(deltaOf(id, 'Meer groene bankjes op het plein')).toEqual([{ retain: 5 }, { insert: 'groene ' }]);
    expect(deltaOf(id, 'Meer groene bankjes')).toEqual([{ retain: 19 }, { delete: 13 }]);
    expect(deltaOf(id, 'Minder groene bankjes')).toEqual([{ retain: 1 }, { delete: 1 }, { insert: 'ind' }]);
    expect(textOf(doc, id)).toBe('Minder groene bankjes');
  });

  it('writes nothing when the text did not change', () => {
    const id = addNote(doc, seed({ text: 'gelijk' }));
    const updates = countUpdates(doc);
    expect(setNoteText(doc, id, 'gelijk')).toBe(true);
    // Stripped characters are no change either.
    expect(setNoteText(doc, id, 'gel\u0007ijk')).toBe(true);
    expect(updates()).toBe(0);
  });

  it('keeps both tablets\' words when they edit different parts of one note concurrently', () => {
    const id = addNote(doc, seed({ text: 'Meer bankjes op het plein' }));
    const other = replica(doc);
    setNoteText(doc, id, 'Veel meer bankjes op het plein');
    setNoteText(other, id, 'Meer bankjes op het plein, en bomen');
    exchange(doc, other);
    expect(textOf(doc, id)).toBe('Veel meer bankjes op het plein, en bomen');
    expect(textOf(other, id)).toBe('Veel meer bankjes op het plein, en bomen');
  });

  it('keeps both insertions when two tablets type at the same spot', () => {
    const id = addNote(doc, seed({ text: 'ab' }));
    const other = replica(doc);
    setNoteText(doc, id, 'aXb');
    setNoteText(other, id, 'aYb');
    exchange(doc, other);
    expect(textOf(doc, id)).toBe(textOf(other, id));
    expect(['aXYb', 'aYXb']).toContain(textOf(doc, id));
  });

  it('never splits an emoji that shares its first half with the new one', () => {
    // 😀 is D83D DE00 and 😃 is D83D DE03: a naive diff keeps the shared
    // D83D and lets yjs split the pair, which it stores as two U+FFFD.
    const id = addNote(doc, seed({ text: 'a😀b' }));
    const other = replica(doc);
    expect(deltaOf(id, 'a😃b')).toEqual([{ retain: 1 }, { delete: 2 }, { insert: '😃' }]);
    applyRemote(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)), origins.remote);
    expect(rawText(doc, id)).toBe('a😃b');
    expect(rawText(other, id)).toBe('a😃b');
  });

  it('never splits an emoji that shares its second half with the new one', () => {
    // 🌀 (U+1F300) is D83C DF00 and 🜀 (U+1F700) is D83D DF00.
    const before = '\uD83C\uDF00';
    const after = '\uD83D\uDF00';
    const id = addNote(doc, seed({ text: `x${before}y` }));
    expect(deltaOf(id, `x${after}y`)).toEqual([{ retain: 1 }, { delete: 2 }, { insert: after }]);
    expect(rawText(doc, id)).toBe(`x${after}y`);
  });

  it('keeps emoji whole through concurrent edits around them', () => {
    const id = addNote(doc, seed({ text: '👍🏽 ok 👩‍👩‍👧' }));
    const other = replica(doc);
    setNoteText(doc, id, '👍🏽 ok! 👩‍👩‍👧');
    setNoteText(other, id, '👍🏽 ok 👩‍👩‍👧😀');
    exchange(doc, other);
    expect(rawText(doc, id)).toBe('👍🏽 ok! 👩‍👩‍👧😀');
    expect(rawText(other, id)).toBe('👍🏽 ok! 👩‍👩‍👧😀');
  });

  it('inserts an emoji typed before another emoji without rewriting the one that was there', () => {
    // 😀 and 👍 share their first half (D83D). Rewriting 👍 as well would
    // undo a concurrent deletion of it.
    const id = addNote(doc, seed({ text: 'ok 👍' }));
    expect(deltaOf(id, 'ok 😀👍')).toEqual([{ retain: 3 }, { insert: '😀' }]);
    expect(deltaOf(id, '😀ok 😀👍')).toEqual([{ insert: '😀' }]);
    const other = replica(doc);
    setNoteText(doc, id, '😀ok 😀😀👍');
    setNoteText(other, id, '😀ok 😀');
    exchange(doc, other);
    expect(rawText(doc, id)).toBe('😀ok 😀😀');
    expect(rawText(other, id)).toBe('😀ok 😀😀');
  });

  it('caps the text at MAX_NOTE_LENGTH', () => {
    const id = addNote(doc, seed());
    setNoteText(doc, id, 'a'.repeat(MAX_NOTE_LENGTH + 500));
    expect(rawText(doc, id)).toBe('a'.repeat(MAX_NOTE_LENGTH));
    setNoteText(doc, id, `b${'a'.repeat(MAX_NOTE_LENGTH + 500)}`);
    expect(rawText(doc, id)).toBe(`b${'a'.repeat(MAX_NOTE_LENGTH - 1)}`);
    expect(rawText(doc, addNote(doc, seed({ text: 'c'.repeat(5000) })))).toBe('c'.repeat(MAX_NOTE_LENGTH));
  });

  it('does not cut an emoji in half at the cap: every tablet shows the same text', () => {
    // Regression: the cap used to keep the first half of the emoji. Yjs
    // sends text as UTF-8, so the writer kept "\uD83D" and every other
    // tablet got "\uFFFD".
    const id = addNote(doc, seed());
    const other = replica(doc);
    setNoteText(doc, id, `${'a'.repeat(MAX_NOTE_LENGTH - 1)}😀 en meer`);
    applyRemote(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)), origins.remote);
    expect(rawText(doc, id)).toBe('a'.repeat(MAX_NOTE_LENGTH - 1));
    expect(rawText(other, id)).toBe(rawText(doc, id));
  });

  it('drops half an emoji (an edit at a UTF-16 offset inside it): every tablet shows the same text', () => {
    const id = addNote(doc, seed({ text: 'ok😀' }));
    const other = replica(doc);
    // A textarea's maxlength or a backspace through a surrogate pair.
    setNoteText(doc, id, 'ok\uD83D');
    applyRemote(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)), origins.remote);
    expect(rawText(doc, id)).toBe('ok');
    expect(rawText(other, id)).toBe('ok');
    setNoteText(doc, id, '\uDE00ok');
    expect(rawText(doc, id)).toBe('ok');
  });

  it('strips control characters and bidi overrides but keeps tabs and newlines', () => {
    const id = addNote(doc, seed());
    setNoteText(doc, id, 'a\u0000b\u0007c\u001Bd\u007Fe\u009Ff\u202Eg\u2066h\ti\nj\r');
    expect(rawText(doc, id)).toBe('abcdefgh\ti\nj');
  });

  it('keeps Turkish, Polish, accented and Arabic text intact', () => {
    const id = addNote(doc, seed());
    const text = 'ş ğ ı ł ż é ë\nنريد المزيد من المقاعد في الساحة';
    setNoteText(doc, id, text);
    expect(rawText(doc, id)).toBe(text);
    expect(textOf(doc, id)).toBe(text);
    const other = replica(doc);
    expect(textOf(other, id)).toBe(text);
    // An edit inside the Arabic line changes only that word.
    setNoteText(doc, id, text.replace('المزيد', 'الكثير'));
    expect(textOf(doc, id)).toBe('ş ğ ı ł ż é ë\nنريد الكثير من المقاعد في الساحة');
  });

  it('reports a missing note', () => {
    expect(setNoteText(doc, 'nooit', 'x')).toBe(false);
  });
});

describe('undo', () => {
  const undoManager = (d: Y.Doc) =>
    new Y.UndoManager(roots(d).items, { trackedOrigins: new Set([origins.user]), captureTimeout: 0 });

  it("undoes the user's own edits, one action at a time, and redoes them", () => {
    const um = undoManager(doc);
    const id = addNote(doc, seed({ text: 'Bankjes' }));
    moveItem(doc, id, 50, 60);
    recolorNote(doc, id, 'paars');
    setNoteText(doc, id, 'Meer bankjes');
    um.undo();
    expect(noteById(doc, id)).toMatchObject({ text: 'Bankjes', color: 'paars', x: 50 });
    um.undo();
    expect(noteById(doc, id)).toMatchObject({ color: null, x: 50 });
    um.undo();
    expect(noteById(doc, id)).toMatchObject({ x: 10, y: 20 });
    um.undo();
    expect(noteById(doc, id)).toBeNull();
    um.redo();
    um.redo();
    expect(noteById(doc, id)).toMatchObject({ x: 50, y: 60, text: 'Bankjes' });
  });

  it('brings back a deleted note with its text', () => {
    const um = undoManager(doc);
    const id = addNote(doc, seed({ text: 'Terug' }));
    um.stopCapturing();
    deleteItem(doc, id);
    um.undo();
    expect(noteById(doc, id)).toMatchObject({ text: 'Terug', x: 10 });
  });

  it('leaves remote edits and template notes alone', () => {
    const other = replica(doc);
    const um = undoManager(doc);
    const template = addNote(doc, seed({ text: 'Uit het sjabloon' }), origins.template);
    const mine = addNote(doc, seed({ text: 'Van mij' }));
    const theirs = addNote(other, seed({ text: 'Van een ander', authorId: 'bram' }));
    exchange(doc, other);
    // Remote edits, also to my own note and to the template note.
    setNoteText(other, mine, 'Van mij, zegt Bram');
    moveItem(other, template, 500, 500);
    exchange(doc, other);
    // My own edit to the template note.
    recolorNote(doc, template, 'oranje');

    while (um.undoStack.length > 0) um.undo();

    expect(noteById(doc, template)).toMatchObject({ text: 'Uit het sjabloon', x: 500, color: null });
    expect(noteById(doc, theirs)).toMatchObject({ text: 'Van een ander' });
    expect(noteById(doc, mine)).toBeNull();
    expect(um.canUndo()).toBe(false);
  });

  it("removes only the user's own words from text someone else also typed in", () => {
    const id = addNote(doc, seed({ text: 'bankjes' }));
    const other = replica(doc);
    const um = undoManager(doc);
    setNoteText(doc, id, 'Meer bankjes');
    setNoteText(other, id, 'bankjes en bomen');
    exchange(doc, other);
    expect(textOf(doc, id)).toBe('Meer bankjes en bomen');
    um.undo();
    expect(textOf(doc, id)).toBe('bankjes en bomen');
    exchange(doc, other);
    expect(textOf(other, id)).toBe('bankjes en bomen');
  });

  it('does not track migrations or template writes', () => {
    const um = undoManager(doc);
    addNote(doc, seed(), origins.template);
    doc.transact(() => roots(doc).items.set('m', new Y.Map()), origins.migration);
    applyRemote(doc, Y.encodeStateAsUpdate(replica(doc)), origins.remote);
    expect(um.canUndo()).toBe(false);
  });
});

describe('readNote', () => {
  const raw = (fields: Record<string, unknown>, text: string | null = 'tekst'): Y.Map<unknown> => {
    const map = new Y.Map<unknown>();
    roots(doc).items.set('r', map);
    for (const [k, v] of Object.entries(fields)) map.set(k, v);
    if (text !== null) map.set('text', new Y.Text(text));
    return map;
  };
  const valid = { kind: 'note', boardId: BOARD, x: 1, y: 2, side: 'informeel', authorId: 'anne', createdAt: 5 };

  it('reads a well-formed note', () => {
    expect(readNote('r', raw(valid))).toEqual({ id: 'r', ...valid, color: null, text: 'tekst', bundle: null, to: null });
  });

  it('rejects another kind, or a note without a board', () => {
    expect(readNote('r', raw({ ...valid, kind: 'stroke' }))).toBeNull();
    expect(readNote('r', raw({ ...valid, kind: undefined }))).toBeNull();
    expect(readNote('r', raw({ ...valid, boardId: '' }))).toBeNull();
    expect(readNote('r', raw({ ...valid, boardId: 7 }))).toBeNull();
  });

  it('replaces non-finite or wrongly typed coordinates and clamps far-off ones', () => {
    expect(readNote('r', raw({ ...valid, x: Number.NaN, y: Number.NEGATIVE_INFINITY }))).toMatchObject({ x: 0, y: 0 });
    expect(readNote('r', raw({ ...valid, x: '12', y: null }))).toMatchObject({ x: 0, y: 0 });
    expect(readNote('r', raw({ ...valid, x: 1e300, y: -1e300 }))).toMatchObject({ x: 1e6, y: -1e6 });
  });

  it('drops an unknown colour or side', () => {
    expect(readNote('r', raw({ ...valid, color: 'rood', side: 'publiek' }))).toMatchObject({ color: null, side: null });
    expect(readNote('r', raw({ ...valid, color: 'hasOwnProperty' }))).toMatchObject({ color: null });
    expect(readNote('r', raw({ ...valid, color: 'paars' }))).toMatchObject({ color: 'paars' });
  });

  it('reads missing or non-Y.Text text as empty, and fills defaults', () => {
    expect(readNote('r', raw(valid, null))).toMatchObject({ text: '' });
    expect(readNote('r', raw({ ...valid, text: 'platte string' }, null))).toMatchObject({ text: '' });
    expect(readNote('r', raw({ kind: 'note', boardId: BOARD }, null))).toEqual({
      id: 'r',
      kind: 'note',
      boardId: BOARD,
      x: 0,
      y: 0,
      color: null,
      side: null,
      authorId: '',
      createdAt: 0,
      text: '',
      bundle: null,
      to: null,
    });
  });

  it('treats text written by another peer as untrusted: stripped and capped', () => {
    const long = `\u202E${'z'.repeat(MAX_NOTE_LENGTH * 2)}`;
    expect(readNote('r', raw(valid, long))!.text).toBe('z'.repeat(MAX_NOTE_LENGTH));
  });

  it('keeps unknown fields in the Y.Map through reads and edits', () => {
    const votes = new Y.Map<unknown>();
    const map = raw({ ...valid, zone: 'links', futureField: { a: 1 } });
    map.set('votes', votes);
    votes.set('anne', true);
    const updates = countUpdates(doc);
    readNote('r', map);
    readMeeting(doc);
    expect(updates()).toBe(0);
    moveItem(doc, 'r', 9, 9);
    recolorNote(doc, 'r', 'geel');
    setNoteText(doc, 'r', 'nieuw');
    expect(map.get('zone')).toBe('links');
    expect(map.get('futureField')).toEqual({ a: 1 });
    expect((map.get('votes') as Y.Map<unknown>).toJSON()).toEqual({ anne: true });
  });

  it('leaves malformed records in the document while the view drops them', () => {
    raw({ ...valid, kind: 'iets-nieuws' });
    const updates = countUpdates(doc);
    expect(readMeeting(doc).notes).toEqual([]);
    expect(roots(doc).items.get('r')!.get('kind')).toBe('iets-nieuws');
    expect(updates()).toBe(0);
  });
});
