import * as Y from 'yjs';
import { num, str } from './values.ts';

/** The pen's inks: dark, readable on every poster tint, distinct for colour-blind eyes. */
export const STROKE_COLORS = {
  zwart: '#1D1D1B',
  blauw: '#1A56A8',
  rood: '#B3261E',
  groen: '#2F7D32',
} as const;
export type StrokeColor = keyof typeof STROKE_COLORS;
export const isStrokeColor = (v: unknown): v is StrokeColor => typeof v === 'string' && Object.prototype.hasOwnProperty.call(STROKE_COLORS, v);

/** Points a stroke may hold; a longer line is simplified before it is written. */
export const MAX_STROKE_POINTS = 2000;
export const STROKE_WIDTHS = [6, 12, 24] as const;

/**
 * A free-hand line, written once when the pen lifts: its points never
 * change afterwards, so it is one plain array in the item's map rather than
 * a shared type (a stroke being drawn lives only on the drawer's screen).
 * `points` is flat: x, y, pressure (0–1) per point, in board coordinates.
 */
export interface Stroke {
  id: string;
  kind: 'stroke';
  boardId: string;
  points: number[];
  color: StrokeColor;
  width: number;
  authorId: string;
  createdAt: number;
}

const cleanPoints = (v: unknown): number[] => {
  if (!Array.isArray(v)) return [];
  const out: number[] = [];
  for (let i = 0; i + 2 < v.length && out.length < MAX_STROKE_POINTS * 3; i += 3) {
    const x = v[i];
    const y = v[i + 1];
    const p = v[i + 2];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    out.push(num(x, 0), num(y, 0), typeof p === 'number' && Number.isFinite(p) ? Math.max(0, Math.min(1, p)) : 0.5);
  }
  return out;
};

export const readStroke = (id: string, map: Y.Map<unknown>): Stroke | null => {
  if (map.get('kind') !== 'stroke') return null;
  const boardId = str(map.get('boardId'));
  const points = cleanPoints(map.get('points'));
  if (!boardId || points.length < 3) return null;
  const color = map.get('color');
  return {
    id,
    kind: 'stroke',
    boardId,
    points,
    color: isStrokeColor(color) ? color : 'zwart',
    width: num(map.get('width'), STROKE_WIDTHS[1], 64) || STROKE_WIDTHS[1],
    authorId: str(map.get('authorId')),
    createdAt: num(map.get('createdAt'), 0, Number.MAX_SAFE_INTEGER),
  };
};

export type NewStroke = Omit<Stroke, 'id' | 'kind'>;

/** Rounds to a tenth of a board pixel: enough for ink, a third of the bytes. */
const round = (v: number) => Math.round(v * 10) / 10;

export const writeStroke = (s: NewStroke): Y.Map<unknown> => {
  const map = new Y.Map<unknown>();
  map.set('kind', 'stroke');
  map.set('boardId', s.boardId);
  map.set('points', cleanPoints(s.points).map(round));
  map.set('color', isStrokeColor(s.color) ? s.color : 'zwart');
  map.set('width', num(s.width, STROKE_WIDTHS[1], 64));
  map.set('authorId', s.authorId);
  map.set('createdAt', s.createdAt);
  return map;
};
