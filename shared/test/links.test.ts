import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  addRoleCard,
  bundleNotes,
  bundlePlacesOfBoard,
  bundlesOf,
  deleteItem,
  initMeeting,
  moveItem,
  noteLinks,
  notePlacesOfBoard,
  origins,
  roots,
  scanNoteLinks,
  setNoteText,
  unbundle,
} from '../src/index.ts';
import { exchange, replica } from './docs.ts';

const BOARDS = ['b1', 'b2'];

const meeting = (): Y.Doc => {
  const doc = new Y.Doc();
  initMeeting(doc, { title: 'Index', createdAt: 1, boards: BOARDS.map((id) => ({ id, template: 'vrij', title: id })) });
  return doc;
};

/** Bundles as sorted text, from some notes' places. */
const shape = (places: ReturnType<typeof notePlacesOfBoard>): string[] =>
  [...bundlesOf(places).values()].map((b) => `${b.head.id}: ${b.members.map((m) => `${m.id}@${m.x},${m.y}`).join(' ')}`).sort();

/** The kept index and the bundles from it equal what every note gives. */
const expectSame = (doc: Y.Doc, where: string): void => {
  const links = noteLinks(doc);
  expect(links, where).not.toBeNull();
  expect(new Map(links!), where).toEqual(scanNoteLinks(doc));
  for (const b of BOARDS) expect(shape(bundlePlacesOfBoard(doc, b)), `${where} ${b}`).toEqual(shape(notePlacesOfBoard(doc, b)));
};

describe('the index of bundle links', () => {
  it('is null inside a transaction, and bundling there reads every note', () => {
    const doc = meeting();
    addNote(doc, { boardId: 'b1', x: 0, y: 0, side: null, authorId: 'a', createdAt: 1 }, origins.template, 'n1');
    addNote(doc, { boardId: 'b1', x: 50, y: 50, side: null, authorId: 'a', createdAt: 2 }, origins.template, 'n2');
    expect(noteLinks(doc)?.size).toBe(0);
    doc.transact(() => {
      roots(doc).items.get('n2')!.set('bundle', 'n1');
      expect(noteLinks(doc)).toBeNull();
      // The link written in this transaction is seen: n3 joins n1's bundle, n2 comes along onto n1.
      addNote(doc, { boardId: 'b1', x: 90, y: 90, side: null, authorId: 'a', createdAt: 3 }, origins.template, 'n3');
      expect(bundleNotes(doc, 'n3', 'n2')).toBe('n1');
    });
    expect(new Map(noteLinks(doc)!)).toEqual(new Map([['n2', 'n1'], ['n3', 'n2']]));
    expectSame(doc, 'after');
  });

  it('is current while observers run, and null after an observer wrote until that write is followed', () => {
    const doc = meeting();
    addNote(doc, { boardId: 'b1', x: 0, y: 0, side: null, authorId: 'a', createdAt: 1 }, origins.template, 'n1');
    addNote(doc, { boardId: 'b1', x: 0, y: 0, side: null, authorId: 'a', createdAt: 2 }, origins.template, 'n2');
    noteLinks(doc);
    const seen: unknown[] = [];
    let wrote = false;
    roots(doc).items.observeDeep(() => {
      seen.push(noteLinks(doc) && new Map(noteLinks(doc)!));
      if (wrote) return;
      wrote = true;
      // An observer's own write: its cleanup comes after this transaction's.
      roots(doc).items.get('n1')!.set('bundle', 'n2');
      seen.push(noteLinks(doc));
    });
    doc.transact(() => roots(doc).items.get('n2')!.set('bundle', 'n1'), origins.template);
    expect(seen).toEqual([new Map([['n2', 'n1']]), null, new Map([['n2', 'n1'], ['n1', 'n2']])]);
    expectSame(doc, 'after');
  });

  // Random local and remote changes, undo and redo, on two tablets: after each step the index kept
  // from the transactions equals the one read from every item, and so do the bundles made from it.
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('follows random local and remote changes (seed %i)', (seed) => {
    const gen = prng.create(seed);
    const a = meeting();
    const b = replica(a);
    const undo = new Y.UndoManager(roots(a).items, { trackedOrigins: new Set([origins.user]), captureTimeout: 0 });
    // The index is made before the changes on one tablet, after some on the other.
    expect(noteLinks(a)).not.toBeNull();
    const ids: string[] = [];
    let n = 0;
    const pick = () => (ids.length ? prng.oneOf(gen, ids) : 'none');
    for (let step = 0; step < 300; step++) {
      const doc = prng.bool(gen) ? a : b;
      const origin = doc === a ? origins.user : origins.template;
      const op = prng.int32(gen, 0, 11);
      const board = prng.oneOf(gen, BOARDS);
      if (op <= 2) {
        const id = `n${n++}`;
        addNote(doc, { boardId: board, x: prng.int32(gen, 0, 500), y: prng.int32(gen, 0, 500), side: null, authorId: 'a', createdAt: prng.int32(gen, 1, 50) }, origin, id);
        ids.push(id);
      } else if (op <= 5) bundleNotes(doc, pick(), pick(), origin);
      else if (op === 6) unbundle(doc, pick(), origin);
      else if (op === 7) deleteItem(doc, pick(), origin);
      else if (op === 8) moveItem(doc, pick(), prng.int32(gen, 0, 500), prng.int32(gen, 0, 500), origin);
      else if (op === 9) {
        if (prng.bool(gen)) undo.undo();
        else undo.redo();
      } else if (op === 10) {
        // A link written by hand (another version of the app): to a missing note, to itself, or dropped.
        const m = roots(doc).items.get(pick());
        const what = prng.int32(gen, 0, 2);
        if (m) doc.transact(() => (what === 0 ? m.set('bundle', 'gone') : what === 1 ? m.set('bundle', pick()) : m.delete('bundle')), origin);
      } else if (prng.bool(gen)) setNoteText(doc, pick(), `tekst ${step}`, origin);
      else addRoleCard(doc, { boardId: board, x: 1, y: 1, roleId: 'r', side: null, title: 'Rol', description: '', authorId: 'a', createdAt: 3 }, origin);
      if (prng.int32(gen, 0, 3) === 0) exchange(a, b);
      if (step === 40) expect(noteLinks(b)).not.toBeNull();
      expectSame(a, `seed ${seed} step ${step} a`);
      if (step >= 40) expectSame(b, `seed ${seed} step ${step} b`);
    }
    exchange(a, b);
    expectSame(a, 'end a');
    expectSame(b, 'end b');
    // The runs really made bundles.
    expect(scanNoteLinks(a).size).toBeGreaterThan(0);
  });
});
