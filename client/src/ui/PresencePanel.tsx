import { useMemo, useState } from 'react';
import { ApiError, removeParticipant } from '../api.ts';
import { loadMeeting } from '../credentials.ts';
import { fmt, t } from '../i18n/index.ts';
import { useStore } from '../lib/store.ts';
import type { MeetingSession } from '../sync/session.ts';
import type { Person } from '../sync/presence.ts';
import { countPeople, groupPeople } from './peopleGroups.ts';

/**
 * Who is here, grouped by side and organisation: one line per person
 * (several tabs of one person count once). The facilitator can remove a
 * participant, after a confirm step.
 */
export function PresenceList({ session }: { session: MeetingSession }) {
  const people = useStore(session.presence.people);
  const groups = useMemo(() => groupPeople(people), [people]);
  const facilitatorToken = useMemo(
    () => (session.role === 'facilitator' ? (loadMeeting(session.meetingId)?.facilitatorToken ?? null) : null),
    [session],
  );
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async (p: Person) => {
    if (!facilitatorToken) return;
    setBusy(true);
    setError(null);
    try {
      await removeParticipant(session.meetingId, p.userId, facilitatorToken);
      // The line goes by itself: the relay closes that person's sockets.
      setConfirming(null);
      // The meeting has a new join code now: the join panel asks for it.
      window.dispatchEvent(new Event('bodem:door'));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t.errors.unknown);
    } finally {
      setBusy(false);
    }
  };

  const row = (p: Person) => {
    const name = p.name || t.roles[p.role];
    const canRemove = !!facilitatorToken && p.role === 'participant' && !p.self && !!p.userId;
    const asking = canRemove && confirming === p.userId;
    return (
      <li key={p.clientId} className={asking ? 'person person-asking' : 'person'}>
        <div className="person-line">
          <span className="person-name">
            {name}
            {p.self && <span className="person-self"> {t.meeting.you}</span>}
          </span>
          {!p.side && p.name && p.name !== t.roles[p.role] && <span className="chip chip-role">{t.roles[p.role]}</span>}
          {canRemove && !asking && (
            <button
              type="button"
              className="btn person-remove"
              aria-label={fmt(t.people.removeLabel, { name })}
              onClick={() => {
                setError(null);
                setConfirming(p.userId);
              }}
            >
              {t.people.remove}
            </button>
          )}
        </div>
        {asking && (
          <div className="person-confirm" role="group" aria-label={fmt(t.people.removeLabel, { name })}>
            <p>{fmt(t.people.removeConfirm, { name })}</p>
            {error && (
              <p className="error" role="alert">
                {error}
              </p>
            )}
            <div className="row">
              <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void remove(p)}>
                {busy ? t.people.removing : t.people.removeYes}
              </button>
              <button type="button" className="btn" disabled={busy} onClick={() => setConfirming(null)}>
                {t.people.removeNo}
              </button>
            </div>
          </div>
        )}
      </li>
    );
  };

  return (
    <section className="panel-section" aria-labelledby="presence-title">
      <h2 id="presence-title" className="panel-title">
        {t.meeting.presence} ({countPeople(groups)})
      </h2>
      <div className="presence" data-testid="presence">
        {groups.map((g) => {
          const key = g.side ?? 'other';
          const title = g.side ? t.sides[g.side] : t.people.other;
          // Organisation headings only where someone named one.
          const withOrgs = g.orgs.some((o) => o.org !== '');
          return (
            <section key={key} className={`presence-side presence-${key}`} aria-labelledby={`presence-${key}`} data-testid={`presence-${key}`}>
              <h3 id={`presence-${key}`} className="presence-side-title">
                {title} ({g.count})
              </h3>
              {g.orgs.map((o) => (
                <div key={o.org} className="presence-org">
                  {withOrgs && <h4 className="presence-org-title">{o.org || t.people.noOrg}</h4>}
                  <ul className="presence-people">{o.people.map(row)}</ul>
                </div>
              ))}
            </section>
          );
        })}
      </div>
    </section>
  );
}
