import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  currentStep,
  destinationOf,
  draaiboekOf,
  extendCurrentStep,
  type DraaiboekStep,
  goToStep,
  initMeeting,
  listBoards,
  nextStep,
  nextStepId,
  pauseMeeting,
  plannedMinutes,
  previousStep,
  readControl,
  readDraaiboek,
  resumeMeeting,
  roots,
  sendGroups,
  setPartSkipped,
  setStepMinutes,
  setStepSkipped,
  stepBoardOf,
  stepControl,
  stepsFor,
  timeLeft,
  templatesLeftOut,
  timeline,
} from '../src/index.ts';
import { exchange, replica } from './docs.ts';

// A small programme in the shape of the toolkit's: an introduction, a part
// with an optional step, a part on two boards per side, a vote.
const STEPS: DraaiboekStep[] = [
  { id: 'intro', part: null, deel: 1, title: 'Introductie', minutes: 15, minutesFrom: 'voorstel', say: 'Welkom', task: 'Stel je voor', boards: [], voting: 'closed' },
  {
    id: 'A.2',
    part: 'A',
    deel: 1,
    title: 'Presentatie voorbereiden',
    minutes: 20,
    minutesFrom: 'handleiding',
    say: 'Licht toe',
    task: 'Maak een poster',
    boards: ['beeld'],
    send: { formeel: 'beeld', informeel: 'beeld' },
  },
  {
    id: 'A.3',
    part: 'A',
    deel: 1,
    title: 'Presentaties',
    minutes: 15,
    minutesFrom: 'handleiding',
    perBoard: true,
    say: 'Bewaak de tijd',
    task: 'Luister',
    boards: ['beeld'],
    beamer: { mode: 'board', templates: ['beeld'] },
  },
  {
    id: 'B.2',
    part: 'B',
    deel: 1,
    title: 'Alleen nadenken',
    minutes: 5,
    minutesFrom: 'handleiding',
    say: 'Vijf minuten',
    task: 'Denk na',
    boards: ['kracht-informeel', 'kracht-formeel'],
    send: { formeel: 'kracht-informeel', informeel: 'kracht-formeel' },
    beamer: { mode: 'follow', templates: [] },
  },
  {
    id: 'B.6',
    part: 'B',
    deel: 1,
    title: 'Wandeling',
    minutes: 5,
    minutesFrom: 'voorstel',
    optional: 'indien hier tijd voor is',
    say: 'Wandel',
    task: 'Loop',
    boards: [],
  },
  {
    id: 'B.4',
    part: 'B',
    deel: 1,
    title: 'Aan elkaar presenteren',
    minutes: 15,
    minutesFrom: 'verdeeld',
    say: 'Presenteer',
    task: 'Geef feedback',
    boards: ['kracht-informeel', 'kracht-formeel'],
    beamer: { mode: 'side', templates: ['kracht-informeel', 'kracht-formeel'] },
  },
  {
    id: 'C.4',
    part: 'C',
    deel: 2,
    title: 'Stemmen',
    minutes: 10,
    minutesFrom: 'voorstel',
    optional: 'EXTRA ONDERDEEL (EVENTUEEL)',
    say: 'Stem',
    task: 'Stem op het leukste idee',
    boards: ['voorbeeld'],
    send: { formeel: 'voorbeeld', informeel: 'voorbeeld' },
    beamer: { mode: 'side', templates: ['voorbeeld'] },
    voting: 'open',
  },
  { id: 'F', part: 'F', deel: 3, title: 'Evaluatie', minutes: 20, minutesFrom: 'voorstel', say: 'Evalueer', task: 'Evalueer', boards: [], voting: 'closed' },
];

const MIN = 60_000;
const T0 = 1_700_000_000_000;

const meeting = (boards = ['beeld', 'beeld', 'beeld', 'kracht-informeel', 'kracht-formeel', 'voorbeeld', 'voorbeeld']): Y.Doc => {
  const doc = new Y.Doc();
  const seen = new Map<string, number>();
  initMeeting(doc, {
    title: 'Draaiboek',
    createdAt: 1,
    boards: boards.map((template) => {
      const n = (seen.get(template) ?? 0) + 1;
      seen.set(template, n);
      return { id: `${template}-${n}`, template, title: `${template} ${n}` };
    }),
  });
  return doc;
};

const control = (doc: Y.Doc) => readControl(roots(doc).control);

describe('the order of the steps', () => {
  it('starts at the first step and walks forward, leaving out what the facilitator skipped', () => {
    const doc = meeting();
    const steps = stepsFor(STEPS, listBoards(doc));
    expect(nextStepId(steps, draaiboekOf(doc))).toBe('intro');
    const visited: string[] = [];
    expect(setStepSkipped(doc, steps, 'B.6', true)).toBe(true);
    let t = T0;
    for (let id = nextStep(doc, steps, t); id !== null; id = nextStep(doc, steps, (t += MIN))) visited.push(id);
    expect(visited).toEqual(['intro', 'A.2', 'A.3', 'B.2', 'B.4', 'C.4', 'F']);
    // At the end "Volgende stap" does nothing.
    expect(nextStep(doc, steps, t + MIN)).toBeNull();
    expect(draaiboekOf(doc).current).toBe('F');
  });

  it('skips every optional step at once on request, and only optional steps can be left out', () => {
    const doc = meeting();
    const steps = stepsFor(STEPS, listBoards(doc));
    goToStep(doc, steps, 'B.2', T0);
    expect(nextStepId(steps, draaiboekOf(doc))).toBe('B.6');
    expect(nextStepId(steps, draaiboekOf(doc), { skipOptional: true })).toBe('B.4');
    expect(setStepSkipped(doc, steps, 'B.4', true)).toBe(false);
    expect(setStepSkipped(doc, steps, 'bestaat-niet', true)).toBe(false);
    expect(draaiboekOf(doc).skipped).toEqual([]);
    // Taken back in.
    setStepSkipped(doc, steps, 'B.6', true);
    setStepSkipped(doc, steps, 'B.6', false);
    expect(nextStepId(steps, draaiboekOf(doc))).toBe('B.6');
  });

  it('goes back with "Vorige", over skipped steps, not before the first', () => {
    const doc = meeting();
    const steps = stepsFor(STEPS, listBoards(doc));
    setStepSkipped(doc, steps, 'B.6', true);
    goToStep(doc, steps, 'B.4', T0);
    expect(previousStep(doc, steps, T0 + MIN)).toBe('B.2');
    goToStep(doc, steps, 'intro', T0 + 2 * MIN);
    expect(previousStep(doc, steps, T0 + 3 * MIN)).toBeNull();
    expect(draaiboekOf(doc).current).toBe('intro');
  });

  it('leaves a whole part out on the fly, during the meeting too, and takes it back in; the plan and the boards follow', () => {
    const doc = meeting();
    const steps = stepsFor(STEPS, listBoards(doc));
    const planned = () => timeline(steps, draaiboekOf(doc), listBoards(doc), T0).plannedMs / MIN;
    const before = planned();
    goToStep(doc, steps, 'A.3', T0);
    // Part B (not optional) left out while A runs: the next step is C's, B's minutes leave the plan, its boards leave the hand-out.
    expect(setPartSkipped(doc, steps, 'B', true)).toBe(true);
    expect(draaiboekOf(doc).current).toBe('A.3');
    expect(nextStepId(steps, draaiboekOf(doc))).toBe('C.4');
    expect(planned()).toBe(before - 5 - 5 - 15);
    expect([...templatesLeftOut(steps, draaiboekOf(doc))].sort()).toEqual(['kracht-formeel', 'kracht-informeel']);
    // Only parts the programme has, and only a letter.
    expect(setPartSkipped(doc, steps, 'E', true)).toBe(false);
    expect(setPartSkipped(doc, steps, 'b', true)).toBe(false);
    expect(setPartSkipped(doc, steps, '', true)).toBe(false);
    expect(draaiboekOf(doc).partsOff).toEqual(['B']);
    // "Vorige" from C goes back over the part left out.
    goToStep(doc, steps, 'C.4', T0 + MIN);
    expect(previousStep(doc, steps, T0 + 2 * MIN)).toBe('A.3');
    // Taken back in.
    setPartSkipped(doc, steps, 'B', false);
    expect(nextStepId(steps, draaiboekOf(doc))).toBe('B.2');
    expect(planned()).toBe(before);
    expect(templatesLeftOut(steps, draaiboekOf(doc)).size).toBe(0);
    // An optional step skipped leaves its board out only when no other step uses it: C's vote is C's only step on 'voorbeeld'.
    setStepSkipped(doc, steps, 'C.4', true);
    expect([...templatesLeftOut(steps, draaiboekOf(doc))]).toEqual(['voorbeeld']);
    setStepSkipped(doc, steps, 'B.6', true);
    expect([...templatesLeftOut(steps, draaiboekOf(doc))]).toEqual(['voorbeeld']);
  });

  it('keeps only the steps whose boards the meeting has', () => {
    // Part 1 only ("Kennismaking"): no part C (its one step is optional and lacks its board). Part F here needs no board at all, so it stays.
    const doc = meeting(['beeld', 'kracht-informeel', 'kracht-formeel']);
    expect(stepsFor(STEPS, listBoards(doc)).map((s) => s.id)).toEqual(['intro', 'A.2', 'A.3', 'B.2', 'B.6', 'B.4', 'F']);
    // Without the posters of B, the whole of part B goes, its walk (which needs no board) too.
    expect(stepsFor(STEPS, listBoards(meeting(['beeld']))).map((s) => s.id)).toEqual(['intro', 'A.2', 'A.3', 'F']);
    // Without one organisation's poster nothing of A can run, though A.3 would find no board only for its beamer.
    expect(stepsFor(STEPS, listBoards(meeting(['kracht-informeel', 'kracht-formeel']))).map((s) => s.id)).toEqual(['intro', 'B.2', 'B.6', 'B.4', 'F']);
    expect(goToStep(doc, STEPS, 'bestaat-niet', T0)).toBe(false);
  });
});

describe('what "Volgende stap" does', () => {
  it('sends each side to its board and clears per-person destinations', () => {
    const doc = meeting();
    const steps = stepsFor(STEPS, listBoards(doc));
    // Someone was sent to a board of their own by hand before.
    sendGroups(doc, { bySide: {}, byPerson: { p1: 'voorbeeld-2' } });
    goToStep(doc, steps, 'B.2', T0);
    const send = control(doc).send!;
    expect(send.bySide).toEqual({ formeel: 'kracht-informeel-1', informeel: 'kracht-formeel-1' });
    expect(send.byPerson).toEqual({});
    expect(destinationOf(send, { id: 'p1', side: 'formeel' })).toBe('kracht-informeel-1');
    const seq = send.seq;
    // A step that moves nobody leaves the last send alone.
    goToStep(doc, steps, 'A.3', T0 + MIN);
    expect(control(doc).send!.seq).toBe(seq);
  });

  it('starts the timer with the step\u2019s minutes, a quarter of an hour per organisation for the presentations', () => {
    const doc = meeting();
    const steps = stepsFor(STEPS, listBoards(doc));
    goToStep(doc, steps, 'A.2', T0);
    expect(control(doc).timer).toMatchObject({ label: '', durationMs: 20 * MIN, endsAt: T0 + 20 * MIN, pausedLeftMs: null });
    goToStep(doc, steps, 'A.3', T0 + 25 * MIN);
    // Three posters, three organisations.
    expect(control(doc).timer).toMatchObject({ durationMs: 45 * MIN });
    expect(plannedMinutes(steps.find((s) => s.id === 'A.3')!, listBoards(doc))).toBe(45);
  });

  it('sets the beamer: one board, or every board of the templates side by side, or follow', () => {
    const doc = meeting();
    const steps = stepsFor(STEPS, listBoards(doc));
    goToStep(doc, steps, 'A.3', T0);
    expect(control(doc).projector).toEqual({ mode: 'board', boards: ['beeld-1'], step: 0 });
    goToStep(doc, steps, 'B.4', T0);
    expect(control(doc).projector).toEqual({ mode: 'side', boards: ['kracht-informeel-1', 'kracht-formeel-1'], step: 0 });
    goToStep(doc, steps, 'C.4', T0);
    expect(control(doc).projector).toEqual({ mode: 'side', boards: ['voorbeeld-1', 'voorbeeld-2'], step: 0 });
    goToStep(doc, steps, 'B.2', T0);
    expect(control(doc).projector).toEqual({ mode: 'follow', boards: [], step: 0 });
  });

  it('opens voting for the vote and closes it again after', () => {
    const doc = meeting();
    const steps = stepsFor(STEPS, listBoards(doc));
    goToStep(doc, steps, 'intro', T0);
    expect(control(doc).votingOpen).toBe(false);
    goToStep(doc, steps, 'A.2', T0);
    expect(control(doc).votingOpen).toBe(false);
    goToStep(doc, steps, 'C.4', T0);
    expect(control(doc).votingOpen).toBe(true);
    goToStep(doc, steps, 'F', T0);
    expect(control(doc).votingOpen).toBe(false);
  });

  it('is one transaction: another tablet sees the whole step or nothing of it', () => {
    const doc = meeting();
    const steps = stepsFor(STEPS, listBoards(doc));
    const other = replica(doc);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    goToStep(doc, steps, 'C.4', T0);
    expect(updates).toHaveLength(1);
    Y.applyUpdate(other, updates[0]!);
    const c = control(other);
    expect([draaiboekOf(other).current, c.timer?.durationMs, c.votingOpen, c.projector.mode, c.send?.bySide.formeel]).toEqual(['C.4', 10 * MIN, true, 'side', 'voorbeeld-1']);
  });

  it('opens on the facilitator’s screen the board the beamer shows, else where the groups go, else nothing', () => {
    const boards = listBoards(meeting());
    const byId = (id: string) => stepBoardOf(STEPS.find((s) => s.id === id)!, boards);
    // The beamer's board (one board, side by side: the first).
    expect(byId('A.3')).toBe('beeld-1');
    expect(byId('B.4')).toBe('kracht-informeel-1');
    // "Volg mij": where the groups go, formeel's board first (so the beamer follows the facilitator there).
    expect(byId('B.2')).toBe('kracht-informeel-1');
    expect(byId('A.2')).toBe('beeld-1');
    // No board at all: the facilitator stays where they are.
    expect(byId('intro')).toBeNull();
    expect(byId('B.6')).toBeNull();
    // The step's boards missing from the meeting: nowhere to go.
    expect(stepBoardOf(STEPS.find((s) => s.id === 'A.3')!, [])).toBeNull();
  });

  it('describes the change without making it (stepControl), for a step whose boards are missing too', () => {
    const c = stepControl(STEPS[3]!, []);
    expect(c).toEqual({ send: { bySide: {}, byPerson: {} }, timer: { label: '', durationMs: 5 * MIN }, projector: { mode: 'follow', boards: [] }, votingOpen: null });
  });
});

describe('time used against planned', () => {
  it('books the time of every step, the current one running', () => {
    const doc = meeting();
    const steps = stepsFor(STEPS, listBoards(doc));
    goToStep(doc, steps, 'intro', T0);
    nextStep(doc, steps, T0 + 20 * MIN); // the introduction took 20 of its 15 minutes
    const tl = timeline(steps, draaiboekOf(doc), listBoards(doc), T0 + 30 * MIN);
    const of = (id: string) => tl.steps.find((s) => s.id === id)!;
    expect(of('intro')).toMatchObject({ usedMs: 20 * MIN, plannedMs: 15 * MIN, done: true, current: false });
    expect(of('A.2')).toMatchObject({ usedMs: 10 * MIN, plannedMs: 20 * MIN, current: true, done: false });
    expect(tl.usedMs).toBe(30 * MIN);
    expect(tl.plannedToHereMs).toBe(35 * MIN);
    // 15 + 20 + 45 + 5 + 5 + 15 + 10 + 20
    expect(tl.plannedMs).toBe(135 * MIN);
    expect(tl.plannedLeftMs).toBe(100 * MIN);
    // Five minutes behind: the introduction ran over; A.2 is under way within its time.
    expect(tl.driftMs).toBe(5 * MIN);
    // Once A.2 runs over, its overrun counts too.
    expect(timeline(steps, draaiboekOf(doc), listBoards(doc), T0 + 50 * MIN).driftMs).toBe(15 * MIN);
    // A.2 done in 5 of its 20 minutes: ten minutes ahead in all.
    goToStep(doc, steps, 'A.3', T0 + 25 * MIN);
    expect(timeline(steps, draaiboekOf(doc), listBoards(doc), T0 + 25 * MIN).driftMs).toBe(-10 * MIN);
  });

  it('does not count skipped steps in the plan, and counts a step visited twice twice', () => {
    const doc = meeting();
    const steps = stepsFor(STEPS, listBoards(doc));
    setStepSkipped(doc, steps, 'B.6', true);
    setStepSkipped(doc, steps, 'C.4', true);
    goToStep(doc, steps, 'A.2', T0);
    goToStep(doc, steps, 'intro', T0 + 5 * MIN);
    goToStep(doc, steps, 'A.2', T0 + 6 * MIN);
    const tl = timeline(steps, draaiboekOf(doc), listBoards(doc), T0 + 10 * MIN);
    expect(tl.plannedMs).toBe(120 * MIN);
    expect(tl.steps.find((s) => s.id === 'A.2')!.usedMs).toBe(9 * MIN);
    expect(tl.steps.find((s) => s.id === 'B.6')!.skipped).toBe(true);
  });

  it('lets the facilitator change a step\u2019s minutes, and go back to the manual\u2019s', () => {
    const doc = meeting();
    const steps = stepsFor(STEPS, listBoards(doc));
    expect(setStepMinutes(doc, steps, 'A.2', 30)).toBe(true);
    goToStep(doc, steps, 'A.2', T0);
    expect(control(doc).timer?.durationMs).toBe(30 * MIN);
    expect(setStepMinutes(doc, steps, 'A.2', -3)).toBe(false);
    expect(setStepMinutes(doc, steps, 'A.2', Number.NaN)).toBe(false);
    setStepMinutes(doc, steps, 'A.2', null);
    expect(plannedMinutes(steps[1]!, listBoards(doc), draaiboekOf(doc))).toBe(20);
  });
});

describe('more or less time for the step being done', () => {
  it('changes the step\u2019s plan and its running timer by the same minutes', () => {
    const doc = meeting();
    const steps = stepsFor(STEPS, listBoards(doc));
    expect(extendCurrentStep(doc, steps, 5, T0)).toBe(false);
    goToStep(doc, steps, 'A.2', T0);
    expect(extendCurrentStep(doc, steps, 5, T0 + 3 * MIN)).toBe(true);
    expect(plannedMinutes(steps[1]!, listBoards(doc), draaiboekOf(doc))).toBe(25);
    expect(control(doc).timer).toMatchObject({ durationMs: 25 * MIN, endsAt: T0 + 25 * MIN });
    expect(timeLeft(control(doc).timer!, T0 + 3 * MIN)).toBe(22 * MIN);
    expect(extendCurrentStep(doc, steps, -5, T0 + 3 * MIN)).toBe(true);
    expect(timeLeft(control(doc).timer!, T0 + 3 * MIN)).toBe(17 * MIN);
    // Never below a second left, never below a minute planned.
    extendCurrentStep(doc, steps, -60, T0 + 3 * MIN);
    expect(timeLeft(control(doc).timer!, T0 + 3 * MIN)).toBe(1000);
    expect(plannedMinutes(steps[1]!, listBoards(doc), draaiboekOf(doc))).toBe(1);
    expect(extendCurrentStep(doc, steps, Number.NaN, T0)).toBe(false);
  });

  it('adds to a paused timer what it adds to the plan', () => {
    const doc = meeting();
    const steps = stepsFor(STEPS, listBoards(doc));
    goToStep(doc, steps, 'A.2', T0);
    pauseMeeting(doc, T0 + 10 * MIN);
    extendCurrentStep(doc, steps, 5, T0 + 60 * MIN);
    expect(control(doc).timer).toMatchObject({ pausedLeftMs: 15 * MIN, durationMs: 25 * MIN });
    resumeMeeting(doc, T0 + 90 * MIN);
    expect(timeLeft(control(doc).timer!, T0 + 90 * MIN)).toBe(15 * MIN);
  });
});

describe('pause and resume', () => {
  it('stands the step\u2019s clock and the timer still over a break of days, and goes on where it stopped', () => {
    const doc = meeting();
    const steps = stepsFor(STEPS, listBoards(doc));
    goToStep(doc, steps, 'A.2', T0);
    expect(pauseMeeting(doc, T0 + 8 * MIN)).toBe(true);
    expect(pauseMeeting(doc, T0 + 9 * MIN)).toBe(false);
    const week = 7 * 24 * 60 * MIN;
    // Another tablet, a week later, still sees the same paused step and timer.
    const later = replica(doc);
    expect(draaiboekOf(later)).toMatchObject({ current: 'A.2', pausedAt: T0 + 8 * MIN });
    expect(timeLeft(control(later).timer!, T0 + week)).toBe(12 * MIN);
    expect(timeline(steps, draaiboekOf(later), listBoards(later), T0 + week).usedMs).toBe(8 * MIN);
    expect(resumeMeeting(later, T0 + week)).toBe(true);
    expect(resumeMeeting(later, T0 + week)).toBe(false);
    expect(timeLeft(control(later).timer!, T0 + week + 2 * MIN)).toBe(10 * MIN);
    expect(timeline(steps, draaiboekOf(later), listBoards(later), T0 + week + 2 * MIN).usedMs).toBe(10 * MIN);
    exchange(doc, later);
    expect(draaiboekOf(doc)).toEqual(draaiboekOf(later));
    expect(currentStep(steps, draaiboekOf(doc))?.id).toBe('A.2');
  });

  it('cannot pause before the first step; going to a step ends a pause', () => {
    const doc = meeting();
    const steps = stepsFor(STEPS, listBoards(doc));
    expect(pauseMeeting(doc, T0)).toBe(false);
    goToStep(doc, steps, 'intro', T0);
    pauseMeeting(doc, T0 + MIN);
    nextStep(doc, steps, T0 + 60 * MIN);
    expect(draaiboekOf(doc).pausedAt).toBeNull();
    // The paused hour was not booked on the introduction.
    expect(draaiboekOf(doc).used.intro).toBe(MIN);
  });
});

describe('reading the stored state', () => {
  it('reads anything malformed as not started, and bounds what it keeps', () => {
    expect(readDraaiboek(undefined).current).toBeNull();
    expect(readDraaiboek('A.2').current).toBeNull();
    expect(readDraaiboek([1, 2]).current).toBeNull();
    const r = readDraaiboek({
      current: 'x'.repeat(500),
      startedAt: -5,
      pausedAt: Number.NaN,
      used: { 'A.2': 5, 'B.2': -1, 'C.4': 'veel', ['y'.repeat(100)]: 3 },
      skipped: ['B.6', 'B.6', 7, null],
      minutes: { 'A.2': 1e12 },
      partsOff: ['D', 'D', 'dd', 'Z', 4, '', 'B'],
    });
    expect(r).toEqual({ current: null, startedAt: 0, pausedAt: null, used: { 'A.2': 5 }, skipped: ['B.6'], minutes: { 'A.2': 240 }, partsOff: ['D', 'Z', 'B'] });
    expect(readDraaiboek({ partsOff: 'D' }).partsOff).toEqual([]);
  });
});
