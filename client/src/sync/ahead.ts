import { MeetingSession } from './session.ts';

/**
 * A meeting's session started a moment before its page: when the join form
 * has its token (or "Verder als ..." is tapped), the socket starts opening
 * and the local copy starts loading while the page changes route and lays
 * out the meeting's frame (a few hundred ms on a slow tablet, during which
 * the socket's handshake and the first sync now travel). The meeting page
 * takes it over; one nobody takes is closed after PARKED_MS.
 */
const PARKED_MS = 10_000;

interface Parked {
  session: MeetingSession;
  token: string;
  timer: ReturnType<typeof setTimeout>;
}
const parked = new Map<string, Parked>();

/** Starts the session of meeting `id` with `token` now, for the meeting page about to open. */
export const startSessionAhead = (id: string, token: string): void => {
  const was = parked.get(id);
  if (was?.token === token) return;
  if (was) drop(id);
  const session = new MeetingSession(id, token);
  parked.set(id, { session, token, timer: setTimeout(() => drop(id), PARKED_MS) });
};

/** The session started ahead for this meeting and token, else a new one. The caller owns it (and destroys it). */
export const takeSession = (id: string, token: string): MeetingSession => {
  const p = parked.get(id);
  if (p) {
    parked.delete(id);
    clearTimeout(p.timer);
    if (p.token === token) return p.session;
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

/** How many sessions wait to be taken (for tests). */
export const parkedSessions = (): number => parked.size;
