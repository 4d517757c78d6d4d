import { ideaOpen, ideaTarget, MAX_IDEA_VOTE_LIMIT, type IdeaTally } from '@bodem/shared';
import { useState } from 'react';
import { castVote, setIdeaVoteLimit, setIdeaVoting, withdrawVote } from '../edit/meeting.ts';
import { fmt, t } from '../i18n/index.ts';
import type { MeetingSession } from '../sync/session.ts';

const countText = (n: number) => (n === 1 ? t.voting.countOne : fmt(t.voting.count, { n }));

/**
 * The dots on a board's ideas (part C): per idea its count and, for a
 * participant, "Stem op Idee 2" / take it back, within the limit the
 * facilitator set; an idea takes dots once someone wrote in it, unless the
 * facilitator opened or closed the voting. The facilitator sets the limit
 * and opens or closes here, beside the counts.
 *
 * Over a participant's poster it starts folded to one line (what is voted
 * on and how many votes are left): unfolded, five ideas took a third of a
 * tablet's height, over the poster the votes are about. The list view and
 * the facilitator show it unfolded.
 */
export function IdeaVotes({
  session,
  boardId,
  tally,
  canWrite,
  closed,
  foldable = false,
}: {
  session: MeetingSession;
  boardId: string;
  tally: IdeaTally;
  canWrite: boolean;
  closed: boolean;
  foldable?: boolean;
}) {
  const [unfolded, setUnfolded] = useState(!foldable || session.role === 'facilitator');
  const me = session.claims?.sub ?? '';
  const mine = tally.mine(me);
  const used = mine.size;
  const left = tally.limit - used;
  const voter = canWrite && session.role === 'participant';
  const facilitator = session.role === 'facilitator' && canWrite;
  const anyOpen = tally.ideas.some((i) => ideaOpen(tally, i.written));
  const leftText = voter && !closed && anyOpen ? (left > 0 ? fmt(t.voting.left, { n: left, limit: tally.limit }) : t.voting.none) : null;
  return (
    <section className={`idea-votes${unfolded ? '' : ' folded'}`} aria-label={t.voting.ideas} data-testid="idea-votes">
      {foldable && (
        <button type="button" className="idea-votes-toggle" aria-expanded={unfolded} onClick={() => setUnfolded((u) => !u)}>
          <strong>{t.voting.ideas}</strong>
          {!unfolded && leftText && <span className="vote-left">{leftText}</span>}
          <span aria-hidden="true">{unfolded ? '▴' : '▾'}</span>
        </button>
      )}
      <div className="idea-votes-body" hidden={!unfolded}>
        <ul className="idea-vote-list">
          {tally.ideas.map((idea) => {
            const target = ideaTarget(boardId, idea.id);
            const voted = mine.has(target);
            const open = !closed && ideaOpen(tally, idea.written);
            const name = idea.name ? `${idea.label}: ${idea.name}` : idea.label;
            const winner = tally.winners.includes(idea.id);
            return (
              <li key={idea.id} className={`idea-vote${winner ? ' idea-winner' : ''}`} data-testid="idea-vote" data-idea={idea.id} data-count={idea.count}>
                <span className="idea-name">{name}</span>
                <span className="vote-count">
                  <span aria-hidden="true">{'●'.repeat(Math.min(idea.count, 12))}</span> {countText(idea.count)}
                  {winner && <strong className="idea-winner-tag"> · {t.voting.winner}</strong>}
                </span>
                {!idea.written && <span className="vote-left">{t.voting.emptyIdea}</span>}
                {voter &&
                  open &&
                  (voted ? (
                    <button type="button" className="btn" aria-label={fmt(t.voting.unvoteFor, { idea: name })} onClick={() => withdrawVote(session, target, me)}>
                      {t.voting.unvoteShort}
                    </button>
                  ) : (
                    <button type="button" className="btn btn-primary" aria-label={fmt(t.voting.voteFor, { idea: name })} disabled={left <= 0} onClick={() => castVote(session, target, me, Date.now())}>
                      {t.voting.voteShort}
                    </button>
                  ))}
              </li>
            );
          })}
        </ul>
        {voter && (closed || tally.voting === 'closed') && <p className="vote-left">{t.meetingState.votingClosed}</p>}
        {voter && !closed && tally.voting !== 'closed' && !anyOpen && <p className="vote-left">{t.voting.waiting}</p>}
        {leftText && (
          <p className="vote-left" data-testid="votes-left">
            {leftText}
          </p>
        )}
        {facilitator && (
          <div className="idea-vote-settings" role="group" aria-label={t.voting.limit}>
            <span>{t.voting.limit}:</span>
            <button type="button" className="btn" aria-label={t.voting.fewer} disabled={tally.limit <= 1} onClick={() => setIdeaVoteLimit(session, boardId, tally.limit - 1)}>
              −
            </button>
            <strong data-testid="idea-vote-limit">{tally.limit}</strong>
            <button type="button" className="btn" aria-label={t.voting.more} disabled={tally.limit >= MAX_IDEA_VOTE_LIMIT} onClick={() => setIdeaVoteLimit(session, boardId, tally.limit + 1)}>
              +
            </button>
            <span className="idea-vote-state" data-testid="idea-voting" data-state={tally.voting}>
              {tally.voting === 'open' ? t.voting.stateOpen : tally.voting === 'closed' ? t.voting.stateClosed : t.voting.stateAuto}
            </span>
            {tally.voting !== 'open' && (
              <button type="button" className="btn" onClick={() => setIdeaVoting(session, boardId, 'open')}>
                {t.voting.open}
              </button>
            )}
            {tally.voting !== 'closed' && (
              <button type="button" className="btn" onClick={() => setIdeaVoting(session, boardId, 'closed')}>
                {t.voting.close}
              </button>
            )}
            {tally.voting !== 'auto' && (
              <button type="button" className="btn" onClick={() => setIdeaVoting(session, boardId, 'auto')}>
                {t.voting.auto}
              </button>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
