import * as Y from 'yjs';
import { newId } from '../ids.ts';
import { origins, type Origin } from '../origins.ts';
import { roots } from './roots.ts';
import { asYMap, asYText } from './values.ts';
import { writeNote } from './note.ts';
import { isNoteColor } from './colors.ts';
import { cleanText, MAX_NOTE_LENGTH } from './text.ts';
import { MAX_ADDRESSEE_LENGTH } from './note.ts';

/**
 * Personal boards ("Wat is je eigen kracht?", the letters of part G): what
 * a person writes on them is theirs until they share it. It never enters
 * the meeting document, which the relay sends whole to every socket: it
 * lives in a document of its own per person and meeting, the personal
 * room `<meetingId>/p/<sub>`, which the relay serves to that person's token
 * only. Sharing copies a note into the meeting document (through the
 * ordinary write path, as the owner's own new note); "gathering" is the
 * facilitator asking everyone to share, each tablet asking its owner first.
 *
 * The personal document has the meeting document's schema, with only the
 * `items` root in use (the relay refuses every other root), and items only
 * of the meeting's personal boards.
 */

/** The path segment between a meeting and a person in a personal room's name. */
export const PERSONAL_SEGMENT = 'p';

/** A token's `sub` as it may appear in a room name (the join API issues these). */
export const ROOM_SUB = /^[A-Za-z0-9_-]{1,64}$/;

/** The room of `sub`'s personal document in meeting `meetingId`. */
export const personalRoom = (meetingId: string, sub: string): string => `${meetingId}/${PERSONAL_SEGMENT}/${sub}`;

/** Documents that are someone's personal document (they hold items of boards the meeting document lists). */
const personalDocs = new WeakSet<Y.Doc>();

/** Marks `doc` as a personal document: items may be added to boards it does not list itself. */
export const markPersonalDoc = (doc: Y.Doc): Y.Doc => {
  personalDocs.add(doc);
  return doc;
};

export const isPersonalDoc = (doc: Y.Doc): boolean => personalDocs.has(doc);

/** The key on a personal note that names its shared copy in the meeting document. */
export const SHARED_AS_KEY = 'sharedAs';

/** The id of the shared copy of a personal note, or null when it was not shared. */
export const sharedCopyOf = (personal: Y.Doc, noteId: string): string | null => {
  const v = asYMap(roots(personal).items.get(noteId))?.get(SHARED_AS_KEY);
  return typeof v === 'string' && v.length <= 64 ? v : null;
};

/**
 * Shares one personal note: a copy of it (words, addressee, place, colour)
 * becomes a new note of the same board in the meeting document, and the
 * personal note remembers the copy (so sharing twice does not copy twice).
 * Returns the copy's id, or null when there is nothing to share. The
 * meeting document's relay stamps the copy as the sharer's own.
 */
export const shareNote = (
  meeting: Y.Doc,
  personal: Y.Doc,
  noteId: string,
  author: { authorId: string; side: 'formeel' | 'informeel' | null },
  now: number,
  origin: Origin = origins.user,
): string | null => {
  const m = asYMap(roots(personal).items.get(noteId));
  if (!m || m.get('kind') !== 'note') return null;
  const boardId = m.get('boardId');
  if (typeof boardId !== 'string' || !roots(meeting).boards.has(boardId)) return null;
  const already = sharedCopyOf(personal, noteId);
  if (already && roots(meeting).items.has(already)) return already;
  const text = cleanText(asYText(m.get('text'))?.toString() ?? '', MAX_NOTE_LENGTH);
  const toText = asYText(m.get('to'));
  const color = m.get('color');
  const id = newId();
  meeting.transact(() => {
    const copy = writeNote({
      boardId,
      x: typeof m.get('x') === 'number' ? (m.get('x') as number) : 0,
        y: typeof m.get('y') === 'number' ? (m.get('y') as number) : 0,
        text,
        authorId: author.authorId,
        side: author.side,
        createdAt: now,
        ...(toText ? { to: cleanText(toText.toString(), MAX_ADDRESSEE_LENGTH) } : {}),
    });
    if (isNoteColor(color)) copy.set('color', color);
    roots(meeting).items.set(id, copy);
  }, origin);
  personal.transact(() => m.set(SHARED_AS_KEY, id), origin);
  return id;
};

/** The personal notes of `boardId` that have words and were not shared yet (what gathering would copy). */
export const unsharedNotes = (meeting: Y.Doc, personal: Y.Doc, boardId: string): string[] => {
  const out: string[] = [];
  roots(personal).items.forEach((v, id) => {
    const m = asYMap(v);
    if (!m || m.get('kind') !== 'note' || m.get('boardId') !== boardId) return;
    const copy = sharedCopyOf(personal, id);
    if (copy && roots(meeting).items.has(copy)) return;
    if ((asYText(m.get('text'))?.toString() ?? '').trim() === '' && (asYText(m.get('to'))?.toString() ?? '').trim() === '') return;
    out.push(id);
  });
  return out;
};
