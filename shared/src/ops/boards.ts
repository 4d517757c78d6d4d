import type * as Y from 'yjs';
import { listBoards } from '../derive/boards.ts';
import { newId } from '../ids.ts';
import { origins, type Origin } from '../origins.ts';
import { writeBoard } from '../schema/board.ts';
import { roots } from '../schema/roots.ts';
import { cleanLine, MAX_TITLE_LENGTH } from '../schema/text.ts';

/**
 * Adds a board after the last one. Two facilitators adding at once may get
 * the same order; listing breaks the tie by id, so everyone sees one order.
 */
export const addBoard = (doc: Y.Doc, b: { template: string; title: string; fields?: readonly string[] }, origin: Origin = origins.user, id = newId()): string => {
  const order = listBoards(doc).reduce((max, x) => Math.max(max, x.order), -1) + 1;
  doc.transact(() => {
    roots(doc).boards.set(id, writeBoard({ template: b.template, title: cleanLine(b.title, MAX_TITLE_LENGTH), order }, b.fields));
  }, origin);
  return id;
};
