import type * as Y from 'yjs';
import { readNotePlace, type Note, type NotePlace } from '../schema/note.ts';
import { roots } from '../schema/roots.ts';
import { asYMap } from '../schema/values.ts';
import { itemsOfBoard, readItem } from './items.ts';

/** Notes of one board, oldest first, so later notes lie on top. */
export const notesOfBoard = (doc: Y.Doc, boardId: string): Note[] =>
  itemsOfBoard(doc, boardId).filter((i): i is Note => i.kind === 'note');

/**
 * The places of one board's notes (no words), oldest first: what moving a
 * bundle and bundling need. Only the notes of the board are read, and of
 * them only a few keys, where notesOfBoard reads every item (strokes too)
 * whole.
 */
export const notePlacesOfBoard = (doc: Y.Doc, boardId: string): NotePlace[] => {
  const out: NotePlace[] = [];
  roots(doc).items.forEach((v, id) => {
    const m = asYMap(v);
    if (!m || m.get('boardId') !== boardId) return;
    const place = readNotePlace(id, m);
    if (place) out.push(place);
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
};

/** One note by id; null for anything else (a role card, a deleted note). */
export const noteById = (doc: Y.Doc, id: string): Note | null => {
  const item = readItem(doc, id);
  return item?.kind === 'note' ? item : null;
};

/**
 * What a note says, as everyone reads it: its text, and on a letter first
 * the printed salutation with whom it is to ("Lieve CJG,"). The board, the
 * beamer and the report all show this, so a letter reads the same everywhere.
 */
export const noteWords = (note: Pick<Note, 'text' | 'to'>, letter?: { salutation: string } | null): string => {
  if (note.to === null || !letter) return note.text;
  const to = note.to.trim();
  if (!to && !note.text.trim()) return '';
  return `${letter.salutation}${to ? ` ${to}` : ''},\n${note.text}`;
};
