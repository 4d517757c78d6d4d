import { isPersonalDoc } from '../schema/personal.ts';
import type * as Y from 'yjs';
import { newId } from '../ids.ts';
import { origins, type Origin } from '../origins.ts';
import { isNoteColor, type NoteColor } from '../schema/colors.ts';
import { MAX_ADDRESSEE_LENGTH, writeNote, type NewNote } from '../schema/note.ts';
import { roots } from '../schema/roots.ts';
import { cleanText, MAX_NOTE_LENGTH } from '../schema/text.ts';
import { asYMap, asYText, num } from '../schema/values.ts';
import { applyTextEdit } from './text.ts';

/**
 * Every change to notes goes through these functions: one transaction each,
 * with a typed origin, so undo tracks exactly the user's own edits.
 */

const noteMap = (doc: Y.Doc, id: string): Y.Map<unknown> | null => {
  const m = asYMap(roots(doc).items.get(id));
  return m && m.get('kind') === 'note' ? m : null;
};

export const addNote = (doc: Y.Doc, note: NewNote, origin: Origin = origins.user, id = newId()): string => {
  if (!roots(doc).boards.has(note.boardId) && !isPersonalDoc(doc)) throw new Error(`unknown board ${note.boardId}`);
  doc.transact(() => {
    roots(doc).items.set(id, writeNote({ ...note, x: num(note.x, 0), y: num(note.y, 0) }));
  }, origin);
  return id;
};

export const recolorNote = (doc: Y.Doc, id: string, color: NoteColor | null, origin: Origin = origins.user): boolean => {
  const m = noteMap(doc, id);
  if (!m || (color !== null && !isNoteColor(color))) return false;
  doc.transact(() => {
    if (color === null) m.delete('color');
    else m.set('color', color);
  }, origin);
  return true;
};

/** Rewrites one of a note's texts (its words, a letter's addressee) by a minimal edit (see ops/text.ts). */
const editNoteText = (doc: Y.Doc, id: string, key: 'text' | 'to', next: string, max: number, origin: Origin): boolean => {
  const text = asYText(noteMap(doc, id)?.get(key));
  if (!text) return false;
  const target = cleanText(next, max);
  if (text.toString() === target) return true;
  doc.transact(() => applyTextEdit(text, target), origin);
  return true;
};

/** Sets whom a letter is to (after the printed "Lieve"); only on notes that are letters. */
export const setLetterAddressee = (doc: Y.Doc, id: string, next: string, origin: Origin = origins.user): boolean =>
  editNoteText(doc, id, 'to', next, MAX_ADDRESSEE_LENGTH, origin);

/** Replaces a note's text by a minimal edit. */
export const setNoteText = (doc: Y.Doc, id: string, next: string, origin: Origin = origins.user): boolean =>
  editNoteText(doc, id, 'text', next, MAX_NOTE_LENGTH, origin);
