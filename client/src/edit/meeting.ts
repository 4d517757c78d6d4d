import * as ops from '@bodem/shared';
import type { DraaiboekStep, IdeaVoting, Prep, ProjectorView, Send, Side } from '@bodem/shared';
import type * as Y from 'yjs';
import { write, type Writer } from './write.ts';

/**
 * The meeting's edits outside a board's poster: the facilitator's controls,
 * the board list, restoring from history, and votes. Each one is a single
 * call through `write`, so the facilitator-only ones are refused for anyone
 * else before anything reaches the document.
 */

const F = { need: 'facilitate' } as const;

export const startTimer = (w: Writer, label: string, durationMs: number, now: number) => write(w, (d) => ops.startTimer(d, { label, durationMs, now }), F);
export const pauseTimer = (w: Writer, now: number) => write(w, (d) => ops.pauseTimer(d, now), F);
export const resumeTimer = (w: Writer, now: number) => write(w, (d) => ops.resumeTimer(d, now), F);
export const stopTimer = (w: Writer) => write(w, (d) => ops.stopTimer(d), F);
export const sendGroups = (w: Writer, to: Pick<Send, 'bySide' | 'byPerson'>) => write(w, (d) => ops.sendGroups(d, to), F);
export const clearPersonalSend = (w: Writer, personId: string) => write(w, (d) => ops.clearPersonalSend(d, personId), F);
export const setPrep = (w: Writer, change: Partial<Prep>) => write(w, (d) => ops.setPrep(d, change), F);
export const setVotingOpen = (w: Writer, open: boolean) => write(w, (d) => ops.setVotingOpen(d, open), F);
export const setFollow = (w: Writer, on: boolean) => write(w, (d) => ops.setFollow(d, on), F);
export const setProjector = (w: Writer, view: ProjectorView) => write(w, (d) => ops.setProjector(d, view), F);
export const lockBoard = (w: Writer, boardId: string, reason: string | null) => write(w, (d) => ops.lockBoard(d, boardId, reason), F);
export const addBoard = (w: Writer, b: { template: string; title: string; fields?: readonly string[] }) => write(w, (d) => ops.addBoard(d, b), F);

/** Puts back what a board held at an earlier moment (one undo step, so it can be taken back). */
export const restoreItems = (w: Writer, past: Y.Doc, ids: readonly string[]) => write(w, (d) => ops.restoreItems(d, past, ids), F);
export const restoreBoard = (w: Writer, past: Y.Doc, boardId: string) => write(w, (d) => ops.restoreBoard(d, past, boardId), F);

/** A participant's dot on an idea; votes are not in the undo history (they are taken back with "Stem intrekken"). */
export const castVote = (w: Writer, targetId: string, participantId: string, at: number) => write(w, (d) => ops.castVote(d, targetId, participantId, at));
export const withdrawVote = (w: Writer, targetId: string, participantId: string) => write(w, (d) => ops.withdrawVote(d, targetId, participantId));

/** A board's ideas (part C): how many dots each person has, and whether they are open. The facilitator's. */
export const setIdeaVoteLimit = (w: Writer, boardId: string, limit: number) => write(w, (d) => ops.setIdeaVoteLimit(d, boardId, limit), F);
export const setIdeaVoting = (w: Writer, boardId: string, voting: IdeaVoting) => write(w, (d) => ops.setIdeaVoting(d, boardId, voting), F);

/** The draaiboek: each step's changes (groups, timer, beamer, voting) are one write, the facilitator's. */
type Steps = readonly DraaiboekStep[];
export const nextStep = (w: Writer, steps: Steps, now: number, opts: { skipOptional?: boolean } = {}) => write(w, (d) => ops.nextStep(d, steps, now, opts), F);
export const previousStep = (w: Writer, steps: Steps, now: number) => write(w, (d) => ops.previousStep(d, steps, now), F);
export const goToStep = (w: Writer, steps: Steps, id: string, now: number) => write(w, (d) => ops.goToStep(d, steps, id, now), F);
export const pauseMeeting = (w: Writer, now: number) => write(w, (d) => ops.pauseMeeting(d, now), F);
export const resumeMeeting = (w: Writer, now: number) => write(w, (d) => ops.resumeMeeting(d, now), F);
export const setPartSkipped = (w: Writer, steps: Steps, part: string, off: boolean) => write(w, (d) => ops.setPartSkipped(d, steps, part, off), F);
export const setStepSkipped = (w: Writer, steps: Steps, id: string, skipped: boolean) => write(w, (d) => ops.setStepSkipped(d, steps, id, skipped), F);
export const setStepMinutes = (w: Writer, steps: Steps, id: string, minutes: number | null) => write(w, (d) => ops.setStepMinutes(d, steps, id, minutes), F);
export const extendCurrentStep = (w: Writer, steps: Steps, deltaMinutes: number, now: number) => write(w, (d) => ops.extendCurrentStep(d, steps, deltaMinutes, now), F);

/**
 * The practice meeting's content (see templates/src/practice.ts), written by
 * the facilitator in one step: notes in their zones, the plans in the table.
 */
export const fillPractice = (
  w: Writer,
  plan: { notes: readonly { boardId: string; x: number; y: number; text: string }[]; agreements: readonly { boardId: string; wat: string; wie: string }[] },
  author: { id: string; side: Side | null },
  now: number,
) =>
  write(
    w,
    (d) =>
      d.transact(() => {
        for (const n of plan.notes) ops.addNote(d, { boardId: n.boardId, x: n.x, y: n.y, text: n.text, side: author.side, authorId: author.id, createdAt: now });
        for (const a of plan.agreements) ops.addAgreement(d, { boardId: a.boardId, wat: a.wat, wie: a.wie, authorId: author.id, createdAt: now });
      }, ops.origins.user),
    F,
  );

/** Gathering a personal board's notes: the facilitator asks, each owner's tablet asks its owner (edit/personal.ts shares). */
export const askGather = (w: Writer, boardId: string) => write(w, (d) => ops.askGather(d, boardId), F);
export const endGather = (w: Writer) => write(w, (d) => ops.endGather(d), F);
