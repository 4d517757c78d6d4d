import { MeetingSession } from './session.ts';

/**
 * A meeting's session started a moment before its page: when the join form
 * has its token (or "Verder als ..." is tapped), the socket starts opening
 * and the local copy starts loading while the page changes route and lays
 * out the meeting's frame (a few hundred ms on a slow tablet, during which
 * the socket's handshake and the first sync now travel). The meeting page
 * takes it over; one nobody takes is closed after PARKED_MS.
 *
 * Where the join page offers "Verder als ...", the meeting's local copy is
 * loaded while the person looks at it (`holdSessionAhead`: no socket opens,
 * nobody sees them present), so the board is drawn from it at once when
 * they tap; a tap elsewhere leaves it to be closed.
 */
const PARKED_MS = 10_000;
/** A held session waits as long as a person may look at "Verder als ...". */
const HELD_MS = 120_000;

interface Parked {
  session: MeetingSession;
  token: string;
  timer: ReturnType<typeof setTimeout>;
}
const parked = new Map<string, Parked>();

/** Starts the session of meeting `id` with `token` now, for the meeting page about to open. */
export const startSessionAhead = (id: string, token: string): void => {
  const was = parked.get(id);
  if (was?.token === token) {
    // Held while "Verder als ..." was shown: now it goes online, and has a moment to be taken.
    clearTimeout(was.timer);
    was.timer = setTimeout(() => drop(id), PARKED_MS);
    was.session.goOnline();
    return;
  }
  if (was) drop(id);
  const session = new MeetingSession(id, token);
  parked.set(id, { session, token, timer: setTimeout(() => drop(id), PARKED_MS) });
};

/** Loads meeting `id`'s local copy for a person who may go on to it with `token`; no socket opens. */
export const holdSessionAhead = (id: string, token: string): void => {
  if (parked.has(id)) return;
  const session = new MeetingSession(id, token, { held: true });
  parked.set(id, { session, token, timer: setTimeout(() => drop(id), HELD_MS) });
};

/** The join page is left without going on: a held session is closed. */
export const releaseHeldSession = (id: string): void => {
  const p = parked.get(id);
  if (p && !p.session.online) drop(id);
};

/** The session started ahead for this meeting and token, else a new one. The caller owns it (and destroys it). */
export const takeSession = (id: string, token: string): MeetingSession => {
  const p = parked.get(id);
  if (p) {
    parked.delete(id);
    clearTimeout(p.timer);
    if (p.token === token) {
      p.session.goOnline();
      return p.session;
    }
    p.session.destroy();
  }
  return new MeetingSession(id, token);
};

const drop = (id: string) => {
  const p = parked.get(id);
  if (!p) return;
  parked.delete(id);
  clearTimeout(p.timer);
  p.session.destroy();
};
