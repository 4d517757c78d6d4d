import type * as Y from 'yjs';
import { isPersonSide, isSide, type PersonSide } from '../schema/side.ts';
import { cleanLine } from '../schema/text.ts';
import { num, str } from '../schema/values.ts';

/**
 * How the facilitator runs the meeting: the timer, where groups are sent,
 * whether voting is open, "volg mij", and what the projector shows. One
 * root map written only by the facilitator; each value is one plain
 * object, replaced whole, so a reader never sees half of a change.
 */
export const CONTROL_KEYS = { timer: 'timer', send: 'send', voting: 'voting', follow: 'follow', projector: 'projector', draaiboek: 'draaiboek', prep: 'prep', gather: 'gather' } as const;

/** A countdown on the server's clock: every screen subtracts the same server time. */
export interface Timer {
  label: string;
  durationMs: number;
  /** Server time (ms) the countdown reaches zero; meaningless while paused. */
  endsAt: number;
  /** Set while paused: what was left when the facilitator paused. */
  pausedLeftMs: number | null;
}

/** Where the facilitator sent people: per side, and per person (which wins). */
export interface Send {
  /** Grows with every send, so a tablet moves again even to the same board. */
  seq: number;
  /** Where each side goes; 'beide' sends the people who joined as both as a group of their own. */
  bySide: Partial<Record<PersonSide, string>>;
  byPerson: Record<string, string>;
}

export type ProjectorMode = 'follow' | 'board' | 'side' | 'merged' | 'zones' | 'votes';

/**
 * What the projector shows: the board the facilitator is on, one board,
 * boards side by side, merged, one board zone by zone (the presentation),
 * or the votes' ranking. `step` is where a zone-by-zone walk is (the
 * presentation, and boards side by side when whole boards would be too
 * small to read); 0 when absent.
 */
export interface ProjectorView {
  mode: ProjectorMode;
  boards: string[];
  step?: number;
}

/** The most steps a zone-by-zone walk has (zones × pages). */
export const MAX_PROJECTOR_STEP = 999;

/**
 * What the facilitator settles before the meeting: how many votes each
 * person has (null: the board's own limit), and the organisations expected.
 */
export interface Prep {
  votingLimit: number | null;
  orgs: string[];
  /** Part D's quotes the facilitator chose (zone ids of the D board); null: all of them. */
  quotes: string[] | null;
}

/** A zone id of part D's quotes: `thema-<n>-citaat-<n>`. */
const QUOTE_ID = /^thema-[1-9]-citaat-[1-9]$/;
export const MAX_PREP_QUOTES = 20;

export const MAX_VOTING_LIMIT = 9;
export const MAX_PREP_ORGS = 40;
export const MAX_ORG_NAME = 80;

/**
 * The facilitator asks everyone to share their notes of a personal board
 * (schema/personal.ts). `id` is new with every request, so a tablet asks
 * its owner once per request; each owner decides on their own tablet.
 */
export interface Gather {
  id: string;
  boardId: string;
}

export const readGather = (v: unknown): Gather | null => {
  const o = obj(v);
  if (!o || typeof o.id !== 'string' || typeof o.boardId !== 'string' || o.id.length > 64 || o.boardId.length > 64) return null;
  return { id: o.id, boardId: o.boardId };
};

export interface Control {
  prep: Prep;
  gather: Gather | null;
  timer: Timer | null;
  send: Send | null;
  votingOpen: boolean;
  follow: boolean;
  projector: ProjectorView;
}

export const MAX_TIMER_MS = 4 * 60 * 60 * 1000;
export const MAX_TIMER_LABEL = 80;
const MAX_LIST = 64;

const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length <= 64).slice(0, MAX_LIST) : []);

export const readTimer = (v: unknown): Timer | null => {
  const o = obj(v);
  if (!o) return null;
  const durationMs = num(o.durationMs, 0, MAX_TIMER_MS);
  const endsAt = num(o.endsAt, 0, Number.MAX_SAFE_INTEGER);
  if (durationMs <= 0 || endsAt <= 0) return null;
  const paused = o.pausedLeftMs;
  return {
    label: cleanLine(str(o.label), MAX_TIMER_LABEL),
    durationMs,
    endsAt,
    pausedLeftMs: typeof paused === 'number' && Number.isFinite(paused) ? Math.max(0, Math.min(durationMs, paused)) : null,
  };
};

export const readSend = (v: unknown): Send | null => {
  const o = obj(v);
  if (!o) return null;
  const bySide: Send['bySide'] = {};
  for (const [k, b] of Object.entries(obj(o.bySide) ?? {})) if (isPersonSide(k) && typeof b === 'string') bySide[k] = b;
  const byPerson: Record<string, string> = {};
  for (const [k, b] of Object.entries(obj(o.byPerson) ?? {}).slice(0, 500)) if (typeof b === 'string') byPerson[k] = b;
  return { seq: num(o.seq, 0, Number.MAX_SAFE_INTEGER), bySide, byPerson };
};

const MODES: readonly ProjectorMode[] = ['follow', 'board', 'side', 'merged', 'zones', 'votes'];

export const readProjector = (v: unknown): ProjectorView => {
  const o = obj(v);
  const mode = o && MODES.includes(o.mode as ProjectorMode) ? (o.mode as ProjectorMode) : 'follow';
  return { mode, boards: ids(o?.boards), step: Math.floor(Math.max(0, num(o?.step, 0, MAX_PROJECTOR_STEP))) };
};

export const readPrep = (v: unknown): Prep => {
  const o = obj(v);
  const limit = o?.votingLimit;
  const orgs = Array.isArray(o?.orgs) ? o.orgs : [];
  return {
    votingLimit: typeof limit === 'number' && Number.isInteger(limit) && limit >= 1 && limit <= MAX_VOTING_LIMIT ? limit : null,
    orgs: [...new Set(orgs.filter((x): x is string => typeof x === 'string').map((x) => cleanLine(x, MAX_ORG_NAME)).filter((x) => x))].slice(0, MAX_PREP_ORGS),
    quotes: Array.isArray(o?.quotes) ? [...new Set(o.quotes.filter((x): x is string => typeof x === 'string' && QUOTE_ID.test(x)))].slice(0, MAX_PREP_QUOTES) : null,
  };
};

export const readControl = (map: Y.Map<unknown>): Control => ({
  prep: readPrep(map.get(CONTROL_KEYS.prep)),
  gather: readGather(map.get(CONTROL_KEYS.gather)),
  timer: readTimer(map.get(CONTROL_KEYS.timer)),
  send: readSend(map.get(CONTROL_KEYS.send)),
  // Voting is open unless the facilitator closed it.
  votingOpen: map.get(CONTROL_KEYS.voting) !== 'closed',
  follow: map.get(CONTROL_KEYS.follow) === true,
  projector: readProjector(map.get(CONTROL_KEYS.projector)),
});

/** Milliseconds left on a timer at server time `now`: never negative; a paused timer stands still. */
/**
 * What a timer has left, never more than it was set for: each device
 * estimates the server's clock, and one whose estimate lags the starter's
 * would otherwise count "15:05" down on a fifteen-minute timer.
 */
export const timeLeft = (timer: Timer, now: number): number =>
  Math.min(timer.durationMs, timer.pausedLeftMs !== null ? timer.pausedLeftMs : Math.max(0, timer.endsAt - now));

/**
 * The board a person was sent to: their own assignment first, else their
 * side's. Someone who is both goes where the facilitator sent 'beide' as a
 * group of their own; without that, where both sides were sent to the same
 * board, and otherwise they wait for an assignment of their own.
 */
export const destinationOf = (send: Send | null, person: { id: string; side: PersonSide | null }): string | null => {
  if (!send) return null;
  const own = send.byPerson[person.id];
  if (own) return own;
  if (isSide(person.side)) return send.bySide[person.side] ?? null;
  if (person.side === 'beide') return send.bySide.beide ?? (send.bySide.formeel && send.bySide.formeel === send.bySide.informeel ? send.bySide.formeel : null);
  return null;
};
