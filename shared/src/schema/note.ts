import * as Y from 'yjs';
import { isNoteColor, type NoteColor } from './colors.ts';
import { isSide, type Side } from './side.ts';
import { cleanLine, cleanText, MAX_NOTE_LENGTH } from './text.ts';
import { asYText, num, str } from './values.ts';

/**
 * A sticky note. Its text is a Y.Text so two tablets editing the same note
 * offline both keep their words (a plain string would keep only one).
 * Position is the note's top-left corner in board coordinates.
 */
export interface Note {
  id: string;
  kind: 'note';
  boardId: string;
  x: number;
  y: number;
  /** Set only after a recolour; otherwise the colour follows `side`. */
  color: NoteColor | null;
  side: Side | null;
  authorId: string;
  createdAt: number;
  text: string;
  /**
   * The bundle this note belongs to: the id of the note it was first dropped
   * on. A key per note, never a list of members, so two people bundling at
   * once both succeed.
   */
  bundle: string | null;
  /**
   * On a letter (part G): whom it is to, the name after the printed
   * salutation ("Lieve …"). A field of its own, so the salutation is never
   * text the cursor can land in. Null on notes that are not letters.
   */
  to: string | null;
}

/** Longest addressee of a letter ("Lieve …"). */
export const MAX_ADDRESSEE_LENGTH = 80;

/** Ids are short URL-safe strings; anything else in a reference is ignored. */
export const isId = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v);

export const NOTE_SIZE = { width: 180, height: 140 } as const;

export const readNote = (id: string, map: Y.Map<unknown>): Note | null => {
  if (map.get('kind') !== 'note') return null;
  const text = asYText(map.get('text'));
  const boardId = str(map.get('boardId'));
  if (!boardId) return null;
  const color = map.get('color');
  const side = map.get('side');
  return {
    id,
    kind: 'note',
    boardId,
    x: num(map.get('x'), 0),
    y: num(map.get('y'), 0),
    color: isNoteColor(color) ? color : null,
    side: isSide(side) ? side : null,
    authorId: str(map.get('authorId')),
    createdAt: num(map.get('createdAt'), 0, Number.MAX_SAFE_INTEGER),
    text: cleanText(text ? text.toString() : '', MAX_NOTE_LENGTH),
    bundle: isId(map.get('bundle')) ? (map.get('bundle') as string) : null,
    to: readAddressee(map),
  };
};

/**
 * What moving and bundling read of a note: its place, age and bundle link,
 * not its words (reading a Y.Text is what makes a pass over a whole board slow).
 * The same values readNote gives for these fields.
 */
export type NotePlace = Pick<Note, 'id' | 'kind' | 'boardId' | 'x' | 'y' | 'createdAt' | 'bundle'>;

export const readNotePlace = (id: string, map: Y.Map<unknown>): NotePlace | null => {
  if (map.get('kind') !== 'note') return null;
  const boardId = str(map.get('boardId'));
  if (!boardId) return null;
  return {
    id,
    kind: 'note',
    boardId,
    x: num(map.get('x'), 0),
    y: num(map.get('y'), 0),
    createdAt: num(map.get('createdAt'), 0, Number.MAX_SAFE_INTEGER),
    bundle: isId(map.get('bundle')) ? (map.get('bundle') as string) : null,
  };
};

export interface NewNote {
  boardId: string;
  x: number;
  y: number;
  side: Side | null;
  authorId: string;
  createdAt: number;
  text?: string;
  /** Given (even '') on a letter board: the note gets its addressee field. */
  to?: string;
}

const readAddressee = (map: Y.Map<unknown>): string | null => {
  const to = map.get('to');
  if (to === undefined) return null;
  return cleanLine(asYText(to)?.toString() ?? str(to), MAX_ADDRESSEE_LENGTH);
};

export const writeNote = (n: NewNote): Y.Map<unknown> => {
  const map = new Y.Map<unknown>();
  map.set('kind', 'note');
  map.set('boardId', n.boardId);
  map.set('x', n.x);
  map.set('y', n.y);
  map.set('side', n.side);
  map.set('authorId', n.authorId);
  map.set('createdAt', n.createdAt);
  map.set('text', new Y.Text(cleanText(n.text ?? '', MAX_NOTE_LENGTH)));
  if (n.to !== undefined) map.set('to', new Y.Text(cleanText(n.to, MAX_ADDRESSEE_LENGTH)));
  return map;
};
