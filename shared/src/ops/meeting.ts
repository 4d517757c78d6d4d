import * as Y from 'yjs';
import { origins } from '../origins.ts';
import { writeBoard } from '../schema/board.ts';
import { SCHEMA_VERSION } from '../schema/migrations.ts';
import { roots } from '../schema/roots.ts';
import { cleanLine, MAX_TITLE_LENGTH } from '../schema/text.ts';

export interface BoardSeed {
  id: string;
  template: string;
  title: string;
  /** The template's answer fields: each gets its Y.Text now (see `fieldText`). */
  fields?: readonly string[];
}

/**
 * Writes a new meeting's header and its programme of boards. Run once, by
 * the server, when the meeting is created, so that no two clients race to
 * set it up.
 */
export const initMeeting = (
  doc: Y.Doc,
  init: { title: string; createdAt: number; boards: readonly BoardSeed[] },
): void => {
  const { meta, boards } = roots(doc);
  doc.transact(() => {
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('title', cleanLine(init.title, MAX_TITLE_LENGTH));
    meta.set('createdAt', init.createdAt);
    init.boards.forEach((b, i) => {
      boards.set(b.id, writeBoard({ template: b.template, title: b.title, order: i }, b.fields));
    });
  }, origins.template);
};
