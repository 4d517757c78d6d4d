import type { Template } from '@bodem/shared';
import { t } from '../i18n/index.ts';

/**
 * What the manual tells the facilitator about this board and never prints
 * on it (part D: the explanation per theme, the VEILIGE RUIMTE box), one
 * fold-out per note, in the facilitator's panel only.
 */
export function FacilitatorNotes({ template }: { template: Template }) {
  const notes = template.facilitatorNotes ?? [];
  if (notes.length === 0) return null;
  return (
    <section className="panel-section facilitator-notes" aria-labelledby="facilitator-notes-title">
      <h2 id="facilitator-notes-title" className="panel-title">
        {t.draaiboek.forFacilitator}
      </h2>
      {notes.map((n) => (
        <details key={n.id} data-testid={`facilitator-note-${n.id}`}>
          <summary>{n.title}</summary>
          {n.paragraphs.map((p, i) => (
            <p key={i}>{p.join(' ')}</p>
          ))}
        </details>
      ))}
    </section>
  );
}
