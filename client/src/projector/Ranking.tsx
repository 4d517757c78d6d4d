import type { Board, IdeaTally } from '@bodem/shared';
import { fmt, t } from '../i18n/index.ts';
import type { VoteState } from '../ui/useVotes.ts';

/** The ideas in the order of their votes, live: what the room chose, readable from the back. */
export function Ranking({ boards, votes, ideas: onOne = null }: { boards: readonly Board[]; votes: VoteState | null; ideas?: { board: Board; tally: IdeaTally } | null }) {
  // Ideas on one board (each with its dots) when the beamer shows such a board; else the boards of the voting template.
  const ideas = (
    onOne
      ? onOne.tally.ideas.map((i) => ({ id: i.id, title: i.name ? `${i.label}: ${i.name}` : i.label, count: i.count }))
      : boards.filter((b) => votes?.targets.has(b.id)).map((b) => ({ id: b.id, title: b.title, count: votes?.tally.counts.get(b.id) ?? 0 }))
  ).sort((a, b) => b.count - a.count || a.title.localeCompare(b.title, 'nl'));
  const winners = new Set(onOne?.tally.winners ?? []);
  const most = Math.max(1, ...ideas.map((i) => i.count));
  return (
    <section className="ranking" data-testid="ranking" aria-labelledby="ranking-title">
      <h2 id="ranking-title">{onOne ? `${t.projector.ranking}: ${onOne.board.title}` : t.projector.ranking}</h2>
      {ideas.length === 0 ? (
        <p>{t.projector.noVoting}</p>
      ) : (
        <ol>
          {ideas.map(({ id, title, count }, i) => (
            <li key={id} data-testid="ranked" data-count={count} data-winner={winners.has(id) || undefined}>
              <span className="ranking-place">{i + 1}.</span>
              <span className="ranking-title">{title}</span>
              <span className="ranking-bar" style={{ width: `${(count / most) * 100}%` }} aria-hidden="true" />
              <span className="ranking-count">{count === 1 ? t.voting.countOne : fmt(t.voting.count, { n: count })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
