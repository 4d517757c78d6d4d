import { MeetingSession } from './session.ts';

/**
 * A meeting's session started a moment before its page: when the join form
 * has its token (or "Verder als ..." is tapped), the socket starts opening
 * and the local copy starts loading while the page changes route and lays
 * out the meeting's frame (a few hundred ms on a slow tablet, during which
 * the socket's handshake and the first sync now travel). The meeting page
 * takes it over; one nobody takes is closed after PARKED_MS.
 *
 * Where the join page offers "Verder als ...", the meeting's page is made
 * out of sight meanwhile (App.tsx) with a held session (`takeSession(...,
 * { held: true })`: its local copy loads, no socket opens, nobody sees the
 * person present); the tap shows that page, and its session goes online.
 */
const PARKED_MS = 10_000;

interface Parked {
  session: MeetingSession;
  token: string;
  timer: ReturnType<typeof setTimeout>;
}
const parked = new Map<string, Parked>();

/** Sessions taken by a page that is open (shown or prepared), by meeting. */
const taken = new Map<string, { session: MeetingSession; token: string }>();

/** Starts the session of meeting `id` with `token` now, for the meeting page about to open. */
export const startSessionAhead = (id: string, token: string): void => {
  // A page already holds it (prepared for "Verder als ..."): that one goes online when shown.
  if (taken.get(id)?.token === token) return;
  if (parked.has(id)) drop(id);
  const session = new MeetingSession(id, token);
  parked.set(id, { session, token, timer: setTimeout(() => drop(id), PARKED_MS) });
};

/**
 * The session started ahead for this meeting and token, else a new one; `held`: without its sockets until
 * `goOnline()`. The caller owns it and gives it back with `giveBack` (which destroys it).
 */
export const takeSession = (id: string, token: string, { held = false }: { held?: boolean } = {}): MeetingSession => {
  const p = parked.get(id);
  let session: MeetingSession | null = null;
  if (p) {
    parked.delete(id);
    clearTimeout(p.timer);
    if (p.token === token) session = p.session;
    else p.session.destroy();
  }
  session ??= new MeetingSession(id, token, { held });
  if (!held) session.goOnline();
  taken.set(id, { session, token });
  return session;
};

/** The page that took `session` is gone: the session is closed. */
export const giveBack = (id: string, session: MeetingSession): void => {
  if (taken.get(id)?.session === session) taken.delete(id);
  session.destroy();
};

const drop = (id: string) => {
  const p = parked.get(id);
  if (!p) return;
  parked.delete(id);
  clearTimeout(p.timer);
  p.session.destroy();
};
