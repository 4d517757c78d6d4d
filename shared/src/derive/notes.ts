import type * as Y from 'yjs';
import { readNote, type Note } from '../schema/note.ts';
import { roots } from '../schema/roots.ts';
import { asYMap } from '../schema/values.ts';

export const readItem = (doc: Y.Doc, id: string): Note | null => {
  const m = asYMap(roots(doc).items.get(id));
  return m ? readNote(id, m) : null;
};

/** Notes of one board, oldest first, so later notes lie on top. */
export const notesOfBoard = (doc: Y.Doc, boardId: string): Note[] => {
  const out: Note[] = [];
  roots(doc).items.forEach((v, id) => {
    const m = asYMap(v);
    const n = m ? readNote(id, m) : null;
    if (n && n.boardId === boardId) out.push(n);
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
};
