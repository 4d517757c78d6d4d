import type * as Y from 'yjs';
import { origins, type Origin } from '../origins.ts';
import { choiceKey, fieldKey, MAX_FIELD_LENGTH, SHOW_REFERENCES_KEY } from '../schema/boardState.ts';
import { roots } from '../schema/roots.ts';
import { cleanLine } from '../schema/text.ts';
import { asYMap } from '../schema/values.ts';

const boardMap = (doc: Y.Doc, boardId: string) => asYMap(roots(doc).boards.get(boardId));

/** Picks an option in a row ("ja", "nee", "weet niet"); null clears it. */
export const setChoice = (doc: Y.Doc, boardId: string, rowId: string, optionId: string | null, origin: Origin = origins.user): boolean => {
  const m = boardMap(doc, boardId);
  if (!m) return false;
  const key = choiceKey(rowId);
  if ((m.get(key) ?? null) === optionId) return true;
  doc.transact(() => (optionId === null ? m.delete(key) : m.set(key, optionId.slice(0, 64))), origin);
  return true;
};

export const setField = (doc: Y.Doc, boardId: string, fieldId: string, text: string, origin: Origin = origins.user): boolean => {
  const m = boardMap(doc, boardId);
  if (!m) return false;
  const key = fieldKey(fieldId);
  const value = cleanLine(text, MAX_FIELD_LENGTH);
  if ((m.get(key) ?? '') === value) return true;
  doc.transact(() => (value ? m.set(key, value) : m.delete(key)), origin);
  return true;
};

/** The facilitator shows or hides the reference answers (ghost notes) of a board. */
export const setReferencesShown = (doc: Y.Doc, boardId: string, shown: boolean, origin: Origin = origins.user): boolean => {
  const m = boardMap(doc, boardId);
  if (!m) return false;
  doc.transact(() => m.set(SHOW_REFERENCES_KEY, shown), origin);
  return true;
};
