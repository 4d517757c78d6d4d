import type * as Y from 'yjs';
import { listBoards } from './derive/boards.ts';
import { readItem } from './derive/notes.ts';
import type { Board } from './schema/board.ts';
import { readMeta, type Meta } from './schema/meta.ts';
import type { Note } from './schema/note.ts';
import { roots } from './schema/roots.ts';

/**
 * A plain, normalised view of a whole meeting: every value checked, every
 * default filled, malformed records dropped from the view (but left in the
 * document, with any fields we do not know, so newer clients keep them).
 * Used for tests, exports and anything that must not trust the document.
 */
export interface MeetingView {
  meta: Meta;
  boards: Board[];
  notes: Note[];
}

export const restoreMeeting = (doc: Y.Doc): MeetingView => {
  const notes: Note[] = [];
  roots(doc).items.forEach((_, id) => {
    const n = readItem(doc, id);
    if (n) notes.push(n);
  });
  notes.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { meta: readMeta(roots(doc).meta), boards: listBoards(doc), notes };
};
