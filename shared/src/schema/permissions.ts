import * as Y from 'yjs';
import type { Role } from '../presence.ts';
import { isFieldText, isParticipantBoardKey } from './boardState.ts';
import { roots } from './roots.ts';
import { readVote } from './vote.ts';

/** What a writer is, as its verified token says. */
export interface Writer {
  role: Role;
  /** The participant id from the token. */
  sub: string;
}

/** Why a change was refused; logged by the relay (no content, no names). */
export type Offence = 'projector' | 'control' | 'meta' | 'boards' | 'board-setting' | 'vote-of-other' | 'unknown-root';

export interface Refusal {
  offence: Offence;
  /** The subtree whose changes are reverted. */
  scope: Y.AbstractType<unknown>;
}

/**
 * Which of a transaction's changes its writer was not allowed to make.
 * `changed` is `transaction.changed`: every type whose own content changed,
 * with the map keys that changed (null for list/text content).
 *
 * The facilitator may change anything. A participant writes items (notes,
 * role cards, strokes, agreements), their own votes, and the answers on a
 * board (`choice:`/`field:` keys); the controls, the meeting's metadata,
 * the set of boards and a board's settings (title, lock, reference answers
 * shown) are the facilitator's. Roots the schema does not know are nobody's. The projector writes nothing (the relay
 * drops its updates before they reach the document).
 *
 * Locked boards are not enforced here: a lock pauses the board on every
 * tablet, and work a tablet made offline before it saw the lock must not be
 * thrown away when it reconnects.
 */
export const refusedChanges = (
  doc: Y.Doc,
  changed: ReadonlyMap<Y.AbstractType<unknown>, ReadonlySet<string | null>>,
  writer: Writer,
): Refusal[] => {
  if (writer.role === 'facilitator') return [];
  const r = roots(doc);
  const refusals: Refusal[] = [];
  const refuse = (offence: Offence, scope: Y.AbstractType<unknown>) => {
    if (!refusals.some((x) => x.scope === scope)) refusals.push({ offence, scope });
  };
  for (const [type, keys] of changed) {
    // From the root down to the changed type.
    const path: Y.AbstractType<unknown>[] = [type];
    for (let t = type; t._item; t = t._item.parent as Y.AbstractType<unknown>) path.unshift(t._item.parent as Y.AbstractType<unknown>);
    const root = path[0]!;
    if (writer.role === 'projector') refuse('projector', root);
    else if (root === r.control) refuse('control', root);
    else if (root === r.meta) refuse('meta', root);
    else if (root === r.boards) {
      const board = path[1];
      // The set of boards itself, or anything nested inside a board's map (boards hold flat values only).
      if (!board) refuse('boards', root);
      else if (path.length === 3 && isAnswerText(board, type)) continue;
      else if (path.length > 2) refuse('board-setting', board);
      else if ([...keys].some((k) => k === null || !isParticipantBoardKey(k) || (holdsType(type, k) && !isFreshAnswerText(type, k)))) refuse('board-setting', board);
    } else if (root === r.votes) {
      const ownVotes = path.length === 1 && [...keys].every((k) => k !== null && readVote(k, 0)?.participantId === writer.sub && !holdsType(type, k));
      if (!ownVotes) refuse('vote-of-other', root);
    } else if (root !== r.items) {
      // A root this schema does not have: nobody reads it, so nobody may fill it.
      refuse('unknown-root', root);
    }
  }
  return refusals;
};

/** The text typed into an answer field: a Y.Text right under a board, at a `field:` key. */
const isAnswerText = (board: Y.AbstractType<unknown>, type: Y.AbstractType<unknown>): boolean => {
  const key = type._item?.parentSub;
  return type instanceof Y.Text && typeof key === 'string' && isFieldText(board as Y.Map<unknown>, key) && (board as Y.Map<unknown>).get(key) === type;
};

/**
 * A field of a board made before schema 5 gets its Y.Text with the first
 * answer; a Y.Text is the one shared type allowed under a `field:` key.
 */
const isFreshAnswerText = (board: Y.AbstractType<unknown>, key: string): boolean => isFieldText(board as Y.Map<unknown>, key);

/**
 * Whether a map key holds a shared type. Answers and votes are plain
 * values; a type created in the same transaction would hide its content
 * from `transaction.changed`.
 */
const holdsType = (map: Y.AbstractType<unknown>, key: string): boolean => (map as Y.Map<unknown>).get(key) instanceof Y.AbstractType;
