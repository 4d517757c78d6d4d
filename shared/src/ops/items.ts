import type * as Y from 'yjs';
import { bundleIndex, bundlesOf } from '../derive/bundles.ts';
import { bundlePlacesOfBoard } from '../derive/links.ts';
import { origins, type Origin } from '../origins.ts';
import { roots } from '../schema/roots.ts';
import { asYMap, num, str } from '../schema/values.ts';

const placedMap = (doc: Y.Doc, id: string): Y.Map<unknown> | null => {
  const m = asYMap(roots(doc).items.get(id));
  const kind = m?.get('kind');
  return m && (kind === 'note' || kind === 'role') ? m : null;
};

/**
 * Commits a position; called on drop, never per frame (live drags go
 * through awareness). A bundled note takes its whole bundle along, in the
 * same transaction, so the bundle stays one pile for everyone.
 */
export const moveItem = (doc: Y.Doc, id: string, x: number, y: number, origin: Origin = origins.user): boolean => {
  const m = placedMap(doc, id);
  if (!m) return false;
  const nx = num(x, 0);
  const ny = num(y, 0);
  const dx = nx - num(m.get('x'), 0);
  const dy = ny - num(m.get('y'), 0);
  if (dx === 0 && dy === 0) return true;
  const bundle = m.get('kind') === 'note' ? bundleIndex(bundlesOf(bundlePlacesOfBoard(doc, str(m.get('boardId')), [id]))).get(id) : undefined;
  doc.transact(() => {
    m.set('x', nx);
    m.set('y', ny);
    for (const member of bundle?.members ?? []) {
      if (member.id === id) continue;
      const mm = placedMap(doc, member.id);
      mm?.set('x', member.x + dx);
      mm?.set('y', member.y + dy);
    }
  }, origin);
  return true;
};

/** Removes any item (note, role card, agreement). */
export const deleteItem = (doc: Y.Doc, id: string, origin: Origin = origins.user): boolean => {
  const items = roots(doc).items;
  if (!asYMap(items.get(id))) return false;
  doc.transact(() => items.delete(id), origin);
  return true;
};

/** Removes several items in one transaction: one eraser stroke, one undo step. */
export const deleteItems = (doc: Y.Doc, ids: readonly string[], origin: Origin = origins.user): number => {
  const items = roots(doc).items;
  const present = ids.filter((id) => asYMap(items.get(id)));
  if (present.length === 0) return 0;
  doc.transact(() => {
    for (const id of present) items.delete(id);
  }, origin);
  return present.length;
};
