import type * as Y from 'yjs';
import { listBoards } from './derive/boards.ts';
import { readItemMap } from './derive/items.ts';
import { allVotes } from './derive/votes.ts';
import type { Agreement } from './schema/agreement.ts';
import type { Board } from './schema/board.ts';
import { EMPTY_BOARD_STATE, readBoardState, type BoardState } from './schema/boardState.ts';
import { readMeta, type Meta } from './schema/meta.ts';
import type { Note } from './schema/note.ts';
import type { RoleCard } from './schema/role.ts';
import type { Stroke } from './schema/stroke.ts';
import { roots } from './schema/roots.ts';
import { asYMap } from './schema/values.ts';
import { voteKey, type Vote } from './schema/vote.ts';

/**
 * A plain, normalised view of a whole meeting: every value checked, every
 * default filled, malformed records dropped from the view (but left in the
 * document, with any fields we do not know, so newer clients keep them).
 * Used for tests, exports and anything that must not trust the document.
 */
export interface MeetingView {
  meta: Meta;
  boards: (Board & { state: BoardState })[];
  notes: Note[];
  roles: RoleCard[];
  agreements: Agreement[];
  strokes: Stroke[];
  votes: Vote[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

export const readMeeting = (doc: Y.Doc): MeetingView => {
  const view: MeetingView = { meta: readMeta(roots(doc).meta), boards: [], notes: [], roles: [], agreements: [], strokes: [], votes: [] };
  const boardMaps = roots(doc).boards;
  view.boards = listBoards(doc).map((b) => {
    const m = asYMap(boardMaps.get(b.id));
    return { ...b, state: m ? readBoardState(m) : EMPTY_BOARD_STATE };
  });
  roots(doc).items.forEach((v, id) => {
    const m = asYMap(v);
    const item = m ? readItemMap(id, m) : null;
    if (item?.kind === 'note') view.notes.push(item);
    else if (item?.kind === 'role') view.roles.push(item);
    else if (item?.kind === 'agreement') view.agreements.push(item);
    else if (item?.kind === 'stroke') view.strokes.push(item);
  });
  view.notes.sort(byId);
  view.roles.sort(byId);
  view.agreements.sort(byId);
  view.strokes.sort(byId);
  const keyOf = (v: Vote) => voteKey(v.targetId, v.participantId);
  view.votes = allVotes(doc).sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  return view;
};
