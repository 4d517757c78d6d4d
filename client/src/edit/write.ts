import type * as Y from 'yjs';
import type { Role } from '@bodem/shared';

/**
 * The one write path of the client. Every change a person makes goes
 * through `write`: it checks the writer may make it, marks the undo step and
 * runs the shared operation on the document. Components and the board
 * controller call the named edits of `./edits.ts`, never an operation on
 * `session.doc` (lint forbids importing the operations elsewhere), so a
 * permission check or an undo boundary cannot be forgotten.
 */
export interface Writer {
  readonly doc: Y.Doc;
  readonly undo: Pick<Y.UndoManager, 'stopCapturing'>;
  /** Not a projector, not a newer schema, not refused (MeetingSession.canWrite). */
  readonly canWrite: boolean;
  readonly role: Role;
}

/** Who may make a change: anyone who may write, or the facilitator only. */
export type Need = 'write' | 'facilitate';

/**
 * How a change sits in the undo history: `step` is one step of its own (a
 * tap, a drop, a button); `typing` joins the keystrokes of one pause into one
 * step (the UndoManager's capture timeout), as a text field does.
 */
export type Step = 'step' | 'typing';

export interface WriteOptions {
  need?: Need;
  step?: Step;
  /**
   * Whatever else the place of the change asks, already decided by its
   * owner: the board is not locked for this participant (BoardController).
   */
  open?: boolean;
}

/** Whether `writer` may make a change that needs `need`. */
export const mayWrite = (writer: Writer, need: Need = 'write', open = true): boolean =>
  open && writer.canWrite && (need === 'write' || writer.role === 'facilitator');

/**
 * Runs `change` on the writer's document if the writer may make it, as one
 * undo step (or as typing). Returns what the change returns, or `undefined`
 * when it was refused (nothing was written).
 */
export function write<T>(writer: Writer, change: (doc: Y.Doc) => T, options: WriteOptions = {}): T | undefined {
  const { need = 'write', step = 'step', open = true } = options;
  if (!mayWrite(writer, need, open)) return undefined;
  if (step === 'typing') return change(writer.doc);
  writer.undo.stopCapturing();
  try {
    return change(writer.doc);
  } finally {
    writer.undo.stopCapturing();
  }
}
