import { isPersonalDoc } from '../schema/personal.ts';
import type * as Y from 'yjs';
import { newId } from '../ids.ts';
import { origins, type Origin } from '../origins.ts';
import { writeRoleCard, type NewRoleCard } from '../schema/role.ts';
import { roots } from '../schema/roots.ts';
import { cleanLine, MAX_TITLE_LENGTH } from '../schema/text.ts';

/** Puts a role card on a board: one from the palette (with its roleId) or one the group made up. */
export const addRoleCard = (doc: Y.Doc, card: NewRoleCard, origin: Origin = origins.user, id = newId()): string => {
  if (!roots(doc).boards.has(card.boardId) && !isPersonalDoc(doc)) throw new Error(`unknown board ${card.boardId}`);
  // A card without a title would be stored but never shown.
  if (!cleanLine(card.title, MAX_TITLE_LENGTH)) throw new Error('a role card needs a title');
  doc.transact(() => roots(doc).items.set(id, writeRoleCard(card)), origin);
  return id;
};
