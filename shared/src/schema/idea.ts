import type * as Y from 'yjs';
import type { IdeaSpec, Template } from '../layout/template.ts';
import { zoneOfItem } from '../derive/zones.ts';
import type { Note } from './note.ts';
import { readBoardState, type BoardState } from './boardState.ts';
import { readVote, type Vote } from './vote.ts';

/**
 * Ideas on one board (part C: every group's own idea of working together,
 * or the five examples of the slides), each with its own dots.
 *
 * An idea is the template's (`Template.ideas`: a column of zones and a name
 * field), so the board needs no record per idea: what a group writes in
 * its column is the idea. A dot on an idea is an ordinary vote (one key per
 * target and participant in the votes root, never a counter) whose target
 * is `<boardId>~<ideaId>`; the relay checks that the board exists and its
 * template has that idea.
 *
 * The facilitator sets, on the board's own map (keys participants may not
 * write, see `isParticipantBoardKey`):
 * - `ideaVoteLimit`: dots per person across this board's ideas (the
 *   template's number until set);
 * - `ideaVoting`: 'open' or 'closed'. Until set, an idea takes dots once
 *   someone has written in it (a note in its zones or its name), so nobody
 *   votes on empty columns before the groups have written.
 */
export const IDEA_SEP = '~';

export type IdeaVoting = 'open' | 'closed' | 'auto';

export const ideaTarget = (boardId: string, ideaId: string): string => `${boardId}${IDEA_SEP}${ideaId}`;

/** The board and idea a vote's target names, or null when it names no idea. */
export const readIdeaTarget = (target: string): { boardId: string; ideaId: string } | null => {
  const i = target.indexOf(IDEA_SEP);
  if (i <= 0 || i === target.length - 1 || target.length > 200) return null;
  return { boardId: target.slice(0, i), ideaId: target.slice(i + 1) };
};

export interface IdeaSettings {
  /** Dots per person across the board's ideas. */
  limit: number;
  voting: IdeaVoting;
}

/** The facilitator's settings as a board's state holds them; the template's limit until set. */
export const ideaSettingsOf = (state: Pick<BoardState, 'ideaVoteLimit' | 'ideaVoting'>, template: Pick<Template, 'ideas'> | undefined): IdeaSettings => ({
  limit: state.ideaVoteLimit ?? template?.ideas?.voting.limit ?? 1,
  voting: state.ideaVoting ?? 'auto',
});

/** The facilitator's settings on a board's map, checked. */
export const readIdeaSettings = (board: Y.Map<unknown>, template: Pick<Template, 'ideas'> | undefined): IdeaSettings => ideaSettingsOf(readBoardState(board), template);

/**
 * Whether someone wrote in an idea: a note in one of its zones or a name in
 * its field. An idea the template prints (an example with its card) counts
 * as written.
 */
export const ideaWritten = (template: Template, idea: IdeaSpec, state: Pick<BoardState, 'fields'>, notes: readonly Note[]): boolean => {
  if (idea.fieldId && (state.fields[idea.fieldId] ?? '').trim()) return true;
  const zones = new Set(idea.zoneIds);
  if (template.zones.some((z) => zones.has(z.id) && z.card)) return true;
  return notes.some((n) => n.text.trim() && zones.has(zoneOfItem(template, n, template.noteSize)?.id ?? ''));
};

/** Whether an idea takes dots now: the board's voting, and in 'auto' whether it was written in. */
export const ideaOpen = (settings: IdeaSettings, written: boolean): boolean =>
  settings.voting === 'open' || (settings.voting === 'auto' && written);

export interface IdeaCount {
  id: string;
  label: string;
  /** The idea's name as the group wrote it (its field), if any. */
  name: string | null;
  count: number;
  written: boolean;
}

export interface IdeaTally {
  limit: number;
  voting: IdeaVoting;
  ideas: IdeaCount[];
  /** The ideas with the most dots (several on a tie; none before the first dot). */
  winners: string[];
  /** Counted dots per participant on this board. */
  used: Map<string, number>;
  /** Votes past a participant's limit (two tablets at once): they do not count. */
  excess: Vote[];
  /** Targets of the dots that count, per participant. */
  mine: (participantId: string) => Set<string>;
}

/**
 * Counts a board's dots with the limit per person across its ideas. As with
 * boards (`tallyVotes`), a person's earliest dots count and the rest do not,
 * so every peer counts the same whatever order the votes arrived in.
 */
export const tallyIdeas = (
  boardId: string,
  template: Template,
  settings: IdeaSettings,
  state: Pick<BoardState, 'fields'>,
  notes: readonly Note[],
  votes: readonly Vote[],
): IdeaTally => {
  const list = template.ideas?.list ?? [];
  const targets = new Map(list.map((i) => [ideaTarget(boardId, i.id), i.id]));
  const perPerson = new Map<string, Vote[]>();
  for (const v of votes) {
    if (!targets.has(v.targetId)) continue;
    perPerson.set(v.participantId, [...(perPerson.get(v.participantId) ?? []), v]);
  }
  const counts = new Map<string, number>();
  const used = new Map<string, number>();
  const counted = new Map<string, Set<string>>();
  const excess: Vote[] = [];
  for (const [person, vs] of perPerson) {
    vs.sort((a, b) => a.at - b.at || (a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0));
    const mine = new Set<string>();
    vs.forEach((v, i) => {
      if (i < settings.limit) {
        const idea = targets.get(v.targetId)!;
        counts.set(idea, (counts.get(idea) ?? 0) + 1);
        mine.add(v.targetId);
      } else excess.push(v);
    });
    used.set(person, mine.size);
    counted.set(person, mine);
  }
  const ideas = list.map((i) => ({
    id: i.id,
    label: i.label,
    name: (i.fieldId && state.fields[i.fieldId]?.trim()) || null,
    count: counts.get(i.id) ?? 0,
    written: ideaWritten(template, i, state, notes),
  }));
  const top = Math.max(0, ...ideas.map((i) => i.count));
  return {
    limit: settings.limit,
    voting: settings.voting,
    ideas,
    winners: top > 0 ? ideas.filter((i) => i.count === top).map((i) => i.id) : [],
    used,
    excess,
    mine: (p) => counted.get(p) ?? new Set(),
  };
};

/** The idea votes among `keys` of the votes root (for the relay's checks): board, idea and voter. */
export const ideaVotesIn = (keys: Iterable<string>): { key: string; boardId: string; ideaId: string; participantId: string }[] => {
  const out: { key: string; boardId: string; ideaId: string; participantId: string }[] = [];
  for (const key of keys) {
    const vote = readVote(key, 0);
    const idea = vote && readIdeaTarget(vote.targetId);
    if (vote && idea) out.push({ key, ...idea, participantId: vote.participantId });
  }
  return out;
};
