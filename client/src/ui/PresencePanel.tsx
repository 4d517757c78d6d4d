import { t } from '../i18n/index.ts';
import { useStore } from '../lib/store.ts';
import type { MeetingSession } from '../sync/session.ts';

/** Who is here: one line per person (several tabs of one person count once). */
export function PresenceList({ session }: { session: MeetingSession }) {
  const people = useStore(session.presence.people);
  const seen = new Set<string>();
  const unique = people.filter((p) => {
    const key = p.userId || `c${p.clientId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return (
    <section className="panel-section" aria-labelledby="presence-title">
      <h2 id="presence-title" className="panel-title">
        {t.meeting.presence} ({unique.length})
      </h2>
      <ul className="presence" data-testid="presence">
        {unique.map((p) => (
          <li key={p.clientId} className="person">
            <span className="person-name">
              {p.name || t.roles[p.role]}
              {p.self && <span className="person-self"> {t.meeting.you}</span>}
            </span>
            {p.side ? (
              <span className={`chip chip-${p.side}`}>{t.sides[p.side]}</span>
            ) : (
              p.name &&
              p.name !== t.roles[p.role] && <span className="chip chip-role">{t.roles[p.role]}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
