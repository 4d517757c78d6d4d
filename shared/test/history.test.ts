import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, boardThen, deleteItems, initMeeting, itemsOfBoard, moveItem, notesOfBoard, origins, pastDocument, restoreBoard, restoreItems, roots, setNoteText } from '../src/index.ts';

const meeting = () => {
  const doc = new Y.Doc();
  initMeeting(doc, { title: 'B', createdAt: 1, boards: [{ id: 'b1', template: 'vrij', title: 'Vrij' }, { id: 'b2', template: 'vrij', title: 'Ander' }] });
  const notes = [0, 1, 2].map((i) => {
    const id = addNote(doc, { boardId: 'b1', x: i * 10, y: 0, side: 'formeel', authorId: `p${i}`, createdAt: i + 1 });
    setNoteText(doc, id, `notitie ${i}`);
    return id;
  });
  const other = addNote(doc, { boardId: 'b2', x: 0, y: 0, side: 'informeel', authorId: 'q', createdAt: 9, text: 'elders' });
  return { doc, notes, other };
};

describe('history: a board as it was, and brought back', () => {
  it('shows which items of then are gone or changed now', () => {
    const { doc, notes } = meeting();
    const past = pastDocument(Y.encodeStateAsUpdate(doc));
    deleteItems(doc, [notes[0]!]);
    moveItem(doc, notes[1]!, 99, 99);
    const then = boardThen(doc, past, 'b1');
    expect(then.map((p) => [p.item.id, p.deleted, p.changed])).toEqual([
      [notes[0], true, false],
      [notes[1], false, true],
      [notes[2], false, false],
    ]);
  });

  it('brings a board back as one undo step: deleted notes return with text and author, later ones go, other boards untouched', () => {
    const { doc, notes, other } = meeting();
    const snapshot = Y.encodeStateAsUpdate(doc);
    const before = JSON.stringify(itemsOfBoard(doc, 'b1'));
    // Someone deletes every item of every board, then writes something new.
    deleteItems(doc, [...roots(doc).items.keys()]);
    addNote(doc, { boardId: 'b1', x: 5, y: 5, side: 'informeel', authorId: 'x', createdAt: 50, text: 'later' });
    const undo = new Y.UndoManager(roots(doc).items, { trackedOrigins: new Set([origins.user]) });
    const result = restoreBoard(doc, pastDocument(snapshot), 'b1');
    expect(result).toEqual({ restored: 3, removed: 1 });
    expect(JSON.stringify(itemsOfBoard(doc, 'b1'))).toBe(before);
    expect(notesOfBoard(doc, 'b2')).toEqual([]);
    // One step back undoes the whole restore.
    undo.undo();
    expect(notesOfBoard(doc, 'b1').map((n) => n.text)).toEqual(['later']);
    expect(undo.undoStack).toHaveLength(0);
    // Single notes: one of them, and the other board's.
    const past = pastDocument(snapshot);
    expect(restoreItems(doc, past, [notes[1]!, other])).toBe(2);
    expect(notesOfBoard(doc, 'b1').map((n) => n.text).sort()).toEqual(['later', 'notitie 1']);
    expect(notesOfBoard(doc, 'b2').map((n) => n.text)).toEqual(['elders']);
  });

  it('puts an edited note back as it was, and converges on a peer', () => {
    const { doc, notes } = meeting();
    const past = pastDocument(Y.encodeStateAsUpdate(doc));
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    setNoteText(doc, notes[0]!, 'overschreven');
    moveItem(doc, notes[0]!, 300, 300);
    restoreItems(doc, past, [notes[0]!]);
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(peer)));
    for (const d of [doc, peer]) expect(notesOfBoard(d, 'b1').find((n) => n.id === notes[0])).toMatchObject({ text: 'notitie 0', x: 0, y: 0 });
  });
});
