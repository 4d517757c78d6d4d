import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBoard, addNote, asYText, initMeeting, markPersonalDoc, personalRoom, roots, shareNote, sharedCopyOf, unsharedNotes } from '../src/index.ts';

const meeting = () => {
  const doc = new Y.Doc();
  initMeeting(doc, { title: 'T', createdAt: 1, boards: [] });
  return doc;
};

describe('personal documents (schema/personal.ts)', () => {
  it('names the personal room of a person in a meeting', () => {
    expect(personalRoom('m1', 'abc')).toBe('m1/p/abc');
  });

  it('adds notes to boards the personal document does not list, only when marked personal', () => {
    const plain = new Y.Doc();
    expect(() => addNote(plain, { boardId: 'b', x: 0, y: 0, side: null, authorId: 'a', createdAt: 1 })).toThrow();
    const personal = markPersonalDoc(new Y.Doc());
    expect(addNote(personal, { boardId: 'b', x: 0, y: 0, side: null, authorId: 'a', createdAt: 1 })).toBeTruthy();
  });

  it('shares a note once: a copy with its words, addressee, place and colour, as the sharer\u2019s; gathering copies only written, unshared notes', () => {
    const m = meeting();
    const board = addBoard(m, { template: 'wens', title: 'Een wens voor de toekomst' });
    const p = markPersonalDoc(new Y.Doc());
    const letter = addNote(p, { boardId: board, x: 40, y: 50, side: 'formeel', authorId: 'anna', createdAt: 1, text: 'Blijf komen', to: 'Buurthuis' });
    roots(p).items.get(letter)!.set('color', 'groen');
    const empty = addNote(p, { boardId: board, x: 0, y: 0, side: 'formeel', authorId: 'anna', createdAt: 1, text: '  ' });
    const other = addNote(p, { boardId: board, x: 0, y: 0, side: 'formeel', authorId: 'anna', createdAt: 1, text: 'Tweede' });
    expect(unsharedNotes(m, p, board).sort()).toEqual([letter, other].sort());
    const copy = shareNote(m, p, letter, { authorId: 'anna', side: 'formeel' }, 5)!;
    const c = roots(m).items.get(copy)!;
    expect([asYText(c.get('text'))!.toString(), asYText(c.get('to'))!.toString(), c.get('x'), c.get('y'), c.get('color'), c.get('authorId'), c.get('boardId')]).toEqual(['Blijf komen', 'Buurthuis', 40, 50, 'groen', 'anna', board]);
    expect(sharedCopyOf(p, letter)).toBe(copy);
    expect(shareNote(m, p, letter, { authorId: 'anna', side: 'formeel' }, 6)).toBe(copy);
    expect(unsharedNotes(m, p, board)).toEqual([other]);
    // A shared copy deleted from the meeting: the note can be shared again.
    roots(m).items.delete(copy);
    expect(unsharedNotes(m, p, board).sort()).toEqual([letter, other].sort());
    expect(empty).toBeTruthy();
    // A board the meeting does not have: nothing to share into.
    const stray = addNote(p, { boardId: 'weg', x: 0, y: 0, side: null, authorId: 'anna', createdAt: 1, text: 'x' });
    expect(shareNote(m, p, stray, { authorId: 'anna', side: null }, 7)).toBeNull();
  });
});
