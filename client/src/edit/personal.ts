import * as ops from '@bodem/shared';
import { mayWrite, type Writer } from './write.ts';

/**
 * Sharing from a personal board (shared/src/schema/personal.ts): a note of
 * the personal document is copied into the meeting document as the
 * sharer's own new note. Two documents, one step each: the copy is an undo
 * step in the meeting (taking it back un-shares), the mark on the private
 * note one in the personal document. Nothing is written unless both may be.
 */
export const shareNote = (meeting: Writer, personal: Writer, noteId: string, author: { authorId: string; side: 'formeel' | 'informeel' | null }, now: number): string | null | undefined => {
  if (!mayWrite(meeting) || !mayWrite(personal)) return undefined;
  meeting.undo.stopCapturing();
  personal.undo.stopCapturing();
  try {
    return ops.shareNote(meeting.doc, personal.doc, noteId, author, now);
  } finally {
    meeting.undo.stopCapturing();
    personal.undo.stopCapturing();
  }
};

/** "Ja, deel mijn notities": every written, unshared note of the board copied into the meeting. Returns how many. */
export const shareAll = (meeting: Writer, personal: Writer, boardId: string, author: { authorId: string; side: 'formeel' | 'informeel' | null }, now: number): number => {
  if (!mayWrite(meeting) || !mayWrite(personal)) return 0;
  let n = 0;
  for (const id of ops.unsharedNotes(meeting.doc, personal.doc, boardId)) if (shareNote(meeting, personal, id, author, now)) n++;
  return n;
};
