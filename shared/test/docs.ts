import * as Y from 'yjs';
import { applyRemote, origins } from '../src/index.ts';

/** A second tablet holding everything `doc` holds. */
export const replica = (doc: Y.Doc): Y.Doc => {
  const other = new Y.Doc();
  applyRemote(other, Y.encodeStateAsUpdate(doc), origins.remote);
  return other;
};

/** Both docs send each other what the other lacks, as sync step 2 does. */
export const exchange = (a: Y.Doc, b: Y.Doc): void => {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  applyRemote(b, toB, origins.remote);
  applyRemote(a, toA, origins.remote);
};

/** Every doc sends every other what it lacks, as the relay would. */
export const mergeAll = (docs: Y.Doc[]): void => {
  const updates = docs.map((from) => docs.map((to) => Y.encodeStateAsUpdate(from, Y.encodeStateVector(to))));
  docs.forEach((to, j) => docs.forEach((_, i) => i !== j && applyRemote(to, updates[i]![j]!, origins.remote)));
};

/** Counts the updates a doc emits from now on: a refused operation writes none. */
export const countUpdates = (doc: Y.Doc): (() => number) => {
  let n = 0;
  doc.on('update', () => n++);
  return () => n;
};
