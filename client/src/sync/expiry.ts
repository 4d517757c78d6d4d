import { peekClaims } from '@bodem/shared';
import { forgetMeeting, storedMeetings, tokenOf, type StoredEntry } from '../credentials.ts';

/**
 * Local copies expire: a tablet keeps a meeting (its IndexedDB copy and its
 * token) only while its token could still open it. Tokens live days
 * (participants and the beamer three, the facilitator thirty), so a shared
 * tablet does not carry last month's families around until someone happens
 * to open that meeting again.
 */
export const expiredMeetings = (entries: StoredEntry[], now = Date.now()): string[] =>
  entries
    .filter(({ meeting }) => {
      const token = tokenOf(meeting);
      const exp = token ? peekClaims(token)?.exp : undefined;
      return typeof exp !== 'number' || exp * 1000 <= now;
    })
    .map((e) => e.id);

/** The meeting id of a local copy's IndexedDB name (`bodem:<id>:<epoch>`, or `bodem:<id>` from before epochs). */
export const meetingOfCopy = (name: string): string | null => /^bodem:([A-Za-z0-9_-]{1,64})(?::\d+)?$/.exec(name)?.[1] ?? null;

/** Wipes expired meetings and copies no stored credentials belong to; run once at start. */
export const sweepLocalCopies = async (now = Date.now()): Promise<number> => {
  const expired = new Set(expiredMeetings(storedMeetings(), now));
  for (const id of expired) forgetMeeting(id);
  const kept = new Set(storedMeetings().map((e) => e.id));
  let wiped = 0;
  try {
    for (const db of await indexedDB.databases()) {
      const id = db.name ? meetingOfCopy(db.name) : null;
      if (id && !kept.has(id)) {
        indexedDB.deleteDatabase(db.name!);
        wiped++;
      }
    }
  } catch {
    // No listing in this browser: the expired credentials are gone, their copies open nothing.
  }
  return wiped;
};
