import * as Y from 'yjs';

/**
 * The one place Bodem reaches under Yjs's public API (pinned: yjs 13.6.x;
 * yjsInternals.test.ts fails when a release changes any of it). What it
 * needs and Yjs does not offer publicly:
 *
 * - the key a type sits under in its parent map (`_item.parentSub`);
 * - whether a type was made within a transaction (its item's id against the
 *   transaction's state before), and whether it has since been deleted;
 * - a map key's value before a transaction (the entries a map keeps per
 *   key, `_map`), to write it back when the change is refused;
 * - the updates a document holds back because they wait for content it has
 *   not seen (`store.pendingStructs`, `store.pendingDs`): the relay refuses
 *   to integrate those later under someone else's update;
 * - the transactions not yet finished (`_transaction`, `_transactionCleanups`):
 *   an index kept from finished transactions (derive/links.ts) knows whether
 *   it is up to date.
 */

interface ItemLike {
  id: { client: number; clock: number };
  parentSub: string | null;
  deleted: boolean;
}

const itemOf = <E>(type: Y.AbstractType<E>): ItemLike | null => (type as unknown as { _item: ItemLike | null })._item ?? null;

/** The key `type` sits under in its parent map; null for a root or an array element. */
export const keyInParent = <E>(type: Y.AbstractType<E>): string | null => {
  const sub = itemOf(type)?.parentSub;
  return typeof sub === 'string' ? sub : null;
};

/** The chain of types from the document's root down to `type` (root first). The parent is public (`type.parent`). */
export const pathFromRoot = <E>(type: Y.AbstractType<E>): Y.AbstractType<unknown>[] => {
  const path: Y.AbstractType<unknown>[] = [type as Y.AbstractType<unknown>];
  for (let t = type.parent; t; t = t.parent) path.unshift(t);
  return path;
};

/** Whether `type` was made by the transaction whose state before was `beforeState` (a root never was). */
export const madeSince = <E>(type: Y.AbstractType<E>, beforeState: ReadonlyMap<number, number>): boolean => {
  const item = itemOf(type);
  return item !== null && item.id.clock >= (beforeState.get(item.id.client) ?? 0);
};

/** Whether `type` has been deleted from the document (a root never is). */
export const isDeletedType = <E>(type: Y.AbstractType<E>): boolean => itemOf(type)?.deleted ?? false;

interface StoreLike {
  pendingStructs: unknown;
  pendingDs: unknown;
}
const storeOf = (doc: Y.Doc): StoreLike => doc.store as unknown as StoreLike;

/** Whether the document holds updates back that wait for content it has not seen. */
export const hasPendingUpdates = (doc: Y.Doc): boolean => {
  const s = storeOf(doc);
  return s.pendingStructs !== null || s.pendingDs !== null;
};

/** Forgets the updates the document holds back (they would otherwise be integrated once their gap fills). */
export const dropPendingUpdates = (doc: Y.Doc): void => {
  const s = storeOf(doc);
  s.pendingStructs = null;
  s.pendingDs = null;
};

/**
 * The plain value `map[key]` held before transaction `tr`: the newest entry
 * for the key that existed before it (the current one, when the change was a
 * deletion), if it was live then. `had` is false when the key was unset or
 * held a shared type (which cannot be written back as a value).
 */
export const valueBefore = (map: Y.Map<unknown>, key: string, tr: Y.Transaction): { had: boolean; value: unknown } => {
  let before: Y.Item | null = (map as unknown as { _map: Map<string, Y.Item> })._map.get(key) ?? null;
  while (before && before.id.clock >= (tr.beforeState.get(before.id.client) ?? 0)) before = before.left as Y.Item | null;
  const live = before !== null && (!before.deleted || Y.isDeleted(tr.deleteSet, before.id));
  const had = live && before!.content instanceof Y.ContentAny;
  return { had, value: had ? (before!.content.getContent().at(-1) as unknown) : undefined };
};

interface DocLike {
  _transaction: Y.Transaction | null;
  _transactionCleanups: Y.Transaction[];
}
const docOf = (doc: Y.Doc): DocLike => doc as unknown as DocLike;

/**
 * The document's transactions not finished yet: the one open (if any) and those whose cleanup (observers,
 * events) is still to run or running, oldest first. Empty between transactions.
 */
export const unfinishedTransactions = (doc: Y.Doc): Y.Transaction[] => {
  const d = docOf(doc);
  return d._transaction && !d._transactionCleanups.includes(d._transaction) ? [...d._transactionCleanups, d._transaction] : [...d._transactionCleanups];
};

/** Whether a transaction is open on the document (within `doc.transact`, before its cleanup starts). */
export const transactionOpen = (doc: Y.Doc): boolean => docOf(doc)._transaction !== null;
