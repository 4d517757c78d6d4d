import { allVotes, readPrep, roots, tallyVotes, CONTROL_KEYS, type Board, type Template, type VoteTally } from '@bodem/shared';
import type * as Y from 'yjs';
import { templateById } from '@bodem/templates';
import { useEffect, useMemo } from 'react';
import { withdrawVote } from '../edit/meeting.ts';
import { docSource, useSource } from '../lib/source.ts';
import type { MeetingSession } from '../sync/session.ts';
import { useControlValue } from './useControl.ts';

export interface VoteState {
  tally: VoteTally;
  limit: number;
  /** The boards votes go to: every board of the voting template. */
  targets: ReadonlySet<string>;
}

const votingTemplate = (boards: readonly Board[]): Template | undefined =>
  boards.map((b) => templateById(b.template)).find((t) => t?.voting);

const sameTally = (a: VoteState | null, b: VoteState | null) =>
  JSON.stringify(a && [[...a.tally.counts], [...a.tally.counted].sort(), a.limit]) ===
  JSON.stringify(b && [[...b.tally.counts], [...b.tally.counted].sort(), b.limit]);

/**
 * Dot voting across all ideas (the boards of the voting template), counted
 * with the per-person limit. The limit holds even when one person voted on
 * two tablets at once: counting decides, and this tablet then withdraws its
 * own votes that did not count, so the document ends tidy as well.
 */
const votesSource = (session: MeetingSession, boards: readonly Board[], template: Template | undefined, prepLimit: number | null) => {
  const targets = new Set(boards.filter((b) => b.template === template?.id).map((b) => b.id));
  // The facilitator's own limit (set while preparing) before the board's.
  const limit = template ? (prepLimit ?? template.voting?.limit ?? 0) : 0;
  const votes = roots(session.doc).votes;
  return docSource(
    (): VoteState | null => (template ? { tally: tallyVotes(allVotes(session.doc), targets, limit), limit, targets } : null),
    (on) => {
      votes.observe(on);
      return () => votes.unobserve(on);
    },
    sameTally,
  );
};

const votingLimitOf = (doc: Y.Doc): number | null => readPrep(roots(doc).control.get(CONTROL_KEYS.prep)).votingLimit;

export const useVotes = (session: MeetingSession, boards: readonly Board[]): VoteState | null => {
  const template = votingTemplate(boards);
  const prepLimit = useControlValue(session.doc, votingLimitOf);
  const source = useMemo(() => votesSource(session, boards, template, prepLimit), [session, boards, template, prepLimit]);
  const state = useSource(source);
  const me = session.claims?.sub;
  useEffect(() => {
    if (!state || !me || !session.canWrite) return;
    for (const v of state.tally.excess) if (v.participantId === me) withdrawVote(session, v.targetId, me);
  }, [state, me, session]);
  return state;
};
