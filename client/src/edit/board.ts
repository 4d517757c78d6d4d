import * as ops from '@bodem/shared';
import type { AgreementField, MatchVerdict, NoteColor } from '@bodem/shared';
import { write, type Step, type Writer } from './write.ts';

type Omitted<T> = Omit<T, 'boardId'>;

/**
 * The edits of one board's poster, bound to the board and to whether it is
 * open to this writer (a locked board is closed to participants; the
 * BoardController decides). One method per thing a person does; each is one
 * call through `write`. Typing (a note's words, a field, an agreement cell)
 * joins the keystrokes of one pause into one undo step; everything else is
 * a step of its own.
 */
export class BoardEdits {
  constructor(
    private readonly writer: Writer,
    readonly boardId: string,
    private readonly open: () => boolean,
  ) {}

  /** Whether a change here would be written now. */
  get allowed(): boolean {
    return this.writer.canWrite && this.open();
  }

  private run<T>(change: Parameters<typeof write<T>>[1], step: Step = 'step'): T | undefined {
    return write(this.writer, change, { open: this.open(), step });
  }

  addNote(note: Omitted<Parameters<typeof ops.addNote>[1]>): string | undefined {
    return this.run((d) => ops.addNote(d, { ...note, boardId: this.boardId }));
  }

  addStroke(stroke: Omitted<Parameters<typeof ops.addStroke>[1]>): string | null | undefined {
    return this.run((d) => ops.addStroke(d, { ...stroke, boardId: this.boardId }));
  }

  addRoleCard(card: Omitted<Parameters<typeof ops.addRoleCard>[1]>): string | undefined {
    return this.run((d) => ops.addRoleCard(d, { ...card, boardId: this.boardId }));
  }

  addAgreement(a: Omitted<Parameters<typeof ops.addAgreement>[1]>): string | undefined {
    return this.run((d) => ops.addAgreement(d, { ...a, boardId: this.boardId }));
  }

  moveItem(id: string, x: number, y: number) {
    return this.run((d) => ops.moveItem(d, id, x, y));
  }

  deleteItem(id: string) {
    return this.run((d) => ops.deleteItem(d, id));
  }

  deleteItems(ids: readonly string[]) {
    return this.run((d) => ops.deleteItems(d, ids));
  }

  recolor(id: string, color: NoteColor) {
    return this.run((d) => ops.recolorNote(d, id, color));
  }

  /** Puts note `id` (and the bundle it heads) onto `targetId`'s bundle. */
  bundle(id: string, targetId: string) {
    return this.run((d) => ops.bundleNotes(d, id, targetId));
  }

  unbundle(id: string) {
    return this.run((d) => ops.unbundle(d, id));
  }

  choose(rowId: string, optionId: string | null) {
    return this.run((d) => ops.setChoice(d, this.boardId, rowId, optionId));
  }

  showReferences(shown: boolean) {
    return this.run((d) => ops.setReferencesShown(d, this.boardId, shown));
  }

  /**
   * The facilitator's verdict on a suggested reference match (one tap):
   * confirmed counts the reference as named, dismissed drops the suggestion,
   * null takes the verdict back. Nobody else's (the relay refuses it too).
   */
  judgeMatch(referenceId: string, noteId: string, verdict: MatchVerdict | null) {
    return write(this.writer, (d) => ops.setReferenceMatch(d, this.boardId, referenceId, noteId, verdict), { need: 'facilitate' });
  }

  setNoteText(id: string, text: string) {
    return this.run((d) => ops.setNoteText(d, id, text), 'typing');
  }

  setLetterAddressee(id: string, text: string) {
    return this.run((d) => ops.setLetterAddressee(d, id, text), 'typing');
  }

  setField(fieldId: string, text: string) {
    return this.run((d) => ops.setField(d, this.boardId, fieldId, text), 'typing');
  }

  setAgreementCell(id: string, field: AgreementField, text: string) {
    return this.run((d) => ops.setAgreementField(d, id, field, text), 'typing');
  }
}
