import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  dropPendingUpdates,
  hasPendingUpdates,
  isDeletedType,
  keyInParent,
  madeSince,
  pathFromRoot,
  transactionOpen,
  unfinishedTransactions,
  valueBefore,
} from '../src/schema/yjsInternals.ts';

/** Pinned to yjs 13.6.x: these fail when a release changes the internals Bodem reads (one adapter module). */
describe('yjs internals, through the one adapter', () => {
  it('finds the key a type sits under, and its path from the root', () => {
    const doc = new Y.Doc();
    const items = doc.getMap<Y.Map<unknown>>('items');
    const note = new Y.Map<unknown>();
    items.set('n1', note);
    const text = new Y.Text('hoi');
    note.set('text', text);
    expect(keyInParent(text)).toBe('text');
    expect(keyInParent(note)).toBe('n1');
    expect(keyInParent(items)).toBeNull();
    expect(pathFromRoot(text)).toEqual([items, note, text]);
    const list = new Y.Array<Y.Text>();
    note.set('list', list);
    const inList = new Y.Text('x');
    list.push([inList]);
    expect(keyInParent(inList)).toBeNull();
  });

  it('tells a type made in a transaction from one that was there, and a deleted one', () => {
    const doc = new Y.Doc();
    const items = doc.getMap<Y.Map<unknown>>('items');
    const old = new Y.Map<unknown>();
    items.set('old', old);
    let seen: { made: boolean; oldMade: boolean; rootMade: boolean } | null = null;
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      const fresh = items.get('new');
      if (fresh && !seen) seen = { made: madeSince(fresh, tr.beforeState), oldMade: madeSince(old, tr.beforeState), rootMade: madeSince(items, tr.beforeState) };
    });
    items.set('new', new Y.Map<unknown>());
    expect(seen).toEqual({ made: true, oldMade: false, rootMade: false });
    expect(isDeletedType(old)).toBe(false);
    items.delete('old');
    expect(isDeletedType(old)).toBe(true);
    expect(isDeletedType(items)).toBe(false);
  });

  it('sees updates held back for missing content, and forgets them', () => {
    const a = new Y.Doc();
    const first: Uint8Array[] = [];
    const second: Uint8Array[] = [];
    a.on('update', (u: Uint8Array) => (first.length ? second : first).push(u));
    a.getMap('items').set('x', 1);
    a.getMap('items').set('y', 2);
    const b = new Y.Doc();
    Y.applyUpdate(b, second[0]!);
    expect(hasPendingUpdates(b)).toBe(true);
    expect(b.getMap('items').size).toBe(0);
    dropPendingUpdates(b);
    expect(hasPendingUpdates(b)).toBe(false);
    Y.applyUpdate(b, first[0]!);
    // the dropped update does not come in once its gap fills
    expect(b.getMap('items').toJSON()).toEqual({ x: 1 });
  });

  it("reads a map key's plain value from before a transaction: overwritten, deleted, new, and a shared type", () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('m');
    map.set('title', 'oud');
    map.set('gone', 'weg');
    map.set('nested', new Y.Map());
    const seen: Record<string, { had: boolean; value: unknown }> = {};
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      for (const key of ['title', 'gone', 'fresh', 'nested']) seen[key] = valueBefore(map, key, tr);
    });
    doc.transact(() => {
      map.set('title', 'nieuw');
      map.set('title', 'nieuwer');
      map.delete('gone');
      map.set('fresh', 1);
      map.set('nested', 'plat');
    });
    expect(seen).toEqual({
      title: { had: true, value: 'oud' },
      gone: { had: true, value: 'weg' },
      fresh: { had: false, value: undefined },
      nested: { had: false, value: undefined },
    });
  });

  it('sees the transactions not finished: open, waiting for their observers, and one an observer opened', () => {
    const doc = new Y.Doc();
    const map = doc.getMap('m');
    expect(transactionOpen(doc)).toBe(false);
    expect(unfinishedTransactions(doc)).toEqual([]);
    const seen: { open: boolean; unfinished: number; has: boolean }[] = [];
    let outer: Y.Transaction | null = null;
    map.observe((e) => {
      seen.push({ open: transactionOpen(doc), unfinished: unfinishedTransactions(doc).length, has: unfinishedTransactions(doc).includes(e.transaction) });
      // An observer's own write: a transaction of its own, waiting until this cleanup is done.
      if (e.keysChanged.has('a')) {
        doc.transact(() => map.set('b', 1));
        seen.push({ open: transactionOpen(doc), unfinished: unfinishedTransactions(doc).length, has: unfinishedTransactions(doc).includes(outer!) });
      }
    });
    doc.transact((tr) => {
      outer = tr;
      map.set('a', 1);
      expect(transactionOpen(doc)).toBe(true);
      expect(unfinishedTransactions(doc)).toEqual([tr]);
    });
    expect(seen).toEqual([
      // The first transaction's observer: closed, still unfinished.
      { open: false, unfinished: 1, has: true },
      // After the observer's write: it waits behind the first.
      { open: false, unfinished: 2, has: true },
      // The second transaction's observer: Yjs lists the first until the last cleanup is done.
      { open: false, unfinished: 2, has: true },
    ]);
    expect(transactionOpen(doc)).toBe(false);
    expect(unfinishedTransactions(doc)).toEqual([]);
  });
});
