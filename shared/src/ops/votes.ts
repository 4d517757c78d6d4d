import type * as Y from 'yjs';
import { origins, type Origin } from '../origins.ts';
import { roots } from '../schema/roots.ts';
import { voteKey } from '../schema/vote.ts';

/** Puts one participant's dot on a target (an idea's board). Casting twice changes nothing. */
export const castVote = (doc: Y.Doc, targetId: string, participantId: string, at: number, origin: Origin = origins.user): void => {
  const votes = roots(doc).votes;
  const key = voteKey(targetId, participantId);
  if (votes.has(key)) return;
  doc.transact(() => votes.set(key, at), origin);
};

export const withdrawVote = (doc: Y.Doc, targetId: string, participantId: string, origin: Origin = origins.user): void => {
  const votes = roots(doc).votes;
  const key = voteKey(targetId, participantId);
  if (!votes.has(key)) return;
  doc.transact(() => votes.delete(key), origin);
};
