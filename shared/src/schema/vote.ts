import { num } from './values.ts';

/**
 * A dot. Votes live in one root map with one key per (target, participant),
 * never a counter: two people voting at once both count, and one person
 * cannot vote twice on the same thing. The value is when the vote was cast,
 * which decides which votes count when someone went over the limit.
 */
export interface Vote {
  targetId: string;
  participantId: string;
  at: number;
}

const SEP = '|';

export const voteKey = (targetId: string, participantId: string): string => `${targetId}${SEP}${participantId}`;

export const readVote = (key: string, value: unknown): Vote | null => {
  const i = key.indexOf(SEP);
  if (i <= 0 || i === key.length - 1) return null;
  const at = num(value, -1, Number.MAX_SAFE_INTEGER);
  if (at < 0) return null;
  return { targetId: key.slice(0, i), participantId: key.slice(i + 1), at };
};
