import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAgreement,
  addNote,
  addRoleCard,
  type BoardLayout,
  groupByZone,
  initMeeting,
  isPlaced,
  itemCenter,
  itemsOfBoard,
  NOTE_SIZE,
  type Note,
  ROLE_CARD_SIZE,
  type RoleCard,
  shapeBounds,
  shapeContains,
  shapeDistance,
  type Zone,
  zoneAt,
  type ZoneShape,
  zoneOfItem,
} from '../src/index.ts';

const rect = (id: string, x: number, y: number, width: number, height: number): Zone => ({
  id,
  label: id,
  shape: { type: 'rect', x, y, width, height },
});

/**
 * A U standing on its arms: two arms 100 wide, joined at the top
 * (y 0..100), with a notch x 1100..1200, y 100..400 between them.
 */
const U: ZoneShape = { type: 'polygon', points: [1000, 0, 1300, 0, 1300, 400, 1200, 400, 1200, 100, 1100, 100, 1100, 400, 1000, 400] };
const ELLIPSE: ZoneShape = { type: 'ellipse', cx: 300, cy: 700, rx: 200, ry: 100 };

const note = (x: number, y: number, over: Partial<Note> = {}): Note => ({
  id: 'n',
  kind: 'note',
  to: null,
  boardId: 'b1',
  x,
  y,
  color: null,
  side: null,
  authorId: 'a',
  createdAt: 1,
  text: '',
  bundle: null,
  ...over,
});

const role = (x: number, y: number): RoleCard => ({
  id: 'r',
  kind: 'role',
  boardId: 'b1',
  x,
  y,
  roleId: null,
  side: null,
  title: 'Sleutelfiguur',
  description: '',
  authorId: 'a',
  createdAt: 1,
});

const idAt = (zones: readonly Zone[], x: number, y: number) => zoneAt(zones, { x, y })?.id ?? null;

describe('shapes', () => {
  it('a rect holds its inside and its edges, not a point just outside', () => {
    const s: ZoneShape = { type: 'rect', x: 0, y: 0, width: 400, height: 300 };
    expect(shapeContains(s, { x: 200, y: 150 })).toBe(true);
    expect(shapeContains(s, { x: 400, y: 150 })).toBe(true);
    expect(shapeContains(s, { x: 0, y: 0 })).toBe(true);
    expect(shapeContains(s, { x: 400.5, y: 150 })).toBe(false);
    expect(shapeDistance(s, { x: 430, y: 150 })).toBe(30);
    // Past a corner the distance is to the corner.
    expect(shapeDistance(s, { x: 403, y: 304 })).toBe(5);
  });

  it('an ellipse holds its inside and its outline, not the corners of its box', () => {
    expect(shapeContains(ELLIPSE, { x: 300, y: 700 })).toBe(true);
    expect(shapeContains(ELLIPSE, { x: 500, y: 700 })).toBe(true);
    expect(shapeContains(ELLIPSE, { x: 300, y: 800 })).toBe(true);
    expect(shapeContains(ELLIPSE, { x: 480, y: 780 })).toBe(false);
    expect(shapeDistance(ELLIPSE, { x: 300, y: 830 })).toBeCloseTo(30, 5);
    expect(shapeDistance(ELLIPSE, { x: 300, y: 700 })).toBe(0);
  });

  it('a degenerate ellipse holds nothing', () => {
    expect(shapeContains({ type: 'ellipse', cx: 0, cy: 0, rx: 0, ry: 10 }, { x: 0, y: 0 })).toBe(false);
  });

  it('a concave polygon does not hold its notch', () => {
    expect(shapeContains(U, { x: 1050, y: 300 })).toBe(true); // left arm
    expect(shapeContains(U, { x: 1250, y: 300 })).toBe(true); // right arm
    expect(shapeContains(U, { x: 1150, y: 50 })).toBe(true); // the bridge
    expect(shapeContains(U, { x: 1150, y: 300 })).toBe(false); // the notch
    expect(shapeDistance(U, { x: 1150, y: 300 })).toBe(50);
    expect(shapeDistance(U, { x: 1150, y: 450 })).toBeCloseTo(Math.hypot(50, 50), 10);
  });

  it('bounds enclose each shape', () => {
    expect(shapeBounds({ type: 'rect', x: 1, y: 2, width: 3, height: 4 })).toEqual({ x: 1, y: 2, width: 3, height: 4 });
    expect(shapeBounds(ELLIPSE)).toEqual({ x: 100, y: 600, width: 400, height: 200 });
    expect(shapeBounds(U)).toEqual({ x: 1000, y: 0, width: 300, height: 400 });
  });

  it('the centre of an item is half its size from its top-left corner', () => {
    expect(itemCenter({ x: 10, y: 20 }, { width: 180, height: 140 })).toEqual({ x: 100, y: 90 });
  });
});

describe('zoneAt', () => {
  const A = rect('a', 0, 0, 400, 300);
  const B = rect('b', 500, 0, 400, 300);
  const zones = [A, B, { id: 'kroon', label: 'Kroon', shape: ELLIPSE }, { id: 'u', label: 'U', shape: U }];

  it('finds the zone that holds the point, whatever its shape', () => {
    expect(idAt(zones, 100, 100)).toBe('a');
    expect(idAt(zones, 700, 100)).toBe('b');
    expect(idAt(zones, 300, 700)).toBe('kroon');
    expect(idAt(zones, 1050, 300)).toBe('u');
  });

  it('counts a point on the edge as inside, for every shape', () => {
    expect(idAt(zones, 400, 150)).toBe('a');
    expect(idAt(zones, 500, 0)).toBe('b');
    expect(idAt(zones, 300, 600)).toBe('kroon');
    // The bottom of an arm: ray casting leaves it out, the distance is 0.
    expect(idAt(zones, 1050, 400)).toBe('u');
    expect(idAt(zones, 1100, 250)).toBe('u');
  });

  it('puts a point between two zones in the nearest one', () => {
    expect(idAt(zones, 430, 150)).toBe('a');
    expect(idAt(zones, 460, 150)).toBe('b');
    // Below the ellipse: 30 from the crown, 70 from a box further down.
    const withGround = [...zones, rect('grond', 0, 900, 600, 100)];
    expect(idAt(withGround, 300, 830)).toBe('kroon');
    expect(idAt(withGround, 300, 870)).toBe('grond');
    // Exactly halfway: the first listed.
    expect(idAt(zones, 450, 150)).toBe('a');
  });

  it('a point in the notch of a concave zone belongs to the zone lying there, even when the polygon is listed first', () => {
    const notch = rect('nis', 1100, 100, 100, 300);
    expect(idAt([{ id: 'u', label: 'U', shape: U }, notch], 1150, 300)).toBe('nis');
    // Without another zone, the notch is nearest to the U itself.
    expect(idAt([{ id: 'u', label: 'U', shape: U }, rect('ver', 3000, 3000, 10, 10)], 1150, 300)).toBe('u');
  });

  it('gives overlapping zones to the first listed', () => {
    const big = rect('groot', 0, 0, 1000, 1000);
    const small = rect('klein', 100, 100, 100, 100);
    expect(idAt([big, small], 150, 150)).toBe('groot');
    expect(idAt([small, big], 150, 150)).toBe('klein');
    expect(idAt([small, big], 500, 500)).toBe('groot');
    // Two boxes sharing an edge: the edge goes to the first listed.
    expect(idAt([rect('l', 0, 0, 400, 300), rect('r', 400, 0, 400, 300)], 400, 100)).toBe('l');
    expect(idAt([rect('r', 400, 0, 400, 300), rect('l', 0, 0, 400, 300)], 400, 100)).toBe('r');
  });

  it('a board without zones has none', () => {
    expect(zoneAt([], { x: 0, y: 0 })).toBeNull();
    // A polygon without points is nowhere, not everywhere.
    expect(zoneAt([{ id: 'leeg', label: '', shape: { type: 'polygon', points: [] } }], { x: 0, y: 0 })).toBeNull();
  });
});

describe('zoneOfItem', () => {
  // Two boxes side by side, sharing the edge x = 400.
  const layout: BoardLayout = { width: 800, height: 300, zones: [rect('a', 0, 0, 400, 300), rect('b', 400, 0, 400, 300)] };

  it('reads the zone from the centre of the note, not its top-left corner', () => {
    // Corner (350, 100) is in A; centre (440, 170) is in B.
    const n = note(350, 100);
    expect(zoneAt(layout.zones, n)?.id).toBe('a');
    expect(zoneOfItem(layout, n)?.id).toBe('b');
    expect(zoneOfItem(layout, note(200, 100))?.id).toBe('a');
  });

  it('uses the template note size: bigger letters move the centre', () => {
    const n = note(250, 100);
    expect(itemCenter(n, NOTE_SIZE)).toEqual({ x: 340, y: 170 });
    expect(zoneOfItem(layout, n)?.id).toBe('a');
    expect(zoneOfItem(layout, n, { width: 360, height: 280 })?.id).toBe('b');
  });

  it('uses the role card size for role cards, whatever the note size', () => {
    // Centre (200 + 140, 100 + 60) = (340, 160): in A.
    const r = role(200, 100);
    expect(itemCenter(r, ROLE_CARD_SIZE)).toEqual({ x: 340, y: 160 });
    expect(zoneOfItem(layout, r)?.id).toBe('a');
    expect(zoneOfItem(layout, r, { width: 600, height: 600 })?.id).toBe('a');
    expect(zoneOfItem(layout, role(300, 100))?.id).toBe('b');
  });
});

describe('groupByZone', () => {
  const layout: BoardLayout = {
    width: 1200,
    height: 400,
    zones: [rect('kennis', 0, 0, 400, 400), rect('vaardigheden', 400, 0, 400, 400), rect('houding', 800, 0, 400, 400)],
  };

  const meeting = () => {
    const doc = new Y.Doc();
    initMeeting(doc, { title: 'T', createdAt: 1, boards: [{ id: 'b1', template: 'voorbeeld', title: 'Krachtpunten' }] });
    const base = { boardId: 'b1', side: null, authorId: 'a' } as const;
    addNote(doc, { ...base, x: 900, y: 10, createdAt: 1 }, undefined, 'n1');
    addNote(doc, { ...base, x: 10, y: 10, createdAt: 2 }, undefined, 'n2');
    addNote(doc, { ...base, x: 20, y: 200, createdAt: 3 }, undefined, 'n3');
    addRoleCard(doc, { ...base, x: 900, y: 200, roleId: null, title: 'Brugfiguur', description: '', createdAt: 4 }, undefined, 'r1');
    addAgreement(doc, { boardId: 'b1', authorId: 'a', createdAt: 5, wat: 'Koffie', wie: 'Anna', wanneer: 'maandag' }, undefined, 'g1');
    return doc;
  };

  it('lists every zone in the template order, with its items oldest first; empty zones stay', () => {
    const doc = meeting();
    const items = itemsOfBoard(doc, 'b1');
    expect(items).toHaveLength(5);
    const groups = groupByZone(layout, items.filter(isPlaced));
    expect([...groups.keys()]).toEqual(['kennis', 'vaardigheden', 'houding']);
    expect(Object.fromEntries([...groups].map(([k, v]) => [k, v.map((i) => i.id)]))).toEqual({
      kennis: ['n2', 'n3'],
      vaardigheden: [],
      houding: ['n1', 'r1'],
    });
  });

  it('does not count agreements, which have no place on the poster', () => {
    const doc = meeting();
    const placed = itemsOfBoard(doc, 'b1').filter(isPlaced);
    expect(placed.map((i) => i.id)).not.toContain('g1');
    const total = [...groupByZone(layout, placed).values()].reduce((n, g) => n + g.length, 0);
    expect(total).toBe(4);
  });

  it('leaves out the items of a board without zones', () => {
    const doc = meeting();
    expect(groupByZone({ width: 100, height: 100, zones: [] }, itemsOfBoard(doc, 'b1').filter(isPlaced)).size).toBe(0);
  });

  it('regroups with the template note size', () => {
    // A note at x 250 has its centre at 340 (kennis) by default, at 430 (vaardigheden) with letters 360 wide.
    const n = note(250, 0);
    expect(groupByZone(layout, [n]).get('kennis')).toEqual([n]);
    expect(groupByZone(layout, [n], { width: 360, height: 280 }).get('vaardigheden')).toEqual([n]);
  });
});
