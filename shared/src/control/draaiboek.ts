import type * as Y from 'yjs';
import { listBoards } from '../derive/boards.ts';
import type { Part } from '../layout/template.ts';
import { origins, type Origin } from '../origins.ts';
import type { Board } from '../schema/board.ts';
import { roots } from '../schema/roots.ts';
import { SIDES, type Side } from '../schema/side.ts';
import { num } from '../schema/values.ts';
import { CONTROL_KEYS, MAX_TIMER_MS, readControl, type ProjectorMode, type ProjectorView, type Send } from './control.ts';
import { pauseTimer, resumeTimer, sendGroups, setProjector, setVotingOpen, startTimer, stopTimer } from './ops.ts';

/**
 * The facilitator's draaiboek: the manual's programme as an ordered list of
 * steps, and where the meeting is in it. The steps are data (templates/
 * holds the toolkit's); this file is what "Volgende stap" does with them.
 *
 * Steps name templates, not boards: a meeting's boards are found by their
 * template when the step is done, so one draaiboek serves every meeting
 * made from the programme (and a board added later is found too).
 */
export interface DraaiboekStep {
  /** Stable: stored in the meeting ("B.2"). */
  id: string;
  /** The toolkit's part; null for the introduction before part A. */
  part: Part | null;
  /** The toolkit's (half-)day: verkenning, visie, opzetten. */
  deel: 1 | 2 | 3;
  title: string;
  minutes: number;
  /**
   * Where the minutes come from: the manual names them for this step, the
   * manual's time for the whole part is shared out over its steps, or the
   * manual names no time at all and this is Bodem's suggestion.
   */
  minutesFrom: 'handleiding' | 'verdeeld' | 'voorstel';
  /** The manual's own words for the time, where it has them. */
  duration?: string;
  /** The minutes count once per board of the step's first template (presentations: a quarter of an hour per organisation). */
  perBoard?: boolean;
  /** The manual's words when the step is optional; absent when it is not. */
  optional?: string;
  /** What the facilitator says or does: the manual's words. */
  say: string;
  /** What the participants do: the hand-out's or the manual's words; every screen shows it. */
  task: string;
  /** The templates the step works on. */
  boards: readonly string[];
  /** Where each side goes (a template per side); absent: nobody is moved. */
  send?: Partial<Record<Side, string>>;
  /** What the beamer shows (templates resolved to the meeting's boards); absent: unchanged. */
  beamer?: { mode: ProjectorMode; templates: readonly string[] };
  /** Whether the step opens or closes voting; absent: unchanged. */
  voting?: 'open' | 'closed';
}

/** Where the meeting is in its draaiboek. One plain value under the control map, replaced whole. */
export interface DraaiboekState {
  /** The step being done; null before the first. */
  current: string | null;
  /** Server time the current step started, moved on by the time spent paused. */
  startedAt: number;
  /** Set while the meeting is paused (between two dagdelen, a break): since when. */
  pausedAt: number | null;
  /** Milliseconds spent on each step so far (a step visited twice adds up). */
  used: Record<string, number>;
  /** Optional steps the facilitator leaves out. */
  skipped: string[];
  /** Minutes the facilitator planned instead of the manual's, per step. */
  minutes: Record<string, number>;
  /** Whole parts ('A'…'G') the facilitator leaves out of this meeting: every step of the part is skipped. */
  partsOff: string[];
}

export const EMPTY_DRAAIBOEK: DraaiboekState = { current: null, startedAt: 0, pausedAt: null, used: {}, skipped: [], minutes: {}, partsOff: [] };

/** A part of the toolkit: one capital letter. */
const PART = /^[A-Z]$/;

const MAX_STEPS = 200;
const MAX_ID = 32;
const MAX_MINUTES = MAX_TIMER_MS / 60_000;

const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const stepId = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 && v.length <= MAX_ID ? v : null);
const numbers = (v: unknown, max: number): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(obj(v) ?? {}).slice(0, MAX_STEPS)) {
    if (stepId(k) && typeof x === 'number' && Number.isFinite(x) && x >= 0) out[k] = Math.min(x, max);
  }
  return out;
};

/** The stored state, normalised: anything malformed reads as "not started". */
export const readDraaiboek = (v: unknown): DraaiboekState => {
  const o = obj(v);
  if (!o) return EMPTY_DRAAIBOEK;
  const paused = o.pausedAt;
  return {
    current: stepId(o.current),
    startedAt: Math.max(0, num(o.startedAt, 0, Number.MAX_SAFE_INTEGER)),
    pausedAt: typeof paused === 'number' && Number.isFinite(paused) && paused >= 0 ? paused : null,
    used: numbers(o.used, Number.MAX_SAFE_INTEGER),
    skipped: Array.isArray(o.skipped) ? [...new Set(o.skipped.map(stepId).filter((x): x is string => x !== null))].slice(0, MAX_STEPS) : [],
    minutes: numbers(o.minutes, MAX_MINUTES),
    partsOff: Array.isArray(o.partsOff) ? [...new Set(o.partsOff.filter((x): x is string => typeof x === 'string' && PART.test(x)))].slice(0, 26) : [],
  };
};

export const draaiboekOf = (doc: Y.Doc): DraaiboekState => readDraaiboek(roots(doc).control.get(CONTROL_KEYS.draaiboek));

// ---------------------------------------------------------------------------
// Reading the programme
// ---------------------------------------------------------------------------

/** The meeting's boards of a template, in programme order. */
export const boardsOfTemplate = (boards: readonly Board[], template: string): Board[] => boards.filter((b) => b.template === template);

const templatesOf = (s: DraaiboekStep): string[] => [...s.boards, ...Object.values(s.send ?? {}), ...(s.beamer?.templates ?? [])];

/**
 * The steps a meeting can run. A part is in the meeting when it has the
 * boards of every step of the part that is not optional (a meeting of
 * part 1 only, "Kennismaking", has no part E even though E starts on
 * part 1's posters); in it, an optional step without its boards is left
 * out. Steps without a part (the introduction) need only their own boards.
 */
export const stepsFor = (steps: readonly DraaiboekStep[], boards: readonly Board[]): DraaiboekStep[] => {
  const have = new Set(boards.map((b) => b.template));
  const runnable = (s: DraaiboekStep) => templatesOf(s).every((t) => have.has(t));
  const missingParts = new Set(steps.filter((s) => s.part !== null && !s.optional && !runnable(s)).map((s) => s.part));
  return steps.filter((s) => runnable(s) && !missingParts.has(s.part));
};

export const stepById = (steps: readonly DraaiboekStep[], id: string | null): DraaiboekStep | null =>
  id === null ? null : (steps.find((s) => s.id === id) ?? null);

/** The step being done, if any (a stored id the programme no longer has reads as none). */
export const currentStep = (steps: readonly DraaiboekStep[], state: DraaiboekState): DraaiboekStep | null => stepById(steps, state.current);

/** Left out of the plan: an optional step the facilitator skips, or any step of a part left out. */
export const isSkipped = (step: DraaiboekStep, state: DraaiboekState): boolean =>
  (!!step.optional && state.skipped.includes(step.id)) || (step.part !== null && state.partsOff.includes(step.part));

/**
 * The templates the plan leaves out: those whose every step is skipped (a
 * part left out, or only optional steps skipped). A template no step uses
 * (a free board added by hand) is never left out.
 */
export const templatesLeftOut = (steps: readonly DraaiboekStep[], state: DraaiboekState): Set<string> => {
  const used = new Map<string, boolean>();
  for (const s of steps) for (const t of templatesOf(s)) used.set(t, (used.get(t) ?? false) || !isSkipped(s, state));
  return new Set([...used].filter(([, kept]) => !kept).map(([t]) => t));
};

/**
 * The step "Volgende stap" goes to: the first after the current one that
 * is not left out; with `skipOptional`, the first that is not optional at
 * all. Null at the end of the programme.
 */
export const nextStepId = (steps: readonly DraaiboekStep[], state: DraaiboekState, opts: { skipOptional?: boolean } = {}): string | null => {
  const from = state.current === null ? -1 : steps.findIndex((s) => s.id === state.current);
  for (let i = from + 1; i < steps.length; i++) {
    const s = steps[i]!;
    if (isSkipped(s, state) || (opts.skipOptional && s.optional)) continue;
    return s.id;
  }
  return null;
};

/** The step "Vorige" goes back to: the nearest earlier one not left out. */
export const previousStepId = (steps: readonly DraaiboekStep[], state: DraaiboekState): string | null => {
  const from = steps.findIndex((s) => s.id === state.current);
  for (let i = from - 1; i >= 0; i--) {
    const s = steps[i]!;
    if (!isSkipped(s, state)) return s.id;
  }
  return null;
};

/** The minutes planned for a step in this meeting: the facilitator's, else the manual's (per organisation where it says so). */
export const plannedMinutes = (step: DraaiboekStep, boards: readonly Board[], state: DraaiboekState = EMPTY_DRAAIBOEK): number => {
  const own = state.minutes[step.id];
  if (own !== undefined) return own;
  const first = step.boards[0];
  const times = step.perBoard && first ? Math.max(1, boardsOfTemplate(boards, first).length) : 1;
  return step.minutes * times;
};

/** What one step sets in the meeting's controls. */
export interface StepControl {
  /** Null: nobody is moved. Every send clears the per-person destinations. */
  send: Pick<Send, 'bySide' | 'byPerson'> | null;
  /** The step's minutes; null when it has none (the timer is stopped). */
  timer: { label: string; durationMs: number } | null;
  projector: ProjectorView | null;
  votingOpen: boolean | null;
}

/** What "Volgende stap" changes for `step`, with the meeting's boards found by template. */
export const stepControl = (step: DraaiboekStep, boards: readonly Board[], state: DraaiboekState = EMPTY_DRAAIBOEK): StepControl => {
  let send: StepControl['send'] = null;
  if (step.send) {
    const bySide: Send['bySide'] = {};
    for (const side of SIDES) {
      const t = step.send[side];
      const board = t ? boardsOfTemplate(boards, t)[0] : undefined;
      if (board) bySide[side] = board.id;
    }
    send = { bySide, byPerson: {} };
  }
  const minutes = plannedMinutes(step, boards, state);
  const projector = step.beamer
    ? {
        mode: step.beamer.mode,
        // One board shows the first; side by side and merged show every board of the templates.
        boards: step.beamer.templates.flatMap((t) => boardsOfTemplate(boards, t).map((b) => b.id)).slice(0, step.beamer.mode === 'board' ? 1 : undefined),
      }
    : null;
  return {
    send,
    // No label: every screen shows the step's name beside the timer already (the assignment), and a
    // long label pushed the tablet's header controls over each other.
    timer: minutes > 0 ? { label: '', durationMs: Math.min(MAX_TIMER_MS, Math.round(minutes * 60_000)) } : null,
    projector,
    votingOpen: step.voting === undefined ? null : step.voting === 'open',
  };
};

/**
 * The board the facilitator's own screen opens with a step: the board the
 * beamer shows (so "volg mij" and the facilitator agree), else where the
 * groups are sent (formeel's first), else the step's first board; null for
 * a step without boards (the facilitator stays where they are).
 */
export const stepBoardOf = (step: DraaiboekStep, boards: readonly Board[]): string | null => {
  const c = stepControl(step, boards);
  return c.projector?.boards[0] ?? c.send?.bySide.formeel ?? c.send?.bySide.informeel ?? (step.boards[0] ? (boardsOfTemplate(boards, step.boards[0])[0]?.id ?? null) : null);
};

/** Time spent on the current step up to `now` (standing still while paused). */
export const currentElapsed = (state: DraaiboekState, now: number): number =>
  state.current === null ? 0 : Math.max(0, (state.pausedAt ?? now) - state.startedAt);

export interface StepTime {
  id: string;
  plannedMs: number;
  usedMs: number;
  skipped: boolean;
  current: boolean;
  done: boolean;
}

export interface Timeline {
  steps: StepTime[];
  /** Everything spent so far, the current step included. */
  usedMs: number;
  /** The whole programme as planned, steps left out not counted. */
  plannedMs: number;
  /** What the plan had spent by the end of the current step. */
  plannedToHereMs: number;
  /** What is planned for the steps still to come after the current one. */
  plannedLeftMs: number;
  /**
   * How far behind the plan the meeting runs (negative: ahead): the steps
   * done took this much more than planned, plus the current step's overrun
   * once it runs over (a step under way is not "ahead" yet).
   */
  driftMs: number;
}

/** Time used against time planned, per step and for the whole meeting. */
export const timeline = (steps: readonly DraaiboekStep[], state: DraaiboekState, boards: readonly Board[], now: number): Timeline => {
  const at = steps.findIndex((s) => s.id === state.current);
  const list = steps.map((s, i): StepTime => {
    const current = i === at;
    return {
      id: s.id,
      plannedMs: plannedMinutes(s, boards, state) * 60_000,
      usedMs: (state.used[s.id] ?? 0) + (current ? currentElapsed(state, now) : 0),
      skipped: isSkipped(s, state),
      current,
      done: at >= 0 && i < at,
    };
  });
  const counted = list.filter((s) => !s.skipped);
  const sum = (xs: StepTime[], f: (s: StepTime) => number) => xs.reduce((n, s) => n + f(s), 0);
  const upTo = counted.filter((s) => list.indexOf(s) <= at);
  return {
    steps: list,
    usedMs: sum(list, (s) => s.usedMs),
    plannedMs: sum(counted, (s) => s.plannedMs),
    plannedToHereMs: sum(upTo, (s) => s.plannedMs),
    plannedLeftMs: sum(
      counted.filter((s) => list.indexOf(s) > at),
      (s) => s.plannedMs,
    ),
    driftMs:
      sum(
        list.filter((s) => s.done),
        (s) => s.usedMs - (s.skipped ? 0 : s.plannedMs),
      ) + (at >= 0 ? Math.max(0, list[at]!.usedMs - list[at]!.plannedMs) : 0),
  };
};

// ---------------------------------------------------------------------------
// Doing it: the facilitator's writes, each one transaction
// ---------------------------------------------------------------------------

const write = (doc: Y.Doc, state: DraaiboekState): void => {
  roots(doc).control.set(CONTROL_KEYS.draaiboek, {
    current: state.current,
    startedAt: state.startedAt,
    pausedAt: state.pausedAt,
    used: { ...state.used },
    skipped: [...state.skipped],
    minutes: { ...state.minutes },
    partsOff: [...state.partsOff],
  });
};

/**
 * Does a step, as "Volgende stap", "Vorige" or a tap on a step does: the
 * time of the step being left is booked, the groups are sent (per-person
 * destinations cleared), the timer starts with the step's minutes, the
 * beamer and voting are set; all in one transaction, so no screen ever
 * sees half a step. Going to a step also ends a pause. Returns false for
 * an id the programme does not have.
 */
export const goToStep = (doc: Y.Doc, steps: readonly DraaiboekStep[], id: string, now: number, origin: Origin = origins.user): boolean => {
  const step = stepById(steps, id);
  if (!step) return false;
  const state = draaiboekOf(doc);
  const boards = listBoards(doc);
  const ctl = stepControl(step, boards, state);
  const used = { ...state.used };
  if (state.current !== null) used[state.current] = (used[state.current] ?? 0) + currentElapsed(state, now);
  doc.transact(() => {
    write(doc, { ...state, current: step.id, startedAt: now, pausedAt: null, used });
    if (ctl.send) sendGroups(doc, ctl.send, origin);
    if (ctl.timer) startTimer(doc, { ...ctl.timer, now }, origin);
    else stopTimer(doc, origin);
    if (ctl.projector) setProjector(doc, ctl.projector, origin);
    if (ctl.votingOpen !== null) setVotingOpen(doc, ctl.votingOpen, origin);
  }, origin);
  return true;
};

/** "Volgende stap": the next step not left out (or not optional at all). Returns the step gone to, or null at the end. */
export const nextStep = (doc: Y.Doc, steps: readonly DraaiboekStep[], now: number, opts: { skipOptional?: boolean } = {}, origin: Origin = origins.user): string | null => {
  const id = nextStepId(steps, draaiboekOf(doc), opts);
  return id !== null && goToStep(doc, steps, id, now, origin) ? id : null;
};

/** "Vorige": back to the previous step, which starts again (its time adds to what it had). */
export const previousStep = (doc: Y.Doc, steps: readonly DraaiboekStep[], now: number, origin: Origin = origins.user): string | null => {
  const id = previousStepId(steps, draaiboekOf(doc));
  return id !== null && goToStep(doc, steps, id, now, origin) ? id : null;
};

/**
 * Pauses the meeting: the step's clock and the timer stand still until it
 * resumes, an hour or a week later. Nothing else changes, so the next
 * dagdeel starts where this one stopped.
 */
export const pauseMeeting = (doc: Y.Doc, now: number, origin: Origin = origins.user): boolean => {
  const state = draaiboekOf(doc);
  if (state.current === null || state.pausedAt !== null) return false;
  doc.transact(() => {
    write(doc, { ...state, pausedAt: now });
    pauseTimer(doc, now, origin);
  }, origin);
  return true;
};

export const resumeMeeting = (doc: Y.Doc, now: number, origin: Origin = origins.user): boolean => {
  const state = draaiboekOf(doc);
  if (state.pausedAt === null) return false;
  const away = Math.max(0, now - state.pausedAt);
  doc.transact(() => {
    write(doc, { ...state, startedAt: state.startedAt + away, pausedAt: null });
    resumeTimer(doc, now, origin);
  }, origin);
  return true;
};

/**
 * Leaves a whole part out of the meeting, or takes it back in: the plan
 * changes on the fly, before or during the meeting. The step being done
 * stays current (the facilitator moves on with "Volgende stap").
 */
export const setPartSkipped = (doc: Y.Doc, steps: readonly DraaiboekStep[], part: string, off: boolean, origin: Origin = origins.user): boolean => {
  if (!PART.test(part) || !steps.some((s) => s.part === part)) return false;
  const state = draaiboekOf(doc);
  const rest = state.partsOff.filter((x) => x !== part);
  doc.transact(() => write(doc, { ...state, partsOff: off ? [...rest, part] : rest }), origin);
  return true;
};

/** Leaves an optional step out of the plan, or takes it back in. A step that is not optional is always done. */
export const setStepSkipped = (doc: Y.Doc, steps: readonly DraaiboekStep[], id: string, skipped: boolean, origin: Origin = origins.user): boolean => {
  const step = stepById(steps, id);
  if (!step?.optional) return false;
  const state = draaiboekOf(doc);
  const rest = state.skipped.filter((x) => x !== id);
  doc.transact(() => write(doc, { ...state, skipped: skipped ? [...rest, id] : rest }), origin);
  return true;
};

/** Changes the plan on the fly: this step gets `minutes` (null: the manual's again). The running timer is left alone. */
export const setStepMinutes = (doc: Y.Doc, steps: readonly DraaiboekStep[], id: string, minutes: number | null, origin: Origin = origins.user): boolean => {
  if (!stepById(steps, id)) return false;
  if (minutes !== null && !(Number.isFinite(minutes) && minutes >= 0)) return false;
  const state = draaiboekOf(doc);
  const next = { ...state.minutes };
  if (minutes === null) delete next[id];
  else next[id] = Math.min(MAX_MINUTES, minutes);
  doc.transact(() => write(doc, { ...state, minutes: next }), origin);
  return true;
};

/**
 * "+5 min" / "−5 min" on the step being done: its planned minutes change,
 * and so does the running (or paused) timer, by the same amount; a timer
 * never goes below one second left or past the longest allowed. Returns
 * false before the first step.
 */
export const extendCurrentStep = (doc: Y.Doc, steps: readonly DraaiboekStep[], deltaMinutes: number, now: number, origin: Origin = origins.user): boolean => {
  const state = draaiboekOf(doc);
  const step = currentStep(steps, state);
  if (!step || !Number.isFinite(deltaMinutes) || deltaMinutes === 0) return false;
  const minutes = Math.max(1, Math.min(MAX_MINUTES, plannedMinutes(step, listBoards(doc), state) + deltaMinutes));
  const timer = readControl(roots(doc).control).timer;
  doc.transact(() => {
    write(doc, { ...state, minutes: { ...state.minutes, [step.id]: minutes } });
    if (!timer) return;
    const delta = deltaMinutes * 60_000;
    const durationMs = Math.max(1000, Math.min(MAX_TIMER_MS, timer.durationMs + delta));
    if (timer.pausedLeftMs !== null) {
      roots(doc).control.set(CONTROL_KEYS.timer, { ...timer, durationMs, pausedLeftMs: Math.max(1000, Math.min(durationMs, timer.pausedLeftMs + delta)) });
    } else {
      roots(doc).control.set(CONTROL_KEYS.timer, { ...timer, durationMs, endsAt: Math.max(now + 1000, Math.min(now + durationMs, timer.endsAt + delta)) });
    }
  }, origin);
  return true;
};
