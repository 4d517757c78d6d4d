import type * as Y from 'yjs';
import { readBoard, type Board } from '../schema/board.ts';
import { roots } from '../schema/roots.ts';
import { asYMap } from '../schema/values.ts';

/** The meeting's boards in programme order. */
export const listBoards = (doc: Y.Doc): Board[] => {
  const out: Board[] = [];
  roots(doc).boards.forEach((v, id) => {
    const m = asYMap(v);
    if (m) out.push(readBoard(id, m));
  });
  return out.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
};
