import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  askGather,
  endGather,
  clearPersonalSend,
  destinationOf,
  readPrep,
  setPrep,
  initMeeting,
  lockBoard,
  MAX_TIMER_MS,
  origins,
  pauseTimer,
  readBoardState,
  readControl,
  readTimer,
  resumeTimer,
  roots,
  sendGroups,
  setFollow,
  setProjector,
  setVotingOpen,
  startTimer,
  stopTimer,
  timeLeft,
} from '../src/index.ts';
import { countUpdates, exchange, replica } from './docs.ts';

const meeting = (): Y.Doc => {
  const doc = new Y.Doc();
  initMeeting(doc, {
    title: 'Plenair',
    createdAt: 1,
    boards: [
      { id: 'ki', template: 'kracht-informeel', title: 'De kracht van informeel' },
      { id: 'kf', template: 'kracht-formeel', title: 'De kracht van formeel' },
    ],
  });
  return doc;
};

const control = (doc: Y.Doc) => readControl(roots(doc).control);

describe('the timer runs on the server clock', () => {
  it('counts down from the server time it was started at, the same for every reader', () => {
    const doc = meeting();
    startTimer(doc, { label: 'Individueel nadenken', durationMs: 5 * 60_000, now: 1_000_000 });
    const timer = control(doc).timer!;
    expect(timer).toEqual({ label: 'Individueel nadenken', durationMs: 300_000, endsAt: 1_300_000, pausedLeftMs: null });
    // Two devices whose estimates of the server clock agree show the same time left.
    expect(timeLeft(timer, 1_060_000)).toBe(240_000);
    expect(timeLeft(timer, 2_000_000)).toBe(0);
  });

  it('never shows more than it was set for, on a device whose clock estimate lags the starter\'s', () => {
    const doc = meeting();
    startTimer(doc, { label: 'Presenteren', durationMs: 15 * 60_000, now: 1_000_000 });
    const timer = control(doc).timer!;
    // Five seconds behind: 15:00, not 15:05.
    expect(timeLeft(timer, 995_000)).toBe(900_000);
    expect(timeLeft(timer, 1_005_000)).toBe(895_000);
  });

  it('pauses and resumes without losing or gaining time', () => {
    const doc = meeting();
    startTimer(doc, { label: '', durationMs: 60_000, now: 0 });
    pauseTimer(doc, 20_000);
    expect(timeLeft(control(doc).timer!, 50_000)).toBe(40_000);
    resumeTimer(doc, 100_000);
    expect(control(doc).timer!.endsAt).toBe(140_000);
    expect(timeLeft(control(doc).timer!, 110_000)).toBe(30_000);
    stopTimer(doc);
    expect(control(doc).timer).toBeNull();
  });

  it('keeps a timer within one second and four hours, and ignores nonsense written by a peer', () => {
    const doc = meeting();
    startTimer(doc, { label: 'x', durationMs: 10, now: 0 });
    expect(control(doc).timer!.durationMs).toBe(1000);
    startTimer(doc, { label: 'x', durationMs: 1e12, now: 0 });
    expect(control(doc).timer!.durationMs).toBe(MAX_TIMER_MS);
    expect(readTimer({ label: 'x', durationMs: -5, endsAt: 10 })).toBeNull();
    expect(readTimer('vijf minuten')).toBeNull();
    expect(readTimer({ label: 7, durationMs: 1000, endsAt: 10, pausedLeftMs: 5000 })).toEqual({ label: '', durationMs: 1000, endsAt: 10, pausedLeftMs: 1000 });
  });
});

describe('sending groups to boards', () => {
  it('sends each person to their own board first, else to their side’s', () => {
    const doc = meeting();
    sendGroups(doc, { bySide: { formeel: 'ki', informeel: 'kf' }, byPerson: { bilal: 'ki' } });
    const send = control(doc).send;
    expect(destinationOf(send, { id: 'anna', side: 'formeel' })).toBe('ki');
    expect(destinationOf(send, { id: 'carla', side: 'informeel' })).toBe('kf');
    expect(destinationOf(send, { id: 'bilal', side: 'informeel' })).toBe('ki');
    expect(destinationOf(send, { id: 'dirk', side: null })).toBeNull();
    expect(destinationOf(null, { id: 'anna', side: 'formeel' })).toBeNull();
  });

  it('numbers every send, so a tablet moves again even when the same board is sent twice', () => {
    const doc = meeting();
    sendGroups(doc, { bySide: { formeel: 'ki' }, byPerson: {} });
    sendGroups(doc, { bySide: { formeel: 'ki' }, byPerson: {} });
    expect(control(doc).send!.seq).toBe(2);
  });
});

describe('the other controls', () => {
  it('has voting open, no follow and the projector following the facilitator by default', () => {
    expect(control(meeting())).toEqual({ prep: { votingLimit: null, orgs: [], quotes: null }, gather: null, timer: null, send: null, votingOpen: true, follow: false, projector: { mode: 'follow', boards: [], step: 0 } });
  });

  it('asks to gather a personal board (a new request id each time), reads only well-formed requests, and ends the request', () => {
    const doc = meeting();
    askGather(doc, 'b1');
    const first = control(doc).gather!;
    expect(first.boardId).toBe('b1');
    askGather(doc, 'b1');
    expect(control(doc).gather!.id).not.toBe(first.id);
    roots(doc).control.set('gather', { id: 7, boardId: 'b1' });
    expect(control(doc).gather).toBeNull();
    roots(doc).control.set('gather', { id: 'x'.repeat(65), boardId: 'b1' });
    expect(control(doc).gather).toBeNull();
    askGather(doc, 'b2');
    endGather(doc);
    expect(control(doc).gather).toBeNull();
  });

  it('closes and opens voting, turns "volg mij" on and off, and tells the projector what to show', () => {
    const doc = meeting();
    setVotingOpen(doc, false);
    setFollow(doc, true);
    setProjector(doc, { mode: 'side', boards: ['ki', 'kf'] });
    expect(control(doc)).toMatchObject({ votingOpen: false, follow: true, projector: { mode: 'side', boards: ['ki', 'kf'] } });
    roots(doc).control.set('projector', { mode: 'dans', boards: [1, 'ki'] });
    expect(control(doc).projector).toEqual({ mode: 'follow', boards: ['ki'], step: 0 });
    // The presentation's step: written by setProjector, a whole number in range, whatever was stored.
    setProjector(doc, { mode: 'zones', boards: ['ki'], step: 4 });
    expect(control(doc).projector).toEqual({ mode: 'zones', boards: ['ki'], step: 4 });
    roots(doc).control.set('projector', { mode: 'zones', boards: ['ki'], step: 3 });
    expect(control(doc).projector).toEqual({ mode: 'zones', boards: ['ki'], step: 3 });
    for (const [bad, read] of [[-4, 0], [2.7, 2], [1e9, 999], ['3', 0], [Number.NaN, 0]] as const) {
      roots(doc).control.set('projector', { mode: 'votes', boards: [], step: bad });
      expect(control(doc).projector).toEqual({ mode: 'votes', boards: [], step: read });
    }
  });

  it('locks a board with the reason participants see, and unlocks it; an unknown board writes nothing', () => {
    const doc = meeting();
    const board = roots(doc).boards.get('ki')!;
    expect(lockBoard(doc, 'ki', 'We gaan plenair verder.')).toBe(true);
    expect(readBoardState(board).locked).toBe('We gaan plenair verder.');
    expect(readBoardState(roots(doc).boards.get('kf')!).locked).toBeNull();
    lockBoard(doc, 'ki', null);
    expect(readBoardState(board).locked).toBeNull();
    const updates = countUpdates(doc);
    expect(lockBoard(doc, 'weg', 'x')).toBe(false);
    expect(updates()).toBe(0);
  });

  it('writes each control in one transaction with the user origin, and two devices converge', () => {
    const doc = meeting();
    const other = replica(doc);
    const origins_: unknown[] = [];
    doc.on('update', (_: Uint8Array, origin: unknown) => origins_.push(origin));
    startTimer(doc, { label: 'a', durationMs: 60_000, now: 0 });
    sendGroups(other, { bySide: { informeel: 'kf' }, byPerson: {} });
    expect(origins_).toEqual([origins.user]);
    exchange(doc, other);
    expect(control(doc)).toEqual(control(other));
  });
});

describe('a personal destination is cleared without moving anyone', () => {
  it('drops only that person, keeps the sides and the send number', () => {
    const doc = meeting();
    sendGroups(doc, { bySide: { formeel: 'b1', informeel: 'b2' }, byPerson: { anna: 'g2', bilal: 'g3' } });
    const before = readControl(roots(doc).control).send!;
    clearPersonalSend(doc, 'anna');
    const after = readControl(roots(doc).control).send!;
    expect(after.seq).toBe(before.seq);
    expect(after.byPerson).toEqual({ bilal: 'g3' });
    expect(after.bySide).toEqual({ formeel: 'b1', informeel: 'b2' });
    expect(destinationOf(after, { id: 'anna', side: 'formeel' })).toBe('b1');
    // Nobody to clear: nothing written.
    let writes = 0;
    doc.on('update', () => writes++);
    clearPersonalSend(doc, 'anna');
    clearPersonalSend(doc, '__proto__');
    expect(writes).toBe(0);
  });
});

describe('the preparation', () => {
  it('has no own voting limit and no organisations by default, and keeps what is set', () => {
    const doc = meeting();
    expect(readControl(roots(doc).control).prep).toEqual({ votingLimit: null, orgs: [], quotes: null });
    setPrep(doc, { votingLimit: 3 });
    setPrep(doc, { orgs: ['CJG Doorn', 'Moskee Al Fath'] });
    expect(readControl(roots(doc).control).prep).toEqual({ votingLimit: 3, orgs: ['CJG Doorn', 'Moskee Al Fath'], quotes: null });
    setPrep(doc, { votingLimit: null });
    expect(readControl(roots(doc).control).prep).toEqual({ votingLimit: null, orgs: ['CJG Doorn', 'Moskee Al Fath'], quotes: null });
  });
  it('ignores nonsense written by a peer', () => {
    for (const bad of [{ votingLimit: 0 }, { votingLimit: 10 }, { votingLimit: 2.5 }, { votingLimit: '3' }, { votingLimit: NaN }, 'x', null, [1]])
      expect(readPrep(bad).votingLimit).toBeNull();
    const prep = readPrep({ orgs: ['  CJG  ', 'CJG', 7, '', 'x'.repeat(500), ...Array.from({ length: 100 }, (_, i) => `o${i}`)] });
    expect(prep.orgs[0]).toBe('CJG');
    expect(prep.orgs.filter((o) => o === 'CJG')).toHaveLength(1);
    expect(prep.orgs.every((o) => typeof o === 'string' && o.length > 0 && o.length <= 80)).toBe(true);
    expect(prep.orgs).toHaveLength(40);
    // Part D's quotes: zone ids of the D board only, each once, at most 20; anything else reads as "all of them".
    expect(readPrep({ quotes: ['thema-1-citaat-2', 'thema-1-citaat-2', 'thema-10-citaat-1', 'boom', 7, null, 'thema-3-citaat-1'] }).quotes).toEqual(['thema-1-citaat-2', 'thema-3-citaat-1']);
    expect(readPrep({ quotes: [] }).quotes).toEqual([]);
    for (const bad of ['thema-1-citaat-1', { 0: 'thema-1-citaat-1' }, null, undefined, 7]) expect(readPrep({ quotes: bad }).quotes).toBeNull();
    expect(readPrep({ quotes: Array.from({ length: 81 }, (_, i) => `thema-${1 + (i % 9)}-citaat-${1 + Math.floor(i / 9)}`) }).quotes).toHaveLength(20);
  });
});
