import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  destinationOf,
  initMeeting,
  isPersonSide,
  noteSideOf,
  participantsLine,
  readSend,
  sendGroups,
  readControl,
  readMeeting,
  reportOutline,
  stampItem,
  roots,
  type Template,
} from '../src/index.ts';

const FREE: Template = { id: 'vrij', part: null, title: 'Vrij', instructions: '', background: '#fff', art: [], width: 1000, height: 800, zones: [] };

describe("a participant who is both formeel and informeel ('beide')", () => {
  it('is a side a person joins with, never a side of a note', () => {
    expect(['formeel', 'informeel', 'beide'].every(isPersonSide)).toBe(true);
    expect(isPersonSide('allebei')).toBe(false);
    expect([noteSideOf('formeel'), noteSideOf('informeel'), noteSideOf('beide'), noteSideOf(null)]).toEqual(['formeel', 'informeel', null, null]);
  });

  it('the relay stamps no side on their note, whatever it claimed', () => {
    const doc = new Y.Doc();
    initMeeting(doc, { title: 'x', createdAt: 1, boards: [{ id: 'b', template: 'vrij', title: 'Vrij' }] });
    const id = addNote(doc, { boardId: 'b', x: 1, y: 1, side: 'formeel', authorId: 'p1', createdAt: 1, text: 'Ik ben beide' });
    const item = roots(doc).items.get(id) as Y.Map<unknown>;
    expect(stampItem(item, { role: 'participant', sub: 'p1', side: 'beide' }, 10)).toBe(true);
    expect(item.get('side')).toBeNull();
    expect(stampItem(item, { role: 'participant', sub: 'p1', side: 'beide' }, 10)).toBe(false);
  });

  it('goes with the groups where both sides are sent to the same board; else waits for a destination of their own', () => {
    const both = { id: 'p1', side: 'beide' as const };
    expect(destinationOf({ seq: 1, bySide: { formeel: 'boom', informeel: 'boom' }, byPerson: {} }, both)).toBe('boom');
    expect(destinationOf({ seq: 2, bySide: { formeel: 'kracht-i', informeel: 'kracht-f' }, byPerson: {} }, both)).toBeNull();
    expect(destinationOf({ seq: 3, bySide: { formeel: 'kracht-i', informeel: 'kracht-f' }, byPerson: { p1: 'kracht-f' } }, both)).toBe('kracht-f');
    expect(destinationOf({ seq: 4, bySide: { formeel: 'boom' }, byPerson: {} }, both)).toBeNull();
  });

  it('can be sent as a group of their own ("Beide naar"), which goes before the both-sides rule; a person’s own destination still goes first', () => {
    const both = { id: 'p1', side: 'beide' as const };
    const formeel = { id: 'p2', side: 'formeel' as const };
    const split = { formeel: 'kracht-i', informeel: 'kracht-f' };
    expect(destinationOf({ seq: 1, bySide: { ...split, beide: 'eigen' }, byPerson: {} }, both)).toBe('eigen');
    // Both sides to one board, 'beide' elsewhere: their own group's board.
    expect(destinationOf({ seq: 2, bySide: { formeel: 'boom', informeel: 'boom', beide: 'kracht-f' }, byPerson: {} }, both)).toBe('kracht-f');
    expect(destinationOf({ seq: 3, bySide: { beide: 'kracht-f' }, byPerson: { p1: 'boom' } }, both)).toBe('boom');
    // Sending 'beide' moves nobody else.
    expect(destinationOf({ seq: 4, bySide: { beide: 'kracht-f' }, byPerson: {} }, formeel)).toBeNull();
  });

  it('a stored send keeps the beide group; anything else under bySide is dropped', () => {
    expect(readSend({ seq: 3, bySide: { formeel: 'a', beide: 'b', allebei: 'c', informeel: 7 }, byPerson: {} })).toEqual({ seq: 3, bySide: { formeel: 'a', beide: 'b' }, byPerson: {} });
    const doc = new Y.Doc();
    initMeeting(doc, { title: 'x', createdAt: 1, boards: [{ id: 'b', template: 'vrij', title: 'Vrij' }] });
    sendGroups(doc, { bySide: { formeel: 'b', informeel: 'b', beide: 'b' }, byPerson: {} });
    expect(readControl(roots(doc).control).send?.bySide).toEqual({ formeel: 'b', informeel: 'b', beide: 'b' });
  });

  it('is counted apart in the report, with names and organisation per side', () => {
    const doc = new Y.Doc();
    initMeeting(doc, { title: 'x', createdAt: 1, boards: [{ id: 'b', template: 'vrij', title: 'Vrij' }] });
    addNote(doc, { boardId: 'b', x: 1, y: 1, side: null, authorId: 'p3', createdAt: 2, text: 'Van beide kanten' });
    const o = reportOutline(readMeeting(doc), { template: () => FREE }, {
      names: true,
      people: [
        { id: 'p1', side: 'formeel', name: 'Anna', org: 'CJG' },
        { id: 'p2', side: 'informeel', name: 'Bilal', org: 'Moskee' },
        { id: 'p3', side: 'beide', name: 'Samira', org: 'Buurthuis' },
      ],
    });
    expect(o.participants.perSide).toEqual({ formeel: 1, informeel: 1, beide: 1 });
    expect(o.participants.unknownSide).toBe(0);
    expect(o.participants.groups.map((g) => [g.side, g.organisation, g.names])).toEqual([
      ['formeel', 'CJG', ['Anna']],
      ['informeel', 'Moskee', ['Bilal']],
      ['beide', 'Buurthuis', ['Samira']],
    ]);
    expect(participantsLine(o.participants)).toBe('1 formeel, 1 informeel, 1 formeel én informeel');
  });
});
