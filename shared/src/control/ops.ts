import type * as Y from 'yjs';
import { newId } from '../ids.ts';
import { origins, type Origin } from '../origins.ts';
import { LOCK_KEY, MAX_LOCK_REASON } from '../schema/boardState.ts';
import { roots } from '../schema/roots.ts';
import { cleanLine } from '../schema/text.ts';
import { asYMap } from '../schema/values.ts';
import {
  CONTROL_KEYS,
  MAX_TIMER_LABEL,
  MAX_TIMER_MS,
  readControl,
  timeLeft,
  MAX_PROJECTOR_STEP,
  readPrep,
  type Prep,
  type ProjectorView,
  type Send,
} from './control.ts';

/** The facilitator's controls. `now` is always the server's clock as this device estimates it. */

const set = (doc: Y.Doc, key: string, value: unknown, origin: Origin): void =>
  doc.transact(() => {
    if (value === null) roots(doc).control.delete(key);
    else roots(doc).control.set(key, value);
  }, origin);

export const startTimer = (doc: Y.Doc, t: { label: string; durationMs: number; now: number }, origin: Origin = origins.user): void => {
  const durationMs = Math.round(Math.max(1000, Math.min(MAX_TIMER_MS, t.durationMs)));
  set(doc, CONTROL_KEYS.timer, { label: cleanLine(t.label, MAX_TIMER_LABEL), durationMs, endsAt: t.now + durationMs, pausedLeftMs: null }, origin);
};

export const pauseTimer = (doc: Y.Doc, now: number, origin: Origin = origins.user): void => {
  const timer = readControl(roots(doc).control).timer;
  if (!timer || timer.pausedLeftMs !== null) return;
  set(doc, CONTROL_KEYS.timer, { ...timer, pausedLeftMs: timeLeft(timer, now) }, origin);
};

export const resumeTimer = (doc: Y.Doc, now: number, origin: Origin = origins.user): void => {
  const timer = readControl(roots(doc).control).timer;
  if (!timer || timer.pausedLeftMs === null) return;
  set(doc, CONTROL_KEYS.timer, { ...timer, endsAt: now + timer.pausedLeftMs, pausedLeftMs: null }, origin);
};

export const stopTimer = (doc: Y.Doc, origin: Origin = origins.user): void => set(doc, CONTROL_KEYS.timer, null, origin);

/** Sends people to boards; every send gets a new sequence number, so tablets move even if nothing changed. */
export const sendGroups = (doc: Y.Doc, to: Pick<Send, 'bySide' | 'byPerson'>, origin: Origin = origins.user): void => {
  const prev = readControl(roots(doc).control).send;
  set(doc, CONTROL_KEYS.send, { seq: (prev?.seq ?? 0) + 1, bySide: { ...to.bySide }, byPerson: { ...to.byPerson } }, origin);
};

/**
 * Takes one person's own destination away without moving anyone (the
 * sequence number stays): from the next send on they go with their side.
 */
export const clearPersonalSend = (doc: Y.Doc, personId: string, origin: Origin = origins.user): void => {
  const prev = readControl(roots(doc).control).send;
  if (!prev || !Object.hasOwn(prev.byPerson, personId)) return;
  const byPerson = { ...prev.byPerson };
  delete byPerson[personId];
  set(doc, CONTROL_KEYS.send, { seq: prev.seq, bySide: { ...prev.bySide }, byPerson }, origin);
};

/** Settles part of the preparation (the voting limit, the expected organisations, D's quotes); what is not given stays. */
export const setPrep = (doc: Y.Doc, change: Partial<Prep>, origin: Origin = origins.user): void => {
  const prev = readControl(roots(doc).control).prep;
  const next = readPrep({ ...prev, ...change });
  set(
    doc,
    CONTROL_KEYS.prep,
    { ...(next.votingLimit !== null ? { votingLimit: next.votingLimit } : {}), orgs: next.orgs, ...(next.quotes !== null ? { quotes: next.quotes } : {}) },
    origin,
  );
};

export const setVotingOpen = (doc: Y.Doc, open: boolean, origin: Origin = origins.user): void =>
  set(doc, CONTROL_KEYS.voting, open ? 'open' : 'closed', origin);

export const setFollow = (doc: Y.Doc, on: boolean, origin: Origin = origins.user): void => set(doc, CONTROL_KEYS.follow, on, origin);

export const setProjector = (doc: Y.Doc, view: ProjectorView, origin: Origin = origins.user): void =>
  set(doc, CONTROL_KEYS.projector, { mode: view.mode, boards: [...view.boards], ...(view.step ? { step: Math.floor(Math.max(0, Math.min(MAX_PROJECTOR_STEP, view.step))) } : {}) }, origin);

/** Locks a board with a reason participants see, or unlocks it (null). */
export const lockBoard = (doc: Y.Doc, boardId: string, reason: string | null, origin: Origin = origins.user): boolean => {
  const board = asYMap(roots(doc).boards.get(boardId));
  if (!board) return false;
  doc.transact(() => (reason === null ? board.delete(LOCK_KEY) : board.set(LOCK_KEY, cleanLine(reason, MAX_LOCK_REASON) || ' ')), origin);
  return true;
};

/** Asks every owner to share their notes of personal board `boardId` (each tablet asks its owner first). */
export const askGather = (doc: Y.Doc, boardId: string, origin: Origin = origins.user): void =>
  set(doc, CONTROL_KEYS.gather, { id: newId(), boardId }, origin);

/** Ends the request: tablets that have not answered stop asking. */
export const endGather = (doc: Y.Doc, origin: Origin = origins.user): void => set(doc, CONTROL_KEYS.gather, null, origin);
