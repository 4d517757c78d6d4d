import type { Board } from '@bodem/shared';
import { fmt, t } from '../i18n/index.ts';
import type { VoteState } from '../ui/useVotes.ts';

/** The ideas in the order of their votes, live: what the room chose, readable from the back. */
export function Ranking({ boards, votes }: { boards: readonly Board[]; votes: VoteState | null }) {
  const ideas = boards
    .filter((b) => votes?.targets.has(b.id))
    .map((b) => ({ board: b, count: votes?.tally.counts.get(b.id) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.board.title.localeCompare(b.board.title, 'nl'));
  const most = Math.max(1, ...ideas.map((i) => i.count));
  return (
    <section className="ranking" data-testid="ranking" aria-labelledby="ranking-title">
      <h2 id="ranking-title">{t.projector.ranking}</h2>
      {ideas.length === 0 ? (
        <p>{t.projector.noVoting}</p>
      ) : (
        <ol>
          {ideas.map(({ board, count }, i) => (
            <li key={board.id} data-testid="ranked" data-count={count}>
              <span className="ranking-place">{i + 1}.</span>
              <span className="ranking-title">{board.title}</span>
              <span className="ranking-bar" style={{ width: `${(count / most) * 100}%` }} aria-hidden="true" />
              <span className="ranking-count">{count === 1 ? t.voting.countOne : fmt(t.voting.count, { n: count })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
