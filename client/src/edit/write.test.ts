import { asYText, initMeeting, origins, readBoardState, readControl, roots, type Role } from '@bodem/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardEdits } from './board.ts';
import { lockBoard, setVotingOpen, startTimer } from './meeting.ts';
import { mayWrite, write, type Writer } from './write.ts';

const writer = (role: Role, canWrite = true): Writer & { doc: Y.Doc; undo: Y.UndoManager } => {
  const doc = new Y.Doc();
  initMeeting(doc, { title: 'Proef', createdAt: 0, boards: [{ id: 'b1', template: 'kracht-informeel', title: 'Kracht' }] });
  const undo = new Y.UndoManager(roots(doc).items, { trackedOrigins: new Set([origins.user]) });
  return { doc, undo, canWrite, role };
};

describe('the one write path', () => {
  it('lets the facilitator alone make the facilitator’s changes', () => {
    expect(mayWrite(writer('facilitator'), 'facilitate')).toBe(true);
    expect(mayWrite(writer('participant'), 'facilitate')).toBe(false);
    expect(mayWrite(writer('participant'), 'write')).toBe(true);
    expect(mayWrite(writer('projector', false), 'write')).toBe(false);
    expect(mayWrite(writer('participant'), 'write', false)).toBe(false);
  });

  it('refuses before anything reaches the document: a participant’s timer, lock or voting switch writes nothing', () => {
    const w = writer('participant');
    const updates: Uint8Array[] = [];
    w.doc.on('update', (u: Uint8Array) => updates.push(u));
    expect(startTimer(w, 'Pauze', 60_000, 0)).toBeUndefined();
    expect(lockBoard(w, 'b1', 'dicht')).toBeUndefined();
    expect(setVotingOpen(w, true)).toBeUndefined();
    expect(updates).toHaveLength(0);
    const f = writer('facilitator');
    startTimer(f, 'Pauze', 60_000, 0);
    setVotingOpen(f, true);
    const c = readControl(roots(f.doc).control);
    expect(c.timer?.label).toBe('Pauze');
    expect(c.votingOpen).toBe(true);
  });

  it('takes a verdict on a reference match from the facilitator only', () => {
    const p = writer('participant');
    const f = writer('facilitator');
    const verdicts = (w: Writer) => readBoardState(roots(w.doc).boards.get('b1') as Y.Map<unknown>).matches;
    expect(new BoardEdits(p, 'b1', () => true).judgeMatch('ruimte-bieden', 'n1', 'confirmed')).toBeUndefined();
    expect(verdicts(p)).toEqual({});
    expect(new BoardEdits(f, 'b1', () => true).judgeMatch('ruimte-bieden', 'n1', 'confirmed')).toBe(true);
    expect(verdicts(f)).toEqual({ 'ruimte-bieden:n1': 'confirmed' });
  });

  it('makes each tap its own undo step, and joins the keystrokes of one pause into one', () => {
    const w = writer('participant');
    const edits = new BoardEdits(w, 'b1', () => true);
    const a = edits.addNote({ x: 10, y: 10, side: 'informeel', authorId: 'p1', createdAt: 1 })!;
    edits.addNote({ x: 300, y: 10, side: 'informeel', authorId: 'p1', createdAt: 2 });
    expect(w.undo.undoStack).toHaveLength(2);
    edits.setNoteText(a, 'Lu');
    edits.setNoteText(a, 'Luister');
    edits.setNoteText(a, 'Luisteren');
    expect(w.undo.undoStack).toHaveLength(3);
    w.undo.undo();
    expect(asYText(roots(w.doc).items.get(a)?.get('text'))?.toString()).toBe('');
  });

  it('writes nothing on a board that is closed to the writer (a lock), and nothing from a projector', () => {
    const w = writer('participant');
    let open = false;
    const edits = new BoardEdits(w, 'b1', () => open);
    expect(edits.addNote({ x: 10, y: 10, side: null, authorId: 'p1', createdAt: 1 })).toBeUndefined();
    expect(roots(w.doc).items.size).toBe(0);
    open = true;
    expect(edits.addNote({ x: 10, y: 10, side: null, authorId: 'p1', createdAt: 1 })).toBeTypeOf('string');
    const beamer = writer('projector', false);
    expect(new BoardEdits(beamer, 'b1', () => true).addNote({ x: 1, y: 1, side: null, authorId: '', createdAt: 1 })).toBeUndefined();
    expect(roots(beamer.doc).items.size).toBe(0);
  });

  it('returns undefined, not a half-made change, when a refused change would have thrown', () => {
    const w = writer('participant', false);
    expect(write(w, () => {
      throw new Error('never run');
    })).toBeUndefined();
  });
});

/** Every operation of @bodem/shared that writes (it takes an `origin`) — lint must keep it out of components. */
const sharedSources = import.meta.glob<string>(['../../../shared/src/**/*.ts', '!../../../shared/src/**/*.test.ts'], { query: '?raw', import: 'default', eager: true });
const lintConfig = import.meta.glob<string>('../../../.oxlintrc.json', { query: '?raw', import: 'default', eager: true });

const writingOperations = (): string[] => {
  const names: string[] = [];
  for (const src of Object.values(sharedSources)) {
    for (const m of src.matchAll(/export const (\w+) = \(\s*(?:now|doc): Y\.Doc[^)]*?origin: Origin/gs)) names.push(m[1]!);
  }
  return names.sort();
};

describe('lint keeps the operations behind the write path', () => {
  it('lists every writing operation of @bodem/shared as restricted outside client/src/edit', () => {
    const config = JSON.parse(Object.values(lintConfig)[0]!) as {
      overrides: { files: string[]; rules: Record<string, [string, { paths?: { name: string; importNames?: string[] }[] }]> }[];
    };
    const client = config.overrides.find((o) => o.files.includes('client/**'))!;
    const restricted = new Set(client.rules['no-restricted-imports']![1].paths?.find((p) => p.name === '@bodem/shared')?.importNames);
    const ops = writingOperations();
    expect(ops.length).toBeGreaterThan(25);
    expect(ops.filter((n) => !restricted.has(n))).toEqual([]);
  });
});
