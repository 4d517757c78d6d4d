import type * as Y from 'yjs';
import { origins, type Origin } from '../origins.ts';
import { IDEA_VOTE_LIMIT_KEY, IDEA_VOTING_KEY, MAX_IDEA_VOTE_LIMIT } from '../schema/boardState.ts';
import type { IdeaVoting } from '../schema/idea.ts';
import { roots } from '../schema/roots.ts';
import { asYMap } from '../schema/values.ts';

/** The facilitator sets how many dots each person has on a board's ideas (1 to MAX_IDEA_VOTE_LIMIT). */
export const setIdeaVoteLimit = (doc: Y.Doc, boardId: string, limit: number, origin: Origin = origins.user): boolean => {
  const m = asYMap(roots(doc).boards.get(boardId));
  if (!m || !Number.isInteger(limit) || limit < 1 || limit > MAX_IDEA_VOTE_LIMIT) return false;
  if (m.get(IDEA_VOTE_LIMIT_KEY) !== limit) doc.transact(() => m.set(IDEA_VOTE_LIMIT_KEY, limit), origin);
  return true;
};

/** The facilitator opens or closes the dots on a board's ideas; 'auto' leaves it to whether an idea was written in. */
export const setIdeaVoting = (doc: Y.Doc, boardId: string, voting: IdeaVoting, origin: Origin = origins.user): boolean => {
  const m = asYMap(roots(doc).boards.get(boardId));
  if (!m) return false;
  const current = m.get(IDEA_VOTING_KEY) ?? 'auto';
  if (current === voting) return true;
  doc.transact(() => (voting === 'auto' ? m.delete(IDEA_VOTING_KEY) : m.set(IDEA_VOTING_KEY, voting)), origin);
  return true;
};
