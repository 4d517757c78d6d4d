import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  addStroke,
  deleteItems,
  initMeeting,
  itemsOfBoard,
  MAX_STROKE_POINTS,
  origins,
  readStroke,
  readMeeting,
  roots,
  thinPoints,
} from '../src/index.ts';
import { countUpdates, exchange, replica } from './docs.ts';

const meeting = (): Y.Doc => {
  const doc = new Y.Doc();
  initMeeting(doc, { title: 'Pen', createdAt: 1, boards: [{ id: 'b1', template: 'vrij', title: 'Vrij bord' }] });
  return doc;
};

const line = (n: number, pressure = 0.5): number[] => Array.from({ length: n }, (_, i) => [i * 3.14159, 100 + Math.sin(i) * 20, pressure]).flat();

describe('pen strokes', () => {
  it('writes a finished line once, in one transaction, and reads it back rounded to a tenth', () => {
    const doc = meeting();
    const updates = countUpdates(doc);
    const id = addStroke(doc, { boardId: 'b1', points: line(50, 0.7), color: 'blauw', width: 12, authorId: 'anna', createdAt: 5 })!;
    expect(updates()).toBe(1);
    const s = readStroke(id, roots(doc).items.get(id)!)!;
    expect(s).toMatchObject({ kind: 'stroke', boardId: 'b1', color: 'blauw', width: 12, authorId: 'anna' });
    expect(s.points).toHaveLength(150);
    expect(s.points[3]).toBe(3.1);
    expect(s.points[2]).toBe(0.7);
    expect(readMeeting(doc).strokes.map((x) => x.id)).toEqual([id]);
    expect(itemsOfBoard(doc, 'b1').map((i) => i.kind)).toEqual(['stroke']);
  });

  it('thins a very long line to the cap, keeping its first and last point', () => {
    const points = line(MAX_STROKE_POINTS * 3);
    const thin = thinPoints(points);
    expect(thin.length).toBe(MAX_STROKE_POINTS * 3);
    expect(thin.slice(0, 3)).toEqual(points.slice(0, 3));
    expect(thin.slice(-3)).toEqual(points.slice(-3));
    expect(thinPoints(line(10))).toEqual(line(10));
  });

  it('writes nothing for a dot without a line, and refuses an unknown board', () => {
    const doc = meeting();
    const updates = countUpdates(doc);
    expect(addStroke(doc, { boardId: 'b1', points: [], color: 'zwart', width: 12, authorId: 'a', createdAt: 1 })).toBeNull();
    expect(updates()).toBe(0);
    expect(() => addStroke(doc, { boardId: 'weg', points: line(5), color: 'zwart', width: 12, authorId: 'a', createdAt: 1 })).toThrow(/unknown board/);
  });

  it('reads what another peer wrote as untrusted: bad points dropped, pressure clamped, unknown ink to black', () => {
    const doc = meeting();
    const m = new Y.Map<unknown>();
    roots(doc).items.set('s', m);
    m.set('kind', 'stroke');
    m.set('boardId', 'b1');
    m.set('points', [1, 2, 9, 'x', 3, 0.5, 4, 5, -1, Number.NaN, 1, 1]);
    m.set('color', 'paars');
    m.set('width', 'dik');
    const s = readStroke('s', m)!;
    expect(s.points).toEqual([1, 2, 1, 4, 5, 0]);
    expect(s.color).toBe('zwart');
    expect(s.width).toBe(12);
    m.set('points', 'veel');
    expect(readStroke('s', m)).toBeNull();
  });

  it('erases several lines in one transaction and one undo step; two tablets converge', () => {
    const doc = meeting();
    const other = replica(doc);
    const a = addStroke(doc, { boardId: 'b1', points: line(5), color: 'zwart', width: 12, authorId: 'a', createdAt: 1 }, origins.template)!;
    const b = addStroke(doc, { boardId: 'b1', points: line(6), color: 'rood', width: 6, authorId: 'a', createdAt: 2 }, origins.template)!;
    const note = addNote(doc, { boardId: 'b1', x: 0, y: 0, side: null, authorId: 'a', createdAt: 3 }, origins.template);
    const undo = new Y.UndoManager(roots(doc).items, { trackedOrigins: new Set([origins.user]) });
    const updates = countUpdates(doc);
    expect(deleteItems(doc, [a, b, 'weg'])).toBe(2);
    expect(updates()).toBe(1);
    expect(itemsOfBoard(doc, 'b1').map((i) => i.id)).toEqual([note]);
    undo.undo();
    expect(itemsOfBoard(doc, 'b1').map((i) => i.kind).sort()).toEqual(['note', 'stroke', 'stroke']);
    exchange(doc, other);
    expect(readMeeting(other)).toEqual(readMeeting(doc));
    expect(deleteItems(doc, ['weg'])).toBe(0);
  });
});
