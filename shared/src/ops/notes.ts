import type * as Y from 'yjs';
import { newId } from '../ids.ts';
import { origins, type Origin } from '../origins.ts';
import { isNoteColor, type NoteColor } from '../schema/colors.ts';
import { writeNote, type NewNote } from '../schema/note.ts';
import { roots } from '../schema/roots.ts';
import { cleanText, MAX_NOTE_LENGTH } from '../schema/text.ts';
import { asYMap, asYText, num } from '../schema/values.ts';

/**
 * Every change to notes goes through these functions: one transaction each,
 * with a typed origin, so undo tracks exactly the user's own edits.
 */

const noteMap = (doc: Y.Doc, id: string): Y.Map<unknown> | null => {
  const m = asYMap(roots(doc).items.get(id));
  return m && m.get('kind') === 'note' ? m : null;
};

export const addNote = (doc: Y.Doc, note: NewNote, origin: Origin = origins.user, id = newId()): string => {
  if (!roots(doc).boards.has(note.boardId)) throw new Error(`unknown board ${note.boardId}`);
  doc.transact(() => {
    roots(doc).items.set(id, writeNote({ ...note, x: num(note.x, 0), y: num(note.y, 0) }));
  }, origin);
  return id;
};

/** Commits a position; called on drop, never per frame (live drags go through awareness). */
export const moveNote = (doc: Y.Doc, id: string, x: number, y: number, origin: Origin = origins.user): boolean => {
  const m = noteMap(doc, id);
  if (!m) return false;
  const nx = num(x, 0);
  const ny = num(y, 0);
  if (m.get('x') === nx && m.get('y') === ny) return true;
  doc.transact(() => {
    m.set('x', nx);
    m.set('y', ny);
  }, origin);
  return true;
};

export const recolorNote = (doc: Y.Doc, id: string, color: NoteColor | null, origin: Origin = origins.user): boolean => {
  const m = noteMap(doc, id);
  if (!m || (color !== null && !isNoteColor(color))) return false;
  doc.transact(() => {
    if (color === null) m.delete('color');
    else m.set('color', color);
  }, origin);
  return true;
};

export const deleteNote = (doc: Y.Doc, id: string, origin: Origin = origins.user): boolean => {
  if (!noteMap(doc, id)) return false;
  doc.transact(() => roots(doc).items.delete(id), origin);
  return true;
};

/**
 * Replaces a note's text by writing only the changed middle part, so a
 * concurrent edit elsewhere in the same note survives the merge.
 */
export const setNoteText = (doc: Y.Doc, id: string, next: string, origin: Origin = origins.user): boolean => {
  const text = asYText(noteMap(doc, id)?.get('text'));
  if (!text) return false;
  const target = cleanText(next, MAX_NOTE_LENGTH);
  const current = text.toString();
  if (current === target) return true;
  let start = 0;
  const maxStart = Math.min(current.length, target.length);
  while (start < maxStart && current.charCodeAt(start) === target.charCodeAt(start)) start++;
  // Never split a surrogate pair (emoji, some scripts) at either edge. Step
  // back before measuring the suffix, so the suffix may use what the prefix
  // gave up: typing 😀 before 👍 (both D83D …) inserts 😀 instead of
  // rewriting 👍 too, which would undo a concurrent deletion of 👍.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  let end = 0;
  const maxEnd = Math.min(current.length, target.length) - start;
  while (
    end < maxEnd &&
    current.charCodeAt(current.length - 1 - end) === target.charCodeAt(target.length - 1 - end)
  )
    end++;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  doc.transact(() => {
    const removed = current.length - start - end;
    if (removed > 0) text.delete(start, removed);
    const inserted = target.slice(start, target.length - end);
    if (inserted) text.insert(start, inserted);
  }, origin);
  return true;
};

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
