import * as Y from 'yjs';
import { cleanLine } from './text.ts';
import { asYText, str } from './values.ts';

/**
 * What a board holds besides items: the answers picked in its rows
 * ("van toepassing? ja / nee / weet niet"), its one-line fields, and
 * whether the facilitator shows the reference answers. Flat keys on the
 * board's own map: a nested map created by two peers at once would lose one.
 */
const CHOICE = 'choice:';
const FIELD = 'field:';
const SHOW_REFERENCES = 'showReferences';
/**
 * The facilitator's verdict on a suggested reference match: one flat key per
 * reference answer and note (`match:<referenceId>:<noteId>`), so two
 * verdicts given at once never overwrite each other. Not a participant key,
 * so the relay refuses it from anyone but the facilitator.
 */
const MATCH = 'match:';
/** Set while the facilitator has locked the board; the value is the reason participants see. */
export const LOCK_KEY = 'locked';
export const MAX_LOCK_REASON = 160;

export const MAX_FIELD_LENGTH = 200;

/** The facilitator's settings of a board's ideas (schema/idea.ts): dots per person, and open/closed (absent: 'auto'). */
export const IDEA_VOTE_LIMIT_KEY = 'ideaVoteLimit';
export const IDEA_VOTING_KEY = 'ideaVoting';
export const MAX_IDEA_VOTE_LIMIT = 10;

export const choiceKey = (rowId: string) => CHOICE + rowId;
export const fieldKey = (fieldId: string) => FIELD + fieldId;
export const SHOW_REFERENCES_KEY = SHOW_REFERENCES;

/** Whether the facilitator confirmed that a note says a reference answer, or dismissed the suggestion. */
export type MatchVerdict = 'confirmed' | 'dismissed';
export const matchKey = (referenceId: string, noteId: string) => `${MATCH}${referenceId}:${noteId}`;
/** The key of `matches` in BoardState for a reference answer and a note. */
export const matchId = (referenceId: string, noteId: string) => `${referenceId}:${noteId}`;
const isVerdict = (v: unknown): v is MatchVerdict => v === 'confirmed' || v === 'dismissed';

/**
 * An answer field's own Y.Text on a board's map, if it has one. Boards made
 * since schema 5 get one per field of their template when they are created,
 * so two people typing the first words at once type into the same text.
 */
export const fieldText = (board: Y.Map<unknown>, fieldId: string): Y.Text | null => asYText(board.get(fieldKey(fieldId)));

/** A field key holding a Y.Text: the one shared type a participant may write inside a board's map. */
export const isFieldText = (board: Y.Map<unknown>, key: string): boolean => key.startsWith(FIELD) && board.get(key) instanceof Y.Text;

/** The answers anyone at the board may give; every other key of a board is the facilitator's. */
export const isParticipantBoardKey = (key: string): boolean => key.startsWith(CHOICE) || key.startsWith(FIELD);

/** A board with nothing on it yet. */
export const EMPTY_BOARD_STATE: BoardState = { choices: {}, fields: {}, showReferences: false, locked: null, matches: {}, ideaVoteLimit: null, ideaVoting: null };

export interface BoardState {
  choices: Record<string, string>;
  fields: Record<string, string>;
  showReferences: boolean;
  locked: string | null;
  /** The facilitator's verdicts on suggested reference matches, by `matchId(referenceId, noteId)`. */
  matches: Record<string, MatchVerdict>;
  /** Dots per person on the board's ideas as the facilitator set them (null: the template's). */
  ideaVoteLimit: number | null;
  /** The facilitator opened or closed the dots on the board's ideas (null: open per idea once written in). */
  ideaVoting: 'open' | 'closed' | null;
}

export const readBoardState = (map: Y.Map<unknown>): BoardState => {
  const choices: Record<string, string> = {};
  const fields: Record<string, string> = {};
  const matches: Record<string, MatchVerdict> = {};
  map.forEach((v, k) => {
    if (k.startsWith(CHOICE) && typeof v === 'string' && v) choices[k.slice(CHOICE.length)] = v.slice(0, 64);
    else if (k.startsWith(FIELD)) {
      // A Y.Text since schema 5 (two people typing at once both keep their words); a plain string before.
      const text = cleanLine(asYText(v)?.toString() ?? str(v), MAX_FIELD_LENGTH);
      if (text) fields[k.slice(FIELD.length)] = text;
    } else if (k.startsWith(MATCH) && isVerdict(v) && k.length <= 200) matches[k.slice(MATCH.length)] = v;
  });
  const lock = map.get(LOCK_KEY);
  const limit = map.get(IDEA_VOTE_LIMIT_KEY);
  const voting = map.get(IDEA_VOTING_KEY);
  return {
    choices,
    fields,
    showReferences: map.get(SHOW_REFERENCES) === true,
    locked: typeof lock === 'string' ? cleanLine(lock, MAX_LOCK_REASON) || ' ' : null,
    matches,
    ideaVoteLimit: typeof limit === 'number' && Number.isInteger(limit) && limit >= 1 && limit <= MAX_IDEA_VOTE_LIMIT ? limit : null,
    ideaVoting: voting === 'open' || voting === 'closed' ? voting : null,
  };
};
