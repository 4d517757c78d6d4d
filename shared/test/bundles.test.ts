import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  addRoleCard,
  type Bundle,
  bundleIndex,
  bundleNotes,
  bundlesOf,
  collapseBundles,
  deleteItem,
  initMeeting,
  moveItem,
  type Note,
  noteById,
  notePlacesOfBoard,
  notesOfBoard,
  origins,
  readItem,
  readMeeting,
  roots,
  UNBUNDLE_STEP,
  unbundle,
} from '../src/index.ts';
import { countUpdates, exchange, replica } from './docs.ts';

const BOARD = 'b1';

const meeting = (): Y.Doc => {
  const doc = new Y.Doc();
  initMeeting(doc, {
    title: 'Bundelen',
    createdAt: 1,
    boards: [
      { id: BOARD, template: 'vrij', title: 'Ideeën' },
      { id: 'b2', template: 'vrij', title: 'Andere groep' },
    ],
  });
  return doc;
};

/** Adds note `id` at (x, y); `createdAt` defaults to the order of adding. */
let clock = 0;
const put = (doc: Y.Doc, id: string, x: number, y: number, over: { boardId?: string; createdAt?: number } = {}): string =>
  addNote(doc, { boardId: BOARD, x, y, side: null, authorId: 'a', createdAt: ++clock, text: id, ...over }, origins.template, id);

const bundles = (doc: Y.Doc, boardId = BOARD): Map<string, Bundle> => bundlesOf(notesOfBoard(doc, boardId));

/** Bundles as `head: members…`, members head first, then oldest first. */
const shape = (doc: Y.Doc, boardId = BOARD): string[] =>
  [...bundles(doc, boardId).values()].map((b) => `${b.head.id}: ${b.members.map((m) => m.id).join(' ')}`).sort();

const at = (doc: Y.Doc, id: string) => {
  const n = noteById(doc, id)!;
  return [n.x, n.y];
};

let doc: Y.Doc;
beforeEach(() => {
  clock = 0;
  doc = meeting();
  put(doc, 'a', 0, 0);
  put(doc, 'b', 300, 0);
  put(doc, 'c', 600, 0);
  put(doc, 'd', 900, 0);
  put(doc, 'e', 0, 400);
});

describe('bundleNotes', () => {
  it('drops a loose note onto a loose note: the target heads the bundle and the dropped note moves onto it', () => {
    expect(bundleNotes(doc, 'a', 'b')).toBe('b');
    expect(shape(doc)).toEqual(['b: b a']);
    expect(at(doc, 'a')).toEqual([300, 0]);
    expect(at(doc, 'b')).toEqual([300, 0]);
    // Only the dropped note records the drop: the target's own record is untouched.
    expect(noteById(doc, 'a')!.bundle).toBe('b');
    expect(noteById(doc, 'b')!.bundle).toBeNull();
  });

  it('drops a note onto a member of a bundle: it joins that bundle and moves onto its head', () => {
    bundleNotes(doc, 'a', 'b');
    expect(bundleNotes(doc, 'c', 'a')).toBe('b');
    expect(shape(doc)).toEqual(['b: b a c']);
    expect(at(doc, 'c')).toEqual([300, 0]);
  });

  it('drops a bundle (by its head) onto another note: both bundles become one, on the target', () => {
    bundleNotes(doc, 'a', 'b'); // b: b a at (300, 0)
    bundleNotes(doc, 'd', 'c'); // c: c d at (600, 0)
    expect(bundleNotes(doc, 'b', 'c')).toBe('c');
    expect(shape(doc)).toEqual(['c: c a b d']);
    for (const id of ['a', 'b', 'c', 'd']) expect(at(doc, id)).toEqual([600, 0]);
  });

  it('drops a bundle onto a loose note: the whole bundle joins it', () => {
    bundleNotes(doc, 'a', 'b');
    expect(bundleNotes(doc, 'b', 'e')).toBe('e');
    expect(shape(doc)).toEqual(['e: e a b']);
    for (const id of ['a', 'b', 'e']) expect(at(doc, id)).toEqual([0, 400]);
  });

  it('a member dropped onto another note leaves its bundle and joins that note alone', () => {
    bundleNotes(doc, 'a', 'b');
    expect(bundleNotes(doc, 'a', 'e')).toBe('e');
    expect(shape(doc)).toEqual(['e: e a']);
    expect(noteById(doc, 'b')!.bundle).toBeNull();
  });

  it('refuses the same note, notes of another board and missing or non-note items, writing nothing', () => {
    put(doc, 'elders', 0, 0, { boardId: 'b2' });
    const r = addRoleCard(doc, { boardId: BOARD, x: 0, y: 0, roleId: null, side: null, title: 'Rol', description: '', authorId: 'a', createdAt: 1 });
    const updates = countUpdates(doc);
    expect(bundleNotes(doc, 'a', 'a')).toBeNull();
    expect(bundleNotes(doc, 'a', 'elders')).toBeNull();
    expect(bundleNotes(doc, 'elders', 'a')).toBeNull();
    expect(bundleNotes(doc, 'a', 'weg')).toBeNull();
    expect(bundleNotes(doc, 'weg', 'a')).toBeNull();
    expect(bundleNotes(doc, 'a', r)).toBeNull();
    expect(bundleNotes(doc, r, 'a')).toBeNull();
    expect(updates()).toBe(0);
    expect(shape(doc)).toEqual([]);
  });

  it('dropping a note onto its own bundle changes nothing', () => {
    bundleNotes(doc, 'a', 'b');
    bundleNotes(doc, 'c', 'b');
    const updates = countUpdates(doc);
    expect(bundleNotes(doc, 'c', 'a')).toBe('b');
    expect(bundleNotes(doc, 'b', 'c')).toBe('b');
    expect(updates()).toBe(0);
  });

  it('is one transaction', () => {
    bundleNotes(doc, 'a', 'b');
    const updates = countUpdates(doc);
    bundleNotes(doc, 'b', 'c');
    expect(updates()).toBe(1);
  });
});

describe('moving a bundle', () => {
  it('moveItem on any member moves the whole bundle, keeping each offset', () => {
    bundleNotes(doc, 'a', 'b');
    bundleNotes(doc, 'c', 'b');
    expect(moveItem(doc, 'a', 1000, 50)).toBe(true);
    for (const id of ['a', 'b', 'c']) expect(at(doc, id)).toEqual([1000, 50]);
    expect(at(doc, 'd')).toEqual([900, 0]);
    moveItem(doc, 'b', 0, 0);
    for (const id of ['a', 'b', 'c']) expect(at(doc, id)).toEqual([0, 0]);
  });

  it('moves a loose note alone', () => {
    bundleNotes(doc, 'a', 'b');
    moveItem(doc, 'd', 5, 5);
    expect(at(doc, 'd')).toEqual([5, 5]);
    expect(at(doc, 'a')).toEqual([300, 0]);
  });

  it('a move that moves nothing writes nothing', () => {
    bundleNotes(doc, 'a', 'b');
    const updates = countUpdates(doc);
    expect(moveItem(doc, 'a', 300, 0)).toBe(true);
    expect(updates()).toBe(0);
  });

  it('moves a whole bundle in one transaction', () => {
    bundleNotes(doc, 'a', 'b');
    bundleNotes(doc, 'c', 'b');
    const updates = countUpdates(doc);
    moveItem(doc, 'c', 1, 1);
    expect(updates()).toBe(1);
  });
});

describe('unbundle', () => {
  it("clears every member's key and fans the members out from the head, head first", () => {
    bundleNotes(doc, 'a', 'b');
    bundleNotes(doc, 'c', 'b');
    expect(unbundle(doc, 'c')).toBe(true);
    expect(shape(doc)).toEqual([]);
    for (const id of ['a', 'b', 'c']) {
      expect(roots(doc).items.get(id)!.has('bundle')).toBe(false);
      expect(noteById(doc, id)!.bundle).toBeNull();
    }
    // Head first, then oldest first: b, a, c.
    expect(at(doc, 'b')).toEqual([300, 0]);
    expect(at(doc, 'a')).toEqual([300 + UNBUNDLE_STEP, UNBUNDLE_STEP]);
    expect(at(doc, 'c')).toEqual([300 + 2 * UNBUNDLE_STEP, 2 * UNBUNDLE_STEP]);
  });

  it('refuses a loose note and a missing note', () => {
    expect(unbundle(doc, 'a')).toBe(false);
    expect(unbundle(doc, 'weg')).toBe(false);
  });
});

describe('undo', () => {
  it("undoes a drop: the notes are loose again, where they were; redo bundles them again", () => {
    const undo = new Y.UndoManager(roots(doc).items, { trackedOrigins: new Set([origins.user]), captureTimeout: 0 });
    bundleNotes(doc, 'a', 'b');
    bundleNotes(doc, 'd', 'c');
    bundleNotes(doc, 'b', 'c');
    expect(shape(doc)).toEqual(['c: c a b d']);
    undo.undo();
    expect(shape(doc)).toEqual(['b: b a', 'c: c d']);
    expect(at(doc, 'b')).toEqual([300, 0]);
    undo.undo();
    undo.undo();
    expect(shape(doc)).toEqual([]);
    expect(readMeeting(doc).notes.map((n) => [n.id, n.x, n.y, n.bundle])).toEqual([
      ['a', 0, 0, null],
      ['b', 300, 0, null],
      ['c', 600, 0, null],
      ['d', 900, 0, null],
      ['e', 0, 400, null],
    ]);
    undo.redo();
    expect(shape(doc)).toEqual(['b: b a']);
    expect(at(doc, 'a')).toEqual([300, 0]);
    undo.destroy();
  });

  it('undoes an unbundle: the bundle is back on its pile', () => {
    bundleNotes(doc, 'a', 'b', origins.template);
    const undo = new Y.UndoManager(roots(doc).items, { trackedOrigins: new Set([origins.user]), captureTimeout: 0 });
    unbundle(doc, 'a');
    undo.undo();
    expect(shape(doc)).toEqual(['b: b a']);
    expect(at(doc, 'a')).toEqual([300, 0]);
    undo.destroy();
  });
});

describe('bundles after deletes', () => {
  it('deleting the head keeps the rest bundled, with the oldest left as head', () => {
    bundleNotes(doc, 'c', 'b');
    bundleNotes(doc, 'a', 'b');
    bundleNotes(doc, 'd', 'b');
    expect(shape(doc)).toEqual(['b: b a c d']);
    deleteItem(doc, 'b');
    const [bundle] = bundles(doc).values();
    expect(bundle!.key).toBe('a');
    expect(bundle!.head.id).toBe('a');
    expect(bundle!.members.map((m) => m.id)).toEqual(['a', 'c', 'd']);
    // The bundle still moves and joins as one, named by its new head.
    expect(bundleNotes(doc, 'e', 'c')).toBe('a');
    moveItem(doc, 'd', 7, 7);
    for (const id of ['a', 'c', 'd', 'e']) expect(at(doc, id)).toEqual([7, 7]);
  });

  it('a key held by one note is no bundle: the note is loose again', () => {
    bundleNotes(doc, 'a', 'b');
    deleteItem(doc, 'a');
    expect(bundles(doc).size).toBe(0);
    expect(noteById(doc, 'b')!.bundle).toBeNull();
    expect(bundleIndex(bundles(doc)).has('b')).toBe(false);
    expect(collapseBundles(notesOfBoard(doc, BOARD)).find((x) => x.note.id === 'b')?.bundle).toBeNull();
    expect(unbundle(doc, 'b')).toBe(false);
    // Dropping something on it starts a fresh bundle.
    expect(bundleNotes(doc, 'c', 'b')).toBe('b');
    expect(shape(doc)).toEqual(['b: b c']);
  });

  it('notes of different boards never share a bundle, even under the same key', () => {
    const notes: Note[] = [
      { ...noteById(doc, 'a')!, bundle: 'k' },
      { ...noteById(doc, 'b')!, bundle: 'k', boardId: 'b2' },
    ];
    expect(bundlesOf(notes).size).toBe(0);
  });
});

describe('reading only places (what moving and bundling read)', () => {
  it('notePlacesOfBoard gives the place, age and link notesOfBoard gives, for the notes of that board only, oldest first', () => {
    bundleNotes(doc, 'a', 'c');
    put(doc, 'other', 5, 5, { boardId: 'b2' });
    addRoleCard(doc, { boardId: BOARD, x: 1, y: 2, roleId: null, side: null, title: 'Rol', description: '', authorId: 'a', createdAt: 0 });
    // A note someone wrote badly: no board, a position that is no number, a link that is no id.
    const bad = new Y.Map<unknown>();
    roots(doc).items.set('bad', bad);
    bad.set('kind', 'note');
    bad.set('boardId', BOARD);
    bad.set('x', 'far');
    bad.set('bundle', '../x');
    bad.set('createdAt', -5);
    const pick = (n: Note) => ({ id: n.id, kind: n.kind, boardId: n.boardId, x: n.x, y: n.y, createdAt: n.createdAt, bundle: n.bundle });
    expect(notePlacesOfBoard(doc, BOARD)).toEqual(notesOfBoard(doc, BOARD).map(pick));
    expect(notePlacesOfBoard(doc, 'b2').map((n) => n.id)).toEqual(['other']);
    expect(notePlacesOfBoard(doc, BOARD).map((n) => n.id)).toEqual(['bad', 'a', 'b', 'c', 'd', 'e']);
  });

  it('bundlesOf finds the same bundles from places as from whole notes', () => {
    bundleNotes(doc, 'a', 'c');
    bundleNotes(doc, 'd', 'c');
    bundleNotes(doc, 'e', 'b');
    deleteItem(doc, 'b');
    const ids = (m: Map<string, Bundle<{ id: string; boardId: string; createdAt: number; bundle: string | null }>>) =>
      [...m.values()].map((b) => [b.key, b.head.id, b.members.map((x) => x.id)]);
    expect(ids(bundlesOf(notePlacesOfBoard(doc, BOARD)))).toEqual(ids(bundlesOf(notesOfBoard(doc, BOARD))));
    expect(ids(bundlesOf(notesOfBoard(doc, BOARD)))).toEqual([['c', 'c', ['c', 'a', 'd']]]);
  });
});

describe('collapseBundles', () => {
  it('shows each bundle once, by its head with its size, and every loose note, in the given order', () => {
    bundleNotes(doc, 'a', 'c');
    bundleNotes(doc, 'd', 'c');
    const view = collapseBundles(notesOfBoard(doc, BOARD));
    expect(view.map((x) => [x.note.id, x.bundle?.members.length ?? 1])).toEqual([
      ['b', 1],
      ['c', 3],
      ['e', 1],
    ]);
    expect(collapseBundles([])).toEqual([]);
  });
});

describe('concurrent bundling on two tablets', () => {
  const settle = (a: Y.Doc, b: Y.Doc) => {
    exchange(a, b);
    expect(readMeeting(b)).toEqual(readMeeting(a));
    expect(shape(b)).toEqual(shape(a));
    // Nothing is lost: all five notes are still there.
    expect(notesOfBoard(a, BOARD).map((n) => n.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  };

  it('two notes dropped onto the same note at once end up in one bundle', () => {
    const other = replica(doc);
    bundleNotes(doc, 'a', 'c');
    bundleNotes(other, 'b', 'c');
    settle(doc, other);
    expect(shape(doc)).toEqual(['c: c a b']);
    for (const id of ['a', 'b', 'c']) expect(at(doc, id)).toEqual([600, 0]);
  });

  it('two bundles made at once on different notes both stay', () => {
    const other = replica(doc);
    bundleNotes(doc, 'a', 'b');
    bundleNotes(other, 'd', 'c');
    settle(doc, other);
    expect(shape(doc)).toEqual(['b: b a', 'c: c d']);
  });

  it('a note dropped onto an existing bundle while another joins it elsewhere: one bundle with all of them', () => {
    bundleNotes(doc, 'a', 'b');
    const other = replica(doc);
    bundleNotes(doc, 'c', 'a');
    bundleNotes(other, 'd', 'b');
    settle(doc, other);
    expect(shape(doc)).toEqual(['b: b a c d']);
  });

  it('two people dropping two notes onto each other still get one bundle', () => {
    const other = replica(doc);
    bundleNotes(doc, 'a', 'b');
    bundleNotes(other, 'b', 'a');
    settle(doc, other);
    expect(shape(doc).map((s) => s.split(': ')[1]!.split(' ').sort().join(' '))).toEqual(['a b']);
  });

  it('one bundle dragged onto two different notes at once ends in exactly one of them', () => {
    bundleNotes(doc, 'a', 'b');
    const other = replica(doc);
    bundleNotes(doc, 'b', 'c');
    bundleNotes(other, 'b', 'd');
    settle(doc, other);
    // a and b went together, to c or to d; the other one is loose.
    const [only, ...more] = shape(doc);
    expect(more).toEqual([]);
    expect(['c: c a b', 'd: d a b']).toContain(only);
    const index = bundleIndex(bundles(doc));
    expect(index.get('a')).toBe(index.get('b'));
    expect(at(doc, 'a')).toEqual(at(doc, index.get('a')!.head.id));
  });

  // Chained drops at once: A onto B on one tablet, C onto A on another. Each
  // drop writes only its own note's link, so both hold.
  it('a note dropped onto another while a third is dropped onto it ends with all three in one bundle', () => {
    const other = replica(doc);
    bundleNotes(doc, 'a', 'b');
    bundleNotes(other, 'c', 'a');
    settle(doc, other);
    expect(shape(doc).map((s) => s.split(': ')[1]!.split(' ').sort().join(' '))).toEqual(['a b c']);
  });

  it('a bundle moved on one tablet while a note joins it on another keeps every member bundled', () => {
    bundleNotes(doc, 'a', 'b');
    const other = replica(doc);
    moveItem(doc, 'b', 50, 50);
    bundleNotes(other, 'c', 'b');
    settle(doc, other);
    expect(shape(doc)).toEqual(['b: b a c']);
    expect(readItem(doc, 'b')).toMatchObject({ x: 50, y: 50 });
  });
});
