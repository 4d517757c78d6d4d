import { fmt, t } from '../i18n/index.ts';
import { useSelector, useStore } from '../lib/store.ts';
import type { BoardController } from '../board/controller.ts';

/**
 * For the facilitator: the reference answers of Bijlage 1 that no note on
 * this board mentions yet, per category, updated as the groups write; and
 * the switch that shows them on the board as ghost notes.
 */
export function ReferencePanel({ ctl }: { ctl: BoardController }) {
  const coverage = useStore(ctl.derived.coverage);
  const shown = useSelector(ctl.derived.state, (s) => s.showReferences);
  const canWrite = useStore(ctl.canWrite);
  if (coverage.length === 0) return null;
  const covered = coverage.filter((c) => c.coveredBy.length > 0).length;
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
      <h3>{t.references.blindSpots}</h3>
      {covered === coverage.length ? <p>{t.references.allCovered}</p> : <p className="muted small">{t.references.rule}</p>}
      {ctl.template.zones.map((z) => {
        const blind = coverage.filter((c) => c.reference.zoneId === z.id && c.coveredBy.length === 0);
        if (blind.length === 0) return null;
        return (
          <div key={z.id} className="blind-zone">
            <h4>{z.label}</h4>
            <ul data-testid={`blind-spots-${z.id}`}>
              {blind.map((c) => (
                <li key={c.reference.id} data-testid="blind-spot">
                  {c.reference.label} <span className="keywords">({c.reference.keywords.join(', ')})</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
