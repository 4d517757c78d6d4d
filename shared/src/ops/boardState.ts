import * as Y from 'yjs';
import { origins, type Origin } from '../origins.ts';
import { choiceKey, fieldKey, fieldText, matchKey, MAX_FIELD_LENGTH, SHOW_REFERENCES_KEY, type MatchVerdict } from '../schema/boardState.ts';
import { roots } from '../schema/roots.ts';
import { cleanText } from '../schema/text.ts';
import { applyTextEdit } from './text.ts';
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

/**
 * Rewrites a one-line answer by a minimal edit of its Y.Text, keeping what
 * was typed as it is: spaces at the end are the start of the next word, so
 * it is never trimmed here (readers clean it). A board older than schema 5
 * may have no text for the field yet; the first write makes one.
 */
export const setField = (doc: Y.Doc, boardId: string, fieldId: string, text: string, origin: Origin = origins.user): boolean => {
  const m = boardMap(doc, boardId);
  if (!m) return false;
  const target = cleanText(text, MAX_FIELD_LENGTH);
  const current = fieldText(m, fieldId);
  if (current) {
    if (current.toString() === target) return true;
    doc.transact(() => applyTextEdit(current, target), origin);
  } else if (target) {
    doc.transact(() => m.set(fieldKey(fieldId), new Y.Text(target)), origin);
  }
  return true;
};

/** The facilitator shows or hides the reference answers (ghost notes) of a board. */
export const setReferencesShown = (doc: Y.Doc, boardId: string, shown: boolean, origin: Origin = origins.user): boolean => {
  const m = boardMap(doc, boardId);
  if (!m) return false;
  doc.transact(() => m.set(SHOW_REFERENCES_KEY, shown), origin);
  return true;
};

/**
 * The facilitator confirms that a note says a reference answer, or dismisses
 * the keyword's suggestion; null takes the verdict back (a suggestion again).
 */
export const setReferenceMatch = (
  doc: Y.Doc,
  boardId: string,
  referenceId: string,
  noteId: string,
  verdict: MatchVerdict | null,
  origin: Origin = origins.user,
): boolean => {
  const m = boardMap(doc, boardId);
  if (!m) return false;
  const key = matchKey(referenceId, noteId);
  if ((m.get(key) ?? null) === verdict) return true;
  doc.transact(() => (verdict === null ? m.delete(key) : m.set(key, verdict)), origin);
  return true;
};
