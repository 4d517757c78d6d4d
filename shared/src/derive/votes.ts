import type * as Y from 'yjs';
import { roots } from '../schema/roots.ts';
import { readVote, voteKey, type Vote } from '../schema/vote.ts';

export const allVotes = (doc: Y.Doc): Vote[] => {
  const out: Vote[] = [];
  roots(doc).votes.forEach((v, k) => {
    const vote = readVote(k, v);
    if (vote) out.push(vote);
  });
  return out;
};

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface VoteTally {
  /** Counted dots per target. */
  counts: Map<string, number>;
  /** Keys of the votes that count. */
  counted: Set<string>;
  /** Votes past a participant's limit, in the order they were cast. */
  excess: Vote[];
  /** Counted votes per participant. */
  used: Map<string, number>;
}

/**
 * Counts dots with a limit per person across all `targets`. Two tablets of
 * one person can vote at the same moment, and no document can refuse one of
 * two concurrent writes; so the limit is applied when counting: a person's
 * earliest votes count (ties broken by target id), the rest do not. Every
 * peer holds the same votes and so counts the same result.
 */
export const tallyVotes = (votes: readonly Vote[], targets: ReadonlySet<string>, limit: number): VoteTally => {
  const perPerson = new Map<string, Vote[]>();
  for (const v of votes) {
    if (!targets.has(v.targetId)) continue;
    const list = perPerson.get(v.participantId);
    if (list) list.push(v);
    else perPerson.set(v.participantId, [v]);
  }
  const counts = new Map<string, number>([...targets].map((t) => [t, 0]));
  const counted = new Set<string>();
  const excess: Vote[] = [];
  const used = new Map<string, number>();
  for (const [person, list] of perPerson) {
    list.sort((a, b) => a.at - b.at || cmp(a.targetId, b.targetId));
    list.forEach((v, i) => {
      if (i < limit) {
        counted.add(voteKey(v.targetId, v.participantId));
        counts.set(v.targetId, (counts.get(v.targetId) ?? 0) + 1);
      } else excess.push(v);
    });
    used.set(person, Math.min(limit, list.length));
  }
  // One order on every peer, whatever order each peer's map holds the votes in.
  excess.sort((a, b) => a.at - b.at || cmp(a.participantId, b.participantId) || cmp(a.targetId, b.targetId));
  return { counts, counted, excess, used };
};
