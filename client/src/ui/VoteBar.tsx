import { voteKey } from '@bodem/shared';
import { castVote, withdrawVote } from '../edit/meeting.ts';
import { fmt, t } from '../i18n/index.ts';
import type { MeetingSession } from '../sync/session.ts';
import type { VoteState } from './useVotes.ts';

/** "Stem op dit idee": one dot per idea, a limited number per person across all ideas. */
export function VoteBar({ session, boardId, votes, canWrite, closed = false }: { session: MeetingSession; boardId: string; votes: VoteState; canWrite: boolean; closed?: boolean }) {
  const me = session.claims?.sub ?? '';
  const count = votes.tally.counts.get(boardId) ?? 0;
  const mine = votes.tally.counted.has(voteKey(boardId, me));
  const used = votes.tally.used.get(me) ?? 0;
  const left = votes.limit - used;
  const voter = canWrite && session.role === 'participant';
  return (
    <section className="vote-bar" aria-label={t.voting.label}>
      <span className="vote-count" data-testid="vote-count" data-count={count}>
        <span aria-hidden="true">{'●'.repeat(Math.min(count, 12))}</span> {count === 1 ? t.voting.countOne : fmt(t.voting.count, { n: count })}
      </span>
      {voter &&
        (mine ? (
          <button type="button" className="btn" onClick={() => withdrawVote(session, boardId, me)}>
            {t.voting.unvote}
          </button>
        ) : (
          <button type="button" className="btn btn-primary" disabled={left <= 0} onClick={() => castVote(session, boardId, me, Date.now())}>
            {t.voting.vote}
          </button>
        ))}
      {closed && session.role === 'participant' && <span className="vote-left">{t.meetingState.votingClosed}</span>}
      {voter && (
        <span className="vote-left" data-testid="votes-left">
          {left > 0 ? fmt(t.voting.left, { n: left, limit: votes.limit }) : t.voting.none}
        </span>
      )}
    </section>
  );
}
