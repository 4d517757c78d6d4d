import { isCovered } from '@bodem/shared';
import { fmt, t } from '../i18n/index.ts';
import { useSelector, useStore } from '../lib/store.ts';
import type { BoardController } from '../board/controller.ts';

/**
 * For the facilitator: the reference answers of Bijlage 1 on this board.
 * A note whose words suggest it names one is a suggestion the facilitator
 * confirms or dismisses with one tap; only confirmed answers count as named.
 * Everything is shown in the reference answer's own words and the note's
 * own words, never the keywords that made the suggestion. Below: the blind
 * spots per category, what was confirmed (to take back), and the switch that
 * shows the answers on the board as ghost notes.
 */
export function ReferencePanel({ ctl }: { ctl: BoardController }) {
  const coverage = useStore(ctl.derived.coverage);
  const shown = useSelector(ctl.derived.state, (s) => s.showReferences);
  const canWrite = useStore(ctl.canWrite);
  if (coverage.length === 0) return null;
  const covered = coverage.filter(isCovered).length;
  const quote = (text: string) => text.trim() || t.references.emptyNote;
  const suggestions = coverage.flatMap((c) => c.suggested.map((s) => ({ reference: c.reference, noteId: s.noteId, text: quote(s.text) })));
  const confirmed = coverage.flatMap((c) => c.confirmed.map((s) => ({ reference: c.reference, noteId: s.noteId, text: quote(s.text) })));
  return (
    <section className="panel-section references" aria-labelledby="references-title">
      <h2 id="references-title" className="panel-title">{t.references.heading}</h2>
      <p className="muted" data-testid="coverage-count">
        {fmt(t.references.count, { n: covered, total: coverage.length })}
      </p>
      {canWrite && (
        <button type="button" className="btn" aria-pressed={shown} onClick={() => ctl.showReferences(!shown)}>
          {shown ? t.references.hide : t.references.show}
        </button>
      )}
      {suggestions.length > 0 && (
        <>
          <h3>{t.references.suggestions}</h3>
          <p className="muted small">{t.references.suggestionsRule}</p>
          <ul className="match-list" data-testid="suggestions">
            {suggestions.map((s) => {
              const names = { note: s.text, reference: s.reference.label };
              return (
                <li key={`${s.reference.id}:${s.noteId}`} className="match" data-testid="suggestion" data-reference={s.reference.id}>
                  <q className="match-note">{s.text}</q> <span className="muted">{t.references.says}</span> <strong>{s.reference.label}</strong>
                  {canWrite && (
                    <span className="match-actions">
                      <button type="button" className="btn" aria-label={fmt(t.references.confirmAria, names)} onClick={() => ctl.judgeMatch(s.reference.id, s.noteId, 'confirmed')}>
                        {t.references.confirm}
                      </button>
                      <button type="button" className="btn" aria-label={fmt(t.references.dismissAria, names)} onClick={() => ctl.judgeMatch(s.reference.id, s.noteId, 'dismissed')}>
                        {t.references.dismiss}
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <h3>{t.references.blindSpots}</h3>
      {covered === coverage.length ? <p>{t.references.allCovered}</p> : <p className="muted small">{t.references.rule}</p>}
      {ctl.template.zones.map((z) => {
        const blind = coverage.filter((c) => c.reference.zoneId === z.id && !isCovered(c));
        if (blind.length === 0) return null;
        return (
          <div key={z.id} className="blind-zone">
            <h4>{z.label}</h4>
            <ul data-testid={`blind-spots-${z.id}`}>
              {blind.map((c) => (
                <li key={c.reference.id} data-testid="blind-spot">
                  {c.reference.label}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {confirmed.length > 0 && (
        <>
          <h3>{t.references.covered}</h3>
          <ul className="match-list" data-testid="confirmed">
            {confirmed.map((s) => (
              <li key={`${s.reference.id}:${s.noteId}`} className="match" data-testid="confirmed-match" data-reference={s.reference.id}>
                <span aria-hidden="true">✓ </span>
                <strong>{s.reference.label}</strong>: <q className="match-note">{s.text}</q>
                {canWrite && (
                  <span className="match-actions">
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={fmt(t.references.takeBackAria, { note: s.text, reference: s.reference.label })}
                      onClick={() => ctl.judgeMatch(s.reference.id, s.noteId, null)}
                    >
                      {t.references.takeBack}
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
