import type * as Y from 'yjs';
import type { Note } from '../schema/note.ts';
import { itemsOfBoard, readItem } from './items.ts';

/** Notes of one board, oldest first, so later notes lie on top. */
export const notesOfBoard = (doc: Y.Doc, boardId: string): Note[] =>
  itemsOfBoard(doc, boardId).filter((i): i is Note => i.kind === 'note');

/** One note by id; null for anything else (a role card, a deleted note). */
export const noteById = (doc: Y.Doc, id: string): Note | null => {
  const item = readItem(doc, id);
  return item?.kind === 'note' ? item : null;
};
