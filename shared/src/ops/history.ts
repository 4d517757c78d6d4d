import * as Y from 'yjs';
import { itemsOfBoard, type Item } from '../derive/items.ts';
import { origins, type Origin } from '../origins.ts';
import { roots } from '../schema/roots.ts';
import { asYMap } from '../schema/values.ts';

/**
 * The meeting's history ("Geschiedenis"): the relay keeps a snapshot of the
 * whole document every few minutes; the facilitator looks at a board as it
 * was and brings it, or single items, back. A restore is one transaction of
 * the facilitator's own (origin `user`), so it is one undo step and reaches
 * everyone like any edit.
 */

/** One item of a board at an earlier time, and whether it is still there now. */
export interface PastItem {
  item: Item;
  /** Gone from the meeting now (deleted since). */
  deleted: boolean;
  /** Still there, but different now (moved, edited). */
  changed: boolean;
}

/** A past copy of the meeting from a snapshot (a Yjs update of the whole document). */
export const pastDocument = (snapshot: Uint8Array): Y.Doc => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, snapshot);
  return doc;
};

/** The items of `boardId` in the past copy, compared with the meeting now. */
export const boardThen = (now: Y.Doc, past: Y.Doc, boardId: string): PastItem[] => {
  const items = roots(now).items;
  return itemsOfBoard(past, boardId).map((item) => {
    const current = asYMap(items.get(item.id));
    return {
      item,
      deleted: !current,
      changed: !!current && JSON.stringify(current.toJSON()) !== JSON.stringify(asYMap(roots(past).items.get(item.id))!.toJSON()),
    };
  });
};

/** Items on `boardId` now that the past copy did not have (made since). */
export const addedSince = (now: Y.Doc, past: Y.Doc, boardId: string): string[] => {
  const then = roots(past).items;
  return itemsOfBoard(now, boardId)
    .filter((i) => !then.has(i.id))
    .map((i) => i.id);
};

/** A fresh copy of a past item's map: texts as new texts, everything else as plain values. */
const copyValue = (v: unknown): unknown => {
  if (v instanceof Y.Text) return new Y.Text(v.toString());
  if (v instanceof Y.AbstractType) return v.toJSON() as unknown;
  return v;
};

/** Writes the past state of one item into the meeting: back if deleted, its values back if changed. */
const restoreOne = (now: Y.Doc, past: Y.Doc, id: string): boolean => {
  const then = asYMap(roots(past).items.get(id));
  if (!then) return false;
  const items = roots(now).items;
  const current = asYMap(items.get(id));
  if (!current) {
    const map = new Y.Map<unknown>();
    for (const [k, v] of then.entries()) map.set(k, copyValue(v));
    items.set(id, map);
    return true;
  }
  let changed = false;
  for (const [k, v] of then.entries()) {
    const cur = current.get(k);
    if (v instanceof Y.Text) {
      if (cur instanceof Y.Text) {
        if (cur.toString() !== v.toString()) {
          cur.delete(0, cur.length);
          cur.insert(0, v.toString());
          changed = true;
        }
      } else {
        current.set(k, copyValue(v));
        changed = true;
      }
    } else if (JSON.stringify(cur instanceof Y.AbstractType ? cur.toJSON() : cur) !== JSON.stringify(copyValue(v))) {
      current.set(k, copyValue(v));
      changed = true;
    }
  }
  for (const k of [...current.keys()]) {
    if (!then.has(k)) {
      current.delete(k);
      changed = true;
    }
  }
  return changed;
};

/** Brings single items back as they were in the past copy, in one transaction. Returns how many changed. */
export const restoreItems = (now: Y.Doc, past: Y.Doc, ids: readonly string[], origin: Origin = origins.user): number => {
  let n = 0;
  now.transact(() => {
    for (const id of ids) if (restoreOne(now, past, id)) n++;
  }, origin);
  return n;
};

/**
 * Brings a whole board back as it was: its items of then, as they were, and
 * without the items made on it since. One transaction, one undo step.
 */
export const restoreBoard = (now: Y.Doc, past: Y.Doc, boardId: string, origin: Origin = origins.user): { restored: number; removed: number } => {
  let restored = 0;
  let removed = 0;
  now.transact(() => {
    for (const { item } of boardThen(now, past, boardId)) if (restoreOne(now, past, item.id)) restored++;
    const items = roots(now).items;
    for (const id of addedSince(now, past, boardId)) {
      items.delete(id);
      removed++;
    }
  }, origin);
  return { restored, removed };
};
