import * as Y from 'yjs';
import type { Role } from '../presence.ts';
import { isFieldText, isParticipantBoardKey } from './boardState.ts';
import { roots } from './roots.ts';
import { readVote } from './vote.ts';
import { CONTROL_KEYS } from '../control/control.ts';
import { keyInParent, pathFromRoot } from './yjsInternals.ts';
import { noteSideOf, type PersonSide } from './side.ts';
import type { Template } from '../layout/template.ts';
import { ideaOpen, ideaVotesIn, ideaWritten, readIdeaSettings, readIdeaTarget } from './idea.ts';
import { readBoardState } from './boardState.ts';
import { itemsOfBoard } from '../derive/items.ts';
import type { Note } from './note.ts';
import { asYMap } from './values.ts';

/** What a writer is, as its verified token says. */
export interface Writer {
  role: Role;
  /** The participant id from the token. */
  sub: string;
  /** The participant's side from the token (notes they create carry it; none for someone who is both). */
  side?: PersonSide | null;
}

/** Why a change was refused; logged by the relay (no content, no names). */
export type Offence =
  | 'projector'
  | 'control'
  | 'meta'
  | 'boards'
  | 'board-setting'
  | 'vote-of-other'
  | 'unknown-root'
  | 'item-identity'
  | 'too-long'
  | 'board-full'
  | 'vote-target'
  | 'vote-closed'
  | 'vote-limit'
  | 'update-too-large'
  | 'meeting-full'
  | 'personal-root'
  | 'personal-board';

/**
 * What the relay knows beyond the document when it judges a participant's
 * transaction: which types the transaction created, the time, and the
 * bounds (server/src/relay/limits.ts).
 */
export interface WriteContext {
  /** Whether `type` was created by the transaction being judged. */
  created(type: Y.AbstractType<unknown>): boolean;
  /** Now, ms since the epoch (an item's createdAt may not lie ahead of it by more than a few minutes). */
  now: number;
  /** Longest text (a note, a field, an agreement's part) and string value a participant may write. */
  maxTextLength: number;
  /** Most items (notes, role cards, strokes, agreements) one board may hold. */
  maxItemsPerBoard: number;
  /**
   * Called for an item the writer created with an author, a note side or a
   * createdAt that is not theirs: the relay writes the token's values over
   * them (stampItem), so honest work is kept and nothing is forged.
   */
  stamp(item: Y.Map<unknown>): void;
  /**
   * A new item the writer may not add (text past the bound, board full): the
   * relay removes it again. Exact, and it touches nothing else.
   */
  discard(id: string, offence: Offence): void;
  /**
   * A key of an existing item the writer may not change (who made it, when,
   * a string past the bound): the relay writes the previous value back.
   */
  revertKey(item: Y.Map<unknown>, key: string, offence: Offence): void;
  /**
   * The templates (`templates/`), by id: the relay needs a board's ideas to
   * judge a dot on an idea. Without it, dots on ideas are refused.
   */
  template?: (id: string) => Template | undefined;
  /**
   * Set when the document is a personal one (schema/personal.ts): only
   * items, and only of the meeting's personal boards, which this says (it
   * reads the meeting document's boards). Every other root is refused.
   */
  personal?: { isPersonalBoard(boardId: string): boolean };
}

/**
 * The token's values on an item a participant created: its author, a
 * note's side, and a createdAt no later than now. Returns whether anything
 * was written.
 */
export const stampItem = (item: Y.Map<unknown>, writer: Writer, now: number): boolean => {
  let changed = false;
  if (item.get('authorId') !== writer.sub) {
    item.set('authorId', writer.sub);
    changed = true;
  }
  if (item.get('kind') === 'note' && (item.get('side') ?? null) !== noteSideOf(writer.side)) {
    item.set('side', noteSideOf(writer.side));
    changed = true;
  }
  const createdAt = item.get('createdAt');
  if (typeof createdAt !== 'number' || !(createdAt <= now + CREATED_AHEAD_MS) || !(createdAt >= 0)) {
    item.set('createdAt', now);
    changed = true;
  }
  return changed;
};

/** The keys an item's creator sets once; participants never change them. */
const IDENTITY_KEYS = new Set(['authorId', 'side', 'createdAt']);
/** Clocks of tablets drift; a createdAt this far ahead of the relay's clock is a lie. */
const CREATED_AHEAD_MS = 5 * 60_000;

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
 * shown, the verdicts on suggested reference matches: `match:` keys, the limit and opening of the dots on its ideas) are the facilitator's. Roots the schema does not know are nobody's. The projector writes nothing (the relay
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
  ctx?: WriteContext,
): Refusal[] => {
  if (ctx?.personal) return personalRefusals(doc, changed, writer, ctx, ctx.personal);
  if (writer.role === 'facilitator') return [];
  const r = roots(doc);
  const refusals: Refusal[] = [];
  const refuse = (offence: Offence, scope: Y.AbstractType<unknown>) => {
    if (!refusals.some((x) => x.scope === scope)) refusals.push({ offence, scope });
  };
  for (const [type, keys] of changed) {
    // From the root down to the changed type.
    const path = pathFromRoot(type);
    const root = path[0]!;
    if (writer.role === 'projector') refuse('projector', root);
    else if (root === r.control) refuse('control', root);
    else if (root === r.meta) refuse('meta', root);
    else if (root === r.boards) {
      const board = path[1];
      // The set of boards itself, or anything nested inside a board's map (boards hold flat values only).
      if (!board) refuse('boards', root);
      else if (path.length === 3 && isAnswerText(board, type)) {
        // Typing into an answer: allowed, within the relay's text bound.
        if (ctx && tooLong(type, ctx.maxTextLength)) refuse('too-long', board);
      }
      else if (path.length > 2) refuse('board-setting', board);
      else if ([...keys].some((k) => k === null || !isParticipantBoardKey(k) || (holdsType(type, k) && !isFreshAnswerText(type, k)))) refuse('board-setting', board);
      else if (ctx && [...keys].some((k) => tooLong((type as Y.Map<unknown>).get(k!), ctx.maxTextLength))) refuse('too-long', board);
    } else if (root === r.votes) {
      const ownVotes = path.length === 1 && [...keys].every((k) => k !== null && readVote(k, 0)?.participantId === writer.sub && !holdsType(type, k));
      if (!ownVotes) refuse('vote-of-other', root);
      else if (ctx) {
        // Dots go on things that exist, while voting is open (casting and withdrawing alike).
        if (r.control.get(CONTROL_KEYS.voting) === 'closed') refuse('vote-closed', root);
        else if ([...keys].some((k) => r.votes.has(k!) && !voteTargetExists(doc, readVote(k!, 0)!.targetId, ctx))) refuse('vote-target', root);
        else {
          const offence = ideaVoteRefusal(doc, keys as ReadonlySet<string>, writer, ctx);
          if (offence) refuse(offence, root);
        }
      }
    } else if (root === r.items) {
      if (ctx) itemRefusals(doc, path, type, keys, writer, ctx, refuse);
    } else {
      // A root this schema does not have: nobody reads it, so nobody may fill it.
      refuse('unknown-root', root);
    }
  }
  return refusals;
};

/** The text typed into an answer field: a Y.Text right under a board, at a `field:` key. */
const isAnswerText = (board: Y.AbstractType<unknown>, type: Y.AbstractType<unknown>): boolean => {
  const key = keyInParent(type);
  return type instanceof Y.Text && typeof key === 'string' && isFieldText(board as Y.Map<unknown>, key) && (board as Y.Map<unknown>).get(key) === type;
};

/**
 * A field of a board made before schema 5 gets its Y.Text with the first
 * answer; a Y.Text is the one shared type allowed under a `field:` key.
 */
const isFreshAnswerText = (board: Y.AbstractType<unknown>, key: string): boolean => isFieldText(board as Y.Map<unknown>, key);

type Refuse = (offence: Offence, scope: Y.AbstractType<unknown>) => void;

const voteTargetExists = (doc: Y.Doc, target: string, ctx: WriteContext): boolean => {
  const r = roots(doc);
  if (r.items.has(target) || r.boards.has(target)) return true;
  const idea = readIdeaTarget(target);
  const board = idea && asYMap(r.boards.get(idea.boardId));
  const template = board && ctx.template?.(String(board.get('template')));
  return !!template?.ideas?.list.some((i) => i.id === idea!.ideaId);
};

/**
 * Dots on ideas (schema/idea.ts): cast and withdrawn only while the idea
 * takes dots (the board's voting open, or, until the facilitator says,
 * once someone wrote in the idea), and no more dots of one person on a
 * board's ideas than the limit. The relay sees a person's tablets one
 * after the other, so two tablets voting at once cannot pass the limit
 * together here.
 */
const ideaVoteRefusal = (doc: Y.Doc, keys: ReadonlySet<string>, writer: Writer, ctx: WriteContext): Offence | null => {
  const r = roots(doc);
  const touched = ideaVotesIn(keys);
  for (const boardId of new Set(touched.map((t) => t.boardId))) {
    const board = asYMap(r.boards.get(boardId));
    const template = board && ctx.template?.(String(board.get('template')));
    if (!board || !template?.ideas) return 'vote-target';
    const settings = readIdeaSettings(board, template);
    const state = readBoardState(board);
    const notes = itemsOfBoard(doc, boardId).filter((i): i is Note => i.kind === 'note');
    for (const t of touched.filter((x) => x.boardId === boardId)) {
      const idea = template.ideas.list.find((i) => i.id === t.ideaId);
      if (!idea) return 'vote-target';
      if (!ideaOpen(settings, ideaWritten(template, idea, state, notes))) return 'vote-closed';
    }
    if (!touched.some((t) => t.boardId === boardId && r.votes.has(t.key))) continue;
    // Casting: the writer's dots on this board's ideas, after the change, within the limit.
    let mine = 0;
    for (const v of ideaVotesIn(r.votes.keys())) if (v.boardId === boardId && v.participantId === writer.sub) mine++;
    if (mine > settings.limit) return 'vote-limit';
  }
  return null;
};

const tooLong = (v: unknown, max: number): boolean => (v instanceof Y.Text || typeof v === 'string') && v.length > max;

/**
 * Items: a participant creates them as themself (author and, for a note,
 * side from the token, createdAt not in the future: the relay stamps them),
 * never changes who made them or when, writes texts of bounded length, and a board holds a bounded
 * number of items.
 */
const itemRefusals = (
  doc: Y.Doc,
  path: Y.AbstractType<unknown>[],
  type: Y.AbstractType<unknown>,
  keys: ReadonlySet<string | null>,
  writer: Writer,
  ctx: WriteContext,
  refuse: Refuse,
): void => {
  const itemsMap = roots(doc).items;
  if (path.length === 1) {
    const boards = new Map<string, string[]>();
    for (const k of keys) {
      const item = k === null ? undefined : itemsMap.get(k);
      if (!(item instanceof Y.Map) || !ctx.created(item as unknown as Y.AbstractType<unknown>)) continue;
      const createdAt = item.get('createdAt');
      const wrongSide = item.get('kind') === 'note' && (item.get('side') ?? null) !== noteSideOf(writer.side);
      if (item.get('authorId') !== writer.sub || wrongSide || typeof createdAt !== 'number' || !(createdAt <= ctx.now + CREATED_AHEAD_MS) || !(createdAt >= 0))
        ctx.stamp(item);
      if ([...item.values()].some((v) => tooLong(v, ctx.maxTextLength))) {
        ctx.discard(k!, 'too-long');
        continue;
      }
      const board = item.get('boardId');
      if (typeof board === 'string') boards.set(board, [...(boards.get(board) ?? []), k!]);
    }
    if (boards.size > 0) {
      const counts = new Map<string, number>();
      for (const item of itemsMap.values()) {
        const board = item instanceof Y.Map ? item.get('boardId') : undefined;
        if (typeof board === 'string' && boards.has(board)) counts.set(board, (counts.get(board) ?? 0) + 1);
      }
      for (const [board, added] of boards) {
        const over = (counts.get(board) ?? 0) - ctx.maxItemsPerBoard;
        // The newest additions go: as many as the board is over.
        for (const id of added.slice(Math.max(0, added.length - over))) if (over > 0) ctx.discard(id, 'board-full');
      }
    }
    return;
  }
  if (path.length === 2) {
    // An existing item's own keys.
    const item = type as Y.Map<unknown>;
    for (const k of keys) {
      if (k === null) continue;
      if (IDENTITY_KEYS.has(k)) ctx.revertKey(item, k, 'item-identity');
      else if (tooLong(item.get(k), ctx.maxTextLength)) ctx.revertKey(item, k, 'too-long');
    }
    return;
  }
  if (type instanceof Y.Text && type.length > ctx.maxTextLength) refuse('too-long', path[path.length - 1]!);
};

/**
 * Whether a map key holds a shared type. Answers and votes are plain
 * values; a type created in the same transaction would hide its content
 * from `transaction.changed`.
 */
const holdsType = (map: Y.AbstractType<unknown>, key: string): boolean => (map as Y.Map<unknown>).get(key) instanceof Y.AbstractType;

/**
 * A personal document's owner writes items of personal boards, and nothing
 * else: not a root of the meeting's schema beside `items` (control, boards,
 * votes, meta), not an unknown one, not an item of a shared board, and an
 * item never moves to one. Within that, the item rules of the meeting
 * document hold (stamped as the owner's, bounded texts, bounded count).
 * The role does not matter: a facilitator's own personal document is
 * judged the same.
 */
const personalRefusals = (
  doc: Y.Doc,
  changed: ReadonlyMap<Y.AbstractType<unknown>, ReadonlySet<string | null>>,
  writer: Writer,
  ctx: WriteContext,
  personal: NonNullable<WriteContext['personal']>,
): Refusal[] => {
  const r = roots(doc);
  const refusals: Refusal[] = [];
  const refuse = (offence: Offence, scope: Y.AbstractType<unknown>) => {
    if (!refusals.some((x) => x.scope === scope)) refusals.push({ offence, scope });
  };
  const personalBoard = (v: unknown): boolean => typeof v === 'string' && personal.isPersonalBoard(v);
  for (const [type, keys] of changed) {
    const path = pathFromRoot(type);
    const root = path[0]!;
    if (writer.role === 'projector') refuse('projector', root);
    else if (root !== r.items) refuse('personal-root', root);
    else {
      if (path.length === 1) {
        for (const k of keys) {
          const item = k === null ? undefined : r.items.get(k);
          if (item instanceof Y.Map && ctx.created(item as unknown as Y.AbstractType<unknown>) && !personalBoard(item.get('boardId'))) ctx.discard(k!, 'personal-board');
          else if (k !== null && item !== undefined && !(item instanceof Y.Map)) ctx.discard(k, 'personal-board');
        }
      } else if (path.length === 2 && keys.has('boardId') && !personalBoard((type as Y.Map<unknown>).get('boardId'))) {
        ctx.revertKey(type as Y.Map<unknown>, 'boardId', 'personal-board');
      }
      itemRefusals(doc, path, type, keys, writer, ctx, refuse);
    }
  }
  return refusals;
};
