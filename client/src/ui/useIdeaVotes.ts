import { allVotes, readBoardState, readIdeaSettings, roots, tallyIdeas, asYMap, itemsOfBoard, type IdeaTally, type Note, type Template } from '@bodem/shared';
import { useEffect, useMemo } from 'react';
import { withdrawVote } from '../edit/meeting.ts';
import { docSource, useSource } from '../lib/source.ts';
import type { MeetingSession } from '../sync/session.ts';

/** A board's ideas with their dots (schema/idea.ts), or null when its template has no ideas. */
export const readIdeaTally = (session: Pick<MeetingSession, 'doc'>, boardId: string, template: Template | undefined): IdeaTally | null => {
  if (!template?.ideas) return null;
  const board = asYMap(roots(session.doc).boards.get(boardId));
  if (!board) return null;
  const notes = itemsOfBoard(session.doc, boardId).filter((i): i is Note => i.kind === 'note');
  return tallyIdeas(boardId, template, readIdeaSettings(board, template), readBoardState(board), notes, allVotes(session.doc));
};

const key = (t: IdeaTally | null) => t && JSON.stringify([t.limit, t.voting, t.ideas, t.winners, [...t.used], t.excess]);

/**
 * The dots on one board's ideas, live. Like useVotes, this tablet takes back
 * its own dots that did not count (two tablets of one person voting at once).
 */
export const useIdeaVotes = (session: MeetingSession, boardId: string, template: Template | undefined): IdeaTally | null => {
  const source = useMemo(
    () =>
      docSource(
        () => readIdeaTally(session, boardId, template),
        (on) => {
          session.doc.on('update', on);
          return () => session.doc.off('update', on);
        },
        (a, b) => key(a) === key(b),
      ),
    [session, boardId, template],
  );
  const tally = useSource(source);
  const me = session.claims?.sub;
  useEffect(() => {
    if (!tally || !me || !session.canWrite) return;
    for (const v of tally.excess) if (v.participantId === me) withdrawVote(session, v.targetId, me);
  }, [tally, me, session]);
  return tally;
};
