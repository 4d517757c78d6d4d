import { peekClaims } from '@bodem/shared';
import { useEffect, useState } from 'react';
import { ApiError, renewProjector } from '../api.ts';
import { loadMeeting, saveMeeting } from '../credentials.ts';
import { t } from '../i18n/index.ts';
import { projectorPath } from '../router.ts';

/** A beamer token this close to its end is replaced before the link is offered. */
const RENEW_BEFORE_MS = 24 * 3600_000;

/**
 * "Projector openen", with a fresh beamer token when the stored one runs low
 * (beamer tokens live three days), and "Beamer afsluiten": the beamer's
 * token stops working at once and the link changes.
 */
export function BeamerLink({ meetingId }: { meetingId: string }) {
  const [token, setToken] = useState(() => loadMeeting(meetingId)?.projectorToken ?? null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const renew = async (end: boolean): Promise<void> => {
    const stored = loadMeeting(meetingId);
    if (!stored?.facilitatorToken) return;
    const r = await renewProjector(meetingId, stored.facilitatorToken, end ? { previous: stored.projectorToken, end: true } : {});
    saveMeeting(meetingId, { ...(loadMeeting(meetingId) ?? stored), projectorToken: r.projectorToken });
    setToken(r.projectorToken);
  };

  useEffect(() => {
    const exp = token ? peekClaims(token)?.exp : undefined;
    if (token && exp !== undefined && exp * 1000 - Date.now() > RENEW_BEFORE_MS) return;
    void renew(false).catch(() => {
      // offline: the old link stays
    });
    // Once per meeting page: a renewed token is far from its end.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [meetingId]);

  const end = async () => {
    setBusy(true);
    setNote(null);
    try {
      await renew(true);
      setNote(t.run.projectorEnded);
    } catch (e) {
      setNote(e instanceof ApiError ? e.message : t.errors.unknown);
    } finally {
      setBusy(false);
    }
  };

  if (!token) return null;
  return (
    <>
      <a className="btn" href={projectorPath(meetingId, token, loadMeeting(meetingId)?.joinCode)} target="_blank" rel="noopener">
        {t.run.projectorOpen}
      </a>
      <button type="button" className="btn" disabled={busy} onClick={() => void end()}>
        {t.run.projectorEnd}
      </button>
      {note && (
        <p className="muted small" role="status">
          {note}
        </p>
      )}
    </>
  );
}
