import type * as Y from 'yjs';
import type { Size } from '../layout/geometry.ts';
import { readAgreement, type Agreement } from '../schema/agreement.ts';
import { NOTE_SIZE, readNote, type Note } from '../schema/note.ts';
import { readRoleCard, ROLE_CARD_SIZE, type RoleCard } from '../schema/role.ts';
import { roots } from '../schema/roots.ts';
import { readStroke, type Stroke } from '../schema/stroke.ts';
import { asYMap } from '../schema/values.ts';

/** Everything that can sit on a board. */
export type Item = Note | RoleCard | Agreement | Stroke;
/** Items with a place on the poster (agreements are rows of a table). */
export type PlacedItem = Note | RoleCard;

export const readItemMap = (id: string, map: Y.Map<unknown>): Item | null => {
  switch (map.get('kind')) {
    case 'note':
      return readNote(id, map);
    case 'role':
      return readRoleCard(id, map);
    case 'agreement':
      return readAgreement(id, map);
    case 'stroke':
      return readStroke(id, map);
    default:
      // A kind from a newer schema: kept in the document, left out of views.
      return null;
  }
};

export const readItem = (doc: Y.Doc, id: string): Item | null => {
  const m = asYMap(roots(doc).items.get(id));
  return m ? readItemMap(id, m) : null;
};

const byAge = (a: Item, b: Item) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

/** Items of one board, oldest first, so later items lie on top. */
export const itemsOfBoard = (doc: Y.Doc, boardId: string): Item[] => {
  const out: Item[] = [];
  roots(doc).items.forEach((v, id) => {
    const m = asYMap(v);
    const item = m ? readItemMap(id, m) : null;
    if (item && item.boardId === boardId) out.push(item);
  });
  return out.sort(byAge);
};

export const isPlaced = (item: Item): item is PlacedItem => item.kind === 'note' || item.kind === 'role';

/** An item's size on a board whose notes may be bigger than the default (letters). */
export const itemSize = (item: PlacedItem, noteSize: Size = NOTE_SIZE): Size =>
  item.kind === 'note' ? noteSize : ROLE_CARD_SIZE;
