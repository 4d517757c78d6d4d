import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  fieldText,
  initMeeting,
  migrate,
  noteById,
  noteWords,
  readBoardState,
  roots,
  SCHEMA_VERSION,
  setLetterAddressee,
  setNoteText,
} from '../src/index.ts';
import { exchange, replica } from './docs.ts';

const LETTER = { salutation: 'Lieve' };

describe('schema 5: answers are texts', () => {
  it('turns answers written as strings by schema 4 into texts with the same words, once', () => {
    const doc = new Y.Doc();
    initMeeting(doc, { title: 'Oud', createdAt: 1, boards: [{ id: 'b', template: 'voorbeeld', title: 'Idee' }] });
    const board = roots(doc).boards.get('b')!;
    doc.transact(() => {
      roots(doc).meta.set('schemaVersion', 4);
      board.set('field:vorm', 'Opvoedcafé in het buurthuis');
      board.set('choice:rij', 'ja');
    });
    expect(migrate(doc)).toEqual({ status: 'migrated', from: 4, version: SCHEMA_VERSION });
    expect(fieldText(board, 'vorm')?.toString()).toBe('Opvoedcafé in het buurthuis');
    expect(board.get('choice:rij')).toBe('ja');
    expect(readBoardState(board).fields).toEqual({ vorm: 'Opvoedcafé in het buurthuis' });
    const text = fieldText(board, 'vorm');
    expect(migrate(doc)).toEqual({ status: 'current', version: SCHEMA_VERSION });
    expect(fieldText(board, 'vorm')).toBe(text);
  });
});

describe('letters (part G)', () => {
  const meeting = () => {
    const doc = new Y.Doc();
    initMeeting(doc, { title: 'G', createdAt: 1, boards: [{ id: 'g', template: 'wens', title: 'Een wens voor de toekomst' }] });
    return doc;
  };

  it('a letter has its addressee as a field of its own; the salutation is printed, never stored', () => {
    const doc = meeting();
    const id = addNote(doc, { boardId: 'g', x: 0, y: 0, side: 'informeel', authorId: 'a', createdAt: 1, to: '' });
    let typed = '';
    for (const ch of 'Stichting Al Amal ') {
      typed += ch;
      setLetterAddressee(doc, id, typed);
    }
    setNoteText(doc, id, 'Ik wens jullie veel succes.');
    const note = noteById(doc, id)!;
    expect(note.to).toBe('Stichting Al Amal');
    expect(note.text).toBe('Ik wens jullie veel succes.');
    expect(noteWords(note, LETTER)).toBe('Lieve Stichting Al Amal,\nIk wens jullie veel succes.');
  });

  it('an empty letter says nothing; a letter without an addressee still opens with the salutation', () => {
    const doc = meeting();
    const id = addNote(doc, { boardId: 'g', x: 0, y: 0, side: null, authorId: 'a', createdAt: 1, to: '' });
    expect(noteWords(noteById(doc, id)!, LETTER)).toBe('');
    setNoteText(doc, id, 'Een vraag: wanneer?');
    expect(noteWords(noteById(doc, id)!, LETTER)).toBe('Lieve,\nEen vraag: wanneer?');
  });

  it('a note that is no letter has no addressee, and cannot be given one', () => {
    const doc = meeting();
    const id = addNote(doc, { boardId: 'g', x: 0, y: 0, side: null, authorId: 'a', createdAt: 1, text: 'los' });
    expect(setLetterAddressee(doc, id, 'CJG')).toBe(false);
    expect(noteById(doc, id)!.to).toBeNull();
    expect(noteWords(noteById(doc, id)!, LETTER)).toBe('los');
  });

  it('two people writing the addressee at once both keep their words', () => {
    const doc = meeting();
    const id = addNote(doc, { boardId: 'g', x: 0, y: 0, side: null, authorId: 'a', createdAt: 1, to: 'CJG' });
    const other = replica(doc);
    setLetterAddressee(doc, id, 'CJG Den Haag');
    setLetterAddressee(other, id, 'het CJG');
    exchange(doc, other);
    expect(noteById(doc, id)!.to).toBe(noteById(other, id)!.to);
    expect(noteById(doc, id)!.to).toContain('Den Haag');
    expect(noteById(doc, id)!.to).toContain('het ');
  });
});
