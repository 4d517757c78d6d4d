import { describe, expect, it } from 'vitest';
import {
  layoutMerged,
  MERGE_LABEL_SPACE,
  mergeBoards,
  NOTE_SIZE,
  type BoardLayout,
  type Note,
} from '../src/index.ts';

const layout: BoardLayout = {
  width: 2000,
  height: 1200,
  zones: [
    { id: 'links', label: 'Links', shape: { type: 'rect', x: 0, y: 0, width: 1000, height: 1200 } },
    { id: 'rechts', label: 'Rechts', shape: { type: 'rect', x: 1000, y: 0, width: 1000, height: 1200 } },
  ],
};

let n = 0;
const note = (boardId: string, x: number, y: number, over: Partial<Note> = {}): Note => ({
  id: `n${++n}`,
  kind: 'note',
  to: null,
  boardId,
  x,
  y,
  color: null,
  side: 'formeel',
  authorId: 'a',
  createdAt: n,
  text: `notitie ${n}`,
  bundle: null,
  ...over,
});

describe('mergeBoards', () => {
  it('gathers the notes of several boards per zone, formal workers first, each oldest first', () => {
    const a = [note('g1', 100, 500, { side: 'informeel' }), note('g1', 1500, 500)];
    const b = [note('g2', 200, 300), note('g2', 300, 300, { side: null })];
    const merged = mergeBoards(layout, [
      { boardId: 'g1', notes: a },
      { boardId: 'g2', notes: b },
    ]);
    expect(merged.get('links')!.map((m) => [m.boardId, m.note.side])).toEqual([
      ['g2', 'formeel'],
      ['g1', 'informeel'],
      ['g2', null],
    ]);
    expect(merged.get('rechts')!.map((m) => m.note.id)).toEqual([a[1]!.id]);
  });

  it('keeps a bundle as one note with its size', () => {
    const head = note('g1', 100, 300);
    const notes = [head, note('g1', 100, 300, { bundle: head.id }), note('g1', 100, 300, { bundle: head.id })];
    const merged = mergeBoards(layout, [{ boardId: 'g1', notes }]);
    expect(merged.get('links')!.map((m) => [m.note.id, m.bundleSize])).toEqual([[head.id, 3]]);
  });
});

describe('layoutMerged', () => {
  const many = (count: number) => new Map([['links', Array.from({ length: count }, () => ({ note: note('g', 10, 10), boardId: 'g', bundleSize: 1 }))]]);

  it('places a few notes at full size in a grid below the label, inside the zone', () => {
    const placed = layoutMerged(layout, many(3));
    expect(placed.map((p) => p.scale)).toEqual([1, 1, 1]);
    for (const p of placed) {
      expect(p.y).toBeGreaterThanOrEqual(MERGE_LABEL_SPACE);
      expect(p.x + NOTE_SIZE.width).toBeLessThanOrEqual(1000);
    }
    expect(new Set(placed.map((p) => `${p.x},${p.y}`)).size).toBe(3);
  });

  it('shrinks notes so that many still fit the zone, and never overlaps them while they fit', () => {
    const placed = layoutMerged(layout, many(60));
    const scale = placed[0]!.scale;
    expect(scale).toBeLessThan(1);
    for (const p of placed) {
      expect(p.x + NOTE_SIZE.width * p.scale).toBeLessThanOrEqual(1000);
      expect(p.y + NOTE_SIZE.height * p.scale).toBeLessThanOrEqual(1200);
    }
    const boxes = placed.map((p) => ({ x: p.x, y: p.y, w: NOTE_SIZE.width * p.scale, h: NOTE_SIZE.height * p.scale }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
      }
  });

  it('enlarges a few notes for the beamer up to the given maximum', () => {
    expect(layoutMerged(layout, many(2), NOTE_SIZE, 2)[0]!.scale).toBe(2);
  });

  it('keeps every note of an overfull zone on the board, overlapping rather than dropping any', () => {
    const placed = layoutMerged(layout, many(600));
    expect(placed).toHaveLength(600);
    for (const p of placed) expect(p.y + NOTE_SIZE.height * p.scale).toBeLessThanOrEqual(1200 + 0.001);
  });
});
