import { useCallback, useEffect, useState } from 'react';
import { ApiError, getDoor, setDoor, type Door } from '../api.ts';
import { loadMeeting, saveMeeting } from '../credentials.ts';
import { t } from '../i18n/index.ts';
import { JoinQr } from './JoinQr.tsx';
import { joinUrl } from './qr.ts';

/** Plain HTTP is fine on the facilitator's own machine only. */
const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;

/** How often the panel asks for the door: the code changes when someone is removed, and it expires when idle. */
const DOOR_EVERY_MS = 15_000;

/**
 * For the facilitator: the code in large letters, and beside the address
 * its QR code. (The 300 px panel has no room for a scannable QR code next to
 * the six large characters; the projector shows both large, side by side.)
 * Below it the door: "Deelnemen gesloten" closes joining with one tap, and
 * opening it again also renews a code that expired after a quiet spell.
 */
export function JoinInfo({ meetingId, joinCode, facilitatorToken }: { meetingId: string; joinCode: string; facilitatorToken?: string }) {
  const [door, setDoorState] = useState<Door | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const code = door?.joinCode ?? joinCode;

  const learn = useCallback(
    (d: Door) => {
      setDoorState(d);
      // Removing someone gives the meeting a new code: remember it on this laptop too.
      const stored = loadMeeting(meetingId);
      if (stored && stored.joinCode !== d.joinCode) saveMeeting(meetingId, { ...stored, joinCode: d.joinCode });
    },
    [meetingId],
  );

  useEffect(() => {
    if (!facilitatorToken) return;
    let stop = false;
    const ask = () =>
      void getDoor(meetingId, facilitatorToken).then(
        (d) => !stop && learn(d),
        () => {
          // offline: the panel keeps what it knew
        },
      );
    ask();
    const timer = setInterval(ask, DOOR_EVERY_MS);
    window.addEventListener('bodem:door', ask);
    return () => {
      stop = true;
      clearInterval(timer);
      window.removeEventListener('bodem:door', ask);
    };
  }, [meetingId, facilitatorToken, learn]);

  const toggle = async () => {
    if (!facilitatorToken || !door) return;
    setBusy(true);
    setError(null);
    try {
      learn(await setDoor(meetingId, !door.open, facilitatorToken));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t.errors.unknown);
    } finally {
      setBusy(false);
    }
  };

  const url = joinUrl(location.origin, code);
  const insecure = location.protocol === 'http:' && !LOOPBACK.test(location.hostname);
  const closed = door !== null && !door.open;
  return (
    <section className="panel-section join-info" aria-labelledby="join-title" data-door={door ? (door.open ? 'open' : 'closed') : 'unknown'}>
      <h2 id="join-title" className="panel-title">
        {t.meeting.joinPanel}
      </h2>
      {insecure && (
        <p className="insecure-warning" role="note" data-testid="insecure-warning">
          {t.door.insecure}
        </p>
      )}
      {closed ? (
        <p className="door-closed" role="status" data-testid="door-closed">
          <strong>{t.door.closed}</strong> {door.closedByFacilitator ? t.door.closedByYou : t.door.expired}
        </p>
      ) : (
        <>
          <p className="join-code-label">{t.meeting.codeLabel}</p>
          <p className="join-code" data-testid="join-code">
            {code}
          </p>
          <div className="join-row">
            <figure className="join-qr-figure">
              <JoinQr code={code} meetingId={meetingId} size={140} />
              <figcaption className="join-qr-hint">{t.people.qrHint}</figcaption>
            </figure>
            <div className="join-url-block">
              <p className="join-url-label">{t.meeting.urlLabel}</p>
              <p className="join-url" data-testid="join-url">
                {url}
              </p>
            </div>
          </div>
        </>
      )}
      {door && facilitatorToken && (
        <button type="button" className="btn" disabled={busy} aria-pressed={closed} onClick={() => void toggle()}>
          {closed ? t.door.reopen : t.door.close}
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
