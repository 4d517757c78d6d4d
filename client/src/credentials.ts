import { peekClaims, type Role, type TokenClaims } from '@bodem/shared';

/**
 * What this device knows about a meeting, in localStorage under
 * `bodem:meeting:<id>`. A facilitator keeps all three tokens; a participant
 * keeps their own token.
 */
export interface StoredMeeting {
  role: Role;
  /** The participant's token (participants only). */
  token?: string;
  facilitatorToken?: string;
  projectorToken?: string;
  joinCode?: string;
  title?: string;
  savedAt?: number;
  /** The facilitator removed this participant: no "Verder als", and the server refuses a rejoin. */
  removed?: boolean;
  /** The board this device last showed (sent to, or chosen): opening the meeting again opens it. */
  lastBoard?: string;
}

const PREFIX = 'bodem:meeting:';
const key = (id: string) => PREFIX + id;

const parse = (raw: string | null): StoredMeeting | null => {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<StoredMeeting>;
    if (v && typeof v === 'object' && typeof v.role === 'string') return v as StoredMeeting;
  } catch {
    // corrupt entry: treat as absent
  }
  return null;
};

export const loadMeeting = (id: string): StoredMeeting | null => {
  try {
    return parse(localStorage.getItem(key(id)));
  } catch {
    return null;
  }
};

export const saveMeeting = (id: string, m: StoredMeeting): void => {
  try {
    localStorage.setItem(key(id), JSON.stringify({ ...m, savedAt: Date.now() }));
  } catch {
    // storage full or blocked: the session still works until reload
  }
};

export const forgetMeeting = (id: string): void => {
  try {
    localStorage.removeItem(key(id));
  } catch {
    // ignore
  }
};

/** The token this device connects with. */
export const tokenOf = (m: StoredMeeting): string | null =>
  (m.role === 'facilitator' ? m.facilitatorToken : m.role === 'projector' ? m.projectorToken : m.token) ?? null;

/** Meetings this device facilitates, newest first (for the start page). */
export const facilitatedMeetings = (): { id: string; meeting: StoredMeeting }[] => {
  const out: { id: string; meeting: StoredMeeting }[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (!k || !k.startsWith(PREFIX)) continue;
      const m = parse(localStorage.getItem(k));
      if (m && m.role === 'facilitator') out.push({ id: k.slice(PREFIX.length), meeting: m });
    }
  } catch {
    // ignore
  }
  return out.sort((a, b) => (b.meeting.savedAt ?? 0) - (a.meeting.savedAt ?? 0));
};

// --- joining again ----------------------------------------------------------

export interface StoredEntry {
  id: string;
  meeting: StoredMeeting;
}

/** Every meeting this device holds credentials for. */
export const storedMeetings = (): StoredEntry[] => {
  const out: StoredEntry[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (!k || !k.startsWith(PREFIX)) continue;
      const m = parse(localStorage.getItem(k));
      if (m) out.push({ id: k.slice(PREFIX.length), meeting: m });
    }
  } catch {
    // ignore
  }
  return out;
};

export interface Rejoin {
  id: string;
  /** Sent as `previous` when joining again, so the server keeps the participant id. */
  token: string;
  claims: TokenClaims;
  /** The token may still open the meeting: offer "Verder als <naam>". */
  canContinue: boolean;
}

/**
 * The participant token this device holds for the meeting behind a join
 * code (the newest, if a code was reused after a meeting was deleted).
 * Pure, so it is tested without a browser.
 */
export const rejoinFor = (entries: StoredEntry[], code: string, now = Date.now()): Rejoin | null => {
  const mine = entries
    .filter((e) => e.meeting.role === 'participant' && e.meeting.token && e.meeting.joinCode === code)
    .sort((a, b) => (b.meeting.savedAt ?? 0) - (a.meeting.savedAt ?? 0));
  for (const e of mine) {
    const token = e.meeting.token!;
    const claims = peekClaims(token);
    if (!claims || claims.m !== e.id || claims.role !== 'participant') continue;
    const live = typeof claims.exp === 'number' && claims.exp * 1000 > now;
    return { id: e.id, token, claims, canContinue: live && !e.meeting.removed };
  }
  return null;
};

/**
 * Every participant token this device holds, newest first (at most 20):
 * sent when joining, so a device the facilitator removed is refused also
 * when it types the meeting's new code.
 */
export const heldTokens = (entries: StoredEntry[]): string[] =>
  entries
    .filter((e) => e.meeting.role === 'participant' && e.meeting.token)
    .sort((a, b) => (b.meeting.savedAt ?? 0) - (a.meeting.savedAt ?? 0))
    .slice(0, 20)
    .map((e) => e.meeting.token!);

/**
 * Remembers that the facilitator removed this device's participant. The
 * token stays: joining again sends it, and the server refuses it, instead of
 * the tablet quietly coming back as someone new.
 */
export const markRemoved = (id: string): void => {
  const m = loadMeeting(id);
  if (m) saveMeeting(id, { ...m, removed: true });
};

/** Remembers the board this device shows, so a reload or a reopened app comes back to it. */
export const rememberBoard = (id: string, boardId: string): void => {
  const m = loadMeeting(id);
  if (m && m.lastBoard !== boardId) saveMeeting(id, { ...m, lastBoard: boardId });
};

// --- the host's facilitator key ----------------------------------------------

const KEY_STORAGE = 'bodem:facilitator-key';

/** The facilitator key this laptop remembers (asked once, on the start page). */
export const loadFacilitatorKey = (): string | null => {
  try {
    return localStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
};

export const saveFacilitatorKey = (key: string): void => {
  try {
    localStorage.setItem(KEY_STORAGE, key);
  } catch {
    // storage blocked: asked again next time
  }
};

export const forgetFacilitatorKey = (): void => {
  try {
    localStorage.removeItem(KEY_STORAGE);
  } catch {
    // ignore
  }
};
