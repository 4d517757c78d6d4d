import {
  addNote,
  allVotes,
  castVote,
  initMeeting,
  listBoards,
  lockBoard,
  notesOfBoard,
  readBoardState,
  readMeeting,
  roots,
  setChoice,
  setField,
  setNoteText,
  setVotingOpen,
  deleteItem,
  withdrawVote,
  type Writer,
} from '@bodem/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WriteGuard } from '../src/relay/writeGuard.ts';

const ANNA: Writer = { role: 'participant', sub: 'anna', side: 'formeel' };

/** The relay's copy of a meeting and a tablet in sync with it. */
const setup = () => {
  const relay = new Y.Doc();
  initMeeting(relay, {
    title: 'Bijeenkomst',
    createdAt: 1,
    boards: [
      { id: 'b1', template: 'valkuilen', title: 'Valkuilen' },
      { id: 'b2', template: 'vrij', title: 'Vrij' },
    ],
  });
  castVote(relay, 'b1', 'bilal', 10);
  lockBoard(relay, 'b2', 'Plenair');
  const guard = new WriteGuard(relay);
  const tablet = new Y.Doc();
  Y.applyUpdate(tablet, Y.encodeStateAsUpdate(relay));
  /** Sends what the tablet did since the last sync; the relay's answer goes back to the tablet. */
  const send = (writer: Writer = ANNA) => {
    const before = Y.encodeStateVector(relay);
    const { refusals: refused } = guard.apply(Y.encodeStateAsUpdate(tablet, Y.encodeStateVector(relay)), {}, writer);
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(relay, before));
    return refused.map((r) => r.offence);
  };
  return { relay, tablet, send };
};

const json = (d: Y.Doc) => JSON.stringify(readMeeting(d));

describe('WriteGuard', () => {
  it("takes back everything an update integrated before it threw (the relay reads updates first; this is the second line)", () => {
    const { relay, tablet } = setup();
    const guard = new WriteGuard(relay);
    const before = json(relay);
    const sv = Y.encodeStateVector(tablet);
    tablet.transact(() => {
      addNote(tablet, { boardId: 'b1', x: 1, y: 1, side: 'formeel', authorId: 'anna', createdAt: 1, text: 'binnengesmokkeld' });
      roots(tablet).meta.set('title', 'Gekaapt');
      lockBoard(tablet, 'b2', null);
      withdrawVote(tablet, 'b1', 'bilal');
    });
    const update = Y.encodeStateAsUpdate(tablet, sv);
    // Cut inside the delete set: the structs are read and integrated, then the read fails.
    const cut = update.subarray(0, update.length - 1);
    expect(() => Y.applyUpdate(new Y.Doc(), cut)).toThrow();
    const svBefore = Y.encodeStateVector(relay);
    const { refusals, fault } = guard.apply(cut, {}, ANNA);
    expect(fault).not.toBeNull();
    expect(refusals).toEqual([]);
    expect(json(relay)).toBe(before);
    // What goes out (the change and its undo) carries no content of it.
    const out = Y.encodeStateAsUpdate(relay, svBefore);
    expect(new TextDecoder().decode(out)).not.toContain('binnengesmokkeld');
    expect(new TextDecoder().decode(out)).not.toContain('Gekaapt');
    // The facilitator's own fault is thrown, as before.
    expect(() => guard.apply(new Uint8Array([1, 1, 1]), {}, { role: 'facilitator', sub: 'f' })).toThrow();
  });

  it('restores a board a participant deleted, with everything on its map', () => {
    const { relay, tablet, send } = setup();
    setChoice(relay, 'b1', 'rij-1', 'ja');
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(relay));
    const before = json(relay);
    roots(tablet).boards.delete('b1');
    expect(send()).toEqual(['boards']);
    expect(json(relay)).toBe(before);
    expect(json(tablet)).toBe(before);
    expect(readBoardState(roots(relay).boards.get('b1')!).choices).toEqual({ 'rij-1': 'ja' });
  });

  it("restores someone else's vote that a participant withdrew, and keeps the participant's own", () => {
    const { relay, tablet, send } = setup();
    withdrawVote(tablet, 'b1', 'bilal');
    expect(send()).toEqual(['vote-of-other']);
    castVote(tablet, 'b1', 'anna', 20);
    expect(send()).toEqual([]);
    expect(allVotes(relay).map((v) => v.participantId).sort()).toEqual(['anna', 'bilal']);
    expect(json(tablet)).toBe(json(relay));
  });

  it('takes back a nested type hidden inside a board, and an unlock', () => {
    const { relay, tablet, send } = setup();
    const hidden = new Y.Map<unknown>();
    roots(tablet).boards.get('b1')!.set('choice:rij-9', hidden);
    hidden.set('x', 1);
    lockBoard(tablet, 'b2', null);
    expect(send().sort()).toEqual(['board-setting', 'board-setting']);
    expect(roots(relay).boards.get('b1')!.get('choice:rij-9')).toBeUndefined();
    expect(readBoardState(roots(relay).boards.get('b2')!).locked).toBe('Plenair');
  });

  it('lets a participant type into an answer\'s text, and give an old board\'s field its first text; no other type under a field key', () => {
    const { relay, tablet, send } = setup();
    // An answer field of a board made before schema 5: the first words make its Y.Text.
    setField(tablet, 'b1', 'eigen', 'Opvoedcafé ');
    expect(send()).toEqual([]);
    setField(tablet, 'b1', 'eigen', 'Opvoedcafé in het buurthuis');
    expect(send()).toEqual([]);
    expect(readBoardState(roots(relay).boards.get('b1')!).fields.eigen).toBe('Opvoedcafé in het buurthuis');
    // A map (or an array) under a field key is still a hidden type.
    const hidden = new Y.Map<unknown>();
    roots(tablet).boards.get('b1')!.set('field:verstopt', hidden);
    hidden.set('x', 1);
    expect(send()).toEqual(['board-setting']);
    expect(roots(relay).boards.get('b1')!.get('field:verstopt')).toBeUndefined();
    // A Y.Text under a key that is no answer is the facilitator's.
    roots(tablet).boards.get('b1')!.set('title', new Y.Text('Gekaapt'));
    expect(send()).toEqual(['board-setting']);
    expect(roots(relay).boards.get('b1')!.get('title')).toBe('Valkuilen');
    expect(json(tablet)).toBe(json(relay));
  });

  it('lets a participant write notes, text and answers, even on a locked board, and refuses nothing of it', () => {
    const { relay, tablet, send } = setup();
    const id = addNote(tablet, { boardId: 'b2', x: 1, y: 1, side: 'formeel', authorId: 'anna', createdAt: 1 });
    setNoteText(tablet, id, 'tijdens het slot geschreven');
    setChoice(tablet, 'b1', 'rij-2', 'nee');
    expect(send()).toEqual([]);
    expect(notesOfBoard(relay, 'b2').map((n) => n.text)).toEqual(['tijdens het slot geschreven']);
    expect(json(tablet)).toBe(json(relay));
  });

  it('bounds items: author, side and createdAt from the writer on creation and never changed; text length; items per board', () => {
    const { relay, tablet, send } = setup();
    const own = addNote(tablet, { boardId: 'b1', x: 1, y: 1, side: 'formeel', authorId: 'anna', createdAt: Date.now() });
    expect(send()).toEqual([]);
    // Forged author, forged side, a createdAt in the future: the note is kept, with the token's values.
    for (const forged of [
      { side: 'formeel' as const, authorId: 'bilal', createdAt: 1 },
      { side: 'informeel' as const, authorId: 'anna', createdAt: 1 },
      { side: 'formeel' as const, authorId: 'anna', createdAt: Date.now() + 3_600_000 },
    ]) {
      const id = addNote(tablet, { boardId: 'b1', x: 2, y: 2, ...forged });
      expect(send()).toEqual([]);
      const kept = notesOfBoard(relay, 'b1').find((n) => n.id === id)!;
      expect(kept).toMatchObject({ authorId: 'anna', side: 'formeel' });
      expect(kept.createdAt).toBeLessThanOrEqual(Date.now());
      expect(notesOfBoard(tablet, 'b1').find((n) => n.id === id)).toEqual(kept);
      deleteItem(tablet, id);
      expect(send()).toEqual([]);
    }
    // Changing who made a note, or when, is refused; moving it is not.
    const note = () => roots(tablet).items.get(own)!;
    note().set('side', 'informeel');
    expect(send()).toEqual(['item-identity']);
    note().set('authorId', 'bilal');
    note().set('x', 50);
    expect(send()).toEqual(['item-identity']);
    // Only the forbidden key goes back; the move in the same update stays.
    expect(notesOfBoard(relay, 'b1')[0]).toMatchObject({ side: 'formeel', authorId: 'anna', x: 50 });
    note().set('x', 60);
    expect(send()).toEqual([]);
    // Deleting who made it (not overwriting) is written back too.
    note().delete('side');
    note().delete('createdAt');
    expect(send()).toEqual(['item-identity', 'item-identity']);
    expect(notesOfBoard(relay, 'b1')[0]).toMatchObject({ side: 'formeel', authorId: 'anna', x: 60 });
    expect(notesOfBoard(tablet, 'b1')[0]).toEqual(notesOfBoard(relay, 'b1')[0]);
    // Text: up to the bound, not one character more; a new note's text too.
    setNoteText(tablet, own, 'x'.repeat(1000));
    expect(send()).toEqual([]);
    (note().get('text') as Y.Text).insert(0, 'y');
    expect(send()).toEqual(['too-long']);
    expect(notesOfBoard(relay, 'b1')[0]!.text).toBe('x'.repeat(1000));
    const big = addNote(tablet, { boardId: 'b1', x: 3, y: 3, side: 'formeel', authorId: 'anna', createdAt: 1 });
    (roots(tablet).items.get(big)!.get('text') as Y.Text).insert(0, 'z'.repeat(5000));
    expect(send()).toEqual(['too-long']);
    roots(tablet).boards.get('b1')!.set('field:doel', 'q'.repeat(2000));
    expect(send()).toEqual(['too-long']);
    expect(json(tablet)).toBe(json(relay));
  });

  it('bounds items per board', () => {
    const relay = new Y.Doc();
    initMeeting(relay, { title: 'B', createdAt: 1, boards: [{ id: 'b1', template: 'vrij', title: 'V' }] });
    const guard = new WriteGuard(relay, { maxTextLength: 1000, itemsPerBoard: 3 });
    const tablet = new Y.Doc();
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(relay));
    const send = () => {
      const before = Y.encodeStateVector(relay);
      const { refusals } = guard.apply(Y.encodeStateAsUpdate(tablet, Y.encodeStateVector(relay)), {}, ANNA);
      Y.applyUpdate(tablet, Y.encodeStateAsUpdate(relay, before));
      return refusals.map((r) => r.offence);
    };
    for (let i = 0; i < 3; i++) addNote(tablet, { boardId: 'b1', x: i, y: i, side: 'formeel', authorId: 'anna', createdAt: 1 });
    expect(send()).toEqual([]);
    addNote(tablet, { boardId: 'b1', x: 9, y: 9, side: 'formeel', authorId: 'anna', createdAt: 1 });
    expect(send()).toEqual(['board-full']);
    expect(notesOfBoard(relay, 'b1')).toHaveLength(3);
  });

  it('takes votes only on things that exist, and only while voting is open', () => {
    const { relay, tablet, send } = setup();
    castVote(tablet, 'bestaat-niet', 'anna', 5);
    expect(send()).toEqual(['vote-target']);
    const note = addNote(tablet, { boardId: 'b1', x: 1, y: 1, side: 'formeel', authorId: 'anna', createdAt: 1 });
    castVote(tablet, note, 'anna', 5);
    expect(send()).toEqual([]);
    setVotingOpen(relay, false);
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(relay));
    castVote(tablet, 'b1', 'anna', 99);
    expect(send()).toEqual(['vote-closed']);
    withdrawVote(tablet, note, 'anna');
    expect(send()).toEqual(['vote-closed']);
    expect(allVotes(relay).filter((v) => v.participantId === 'anna').map((v) => v.targetId)).toEqual([note]);
  });

  it('refuses everything a projector would write, and nothing the facilitator writes', () => {
    const { relay, tablet, send } = setup();
    addNote(tablet, { boardId: 'b1', x: 1, y: 1, side: null, authorId: 'p', createdAt: 1 });
    expect(send({ role: 'projector', sub: 'p' })).toEqual(['projector']);
    expect(notesOfBoard(relay, 'b1')).toEqual([]);
    roots(tablet).boards.delete('b2');
    roots(tablet).meta.set('title', 'Nieuwe titel');
    expect(send({ role: 'facilitator', sub: 'f' })).toEqual([]);
    expect(listBoards(relay).map((b) => b.id)).toEqual(['b1']);
  });

  it('leaves no deleted note text behind in the document after ordinary deletions', () => {
    const { relay, tablet, send } = setup();
    const id = addNote(tablet, { boardId: 'b1', x: 1, y: 1, side: 'formeel', authorId: 'anna', createdAt: 1 });
    setNoteText(tablet, id, 'GEHEIM-verhaal');
    send();
    roots(tablet).items.delete(id);
    send();
    // Deleted content is garbage collected: a snapshot of the relay's document no longer holds the text.
    expect(Buffer.from(Y.encodeStateAsUpdate(relay)).toString('utf8')).not.toContain('GEHEIM');
  });
});
