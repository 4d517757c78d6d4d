import { isPersonalDoc } from '../schema/personal.ts';
import type * as Y from 'yjs';
import { newId } from '../ids.ts';
import { origins, type Origin } from '../origins.ts';
import { roots } from '../schema/roots.ts';
import { MAX_STROKE_POINTS, writeStroke, type NewStroke } from '../schema/stroke.ts';

/**
 * Keeps every n-th point of a very long line (and its last), so one stroke
 * stays within MAX_STROKE_POINTS whatever the pen sent.
 */
export const thinPoints = (points: readonly number[], max = MAX_STROKE_POINTS): number[] => {
  const n = Math.floor(points.length / 3);
  if (n <= max) return points.slice(0, n * 3);
  const step = n / max;
  const out: number[] = [];
  for (let i = 0; i < max - 1; i++) {
    const k = Math.floor(i * step) * 3;
    out.push(points[k]!, points[k + 1]!, points[k + 2]!);
  }
  out.push(points[(n - 1) * 3]!, points[(n - 1) * 3 + 1]!, points[(n - 1) * 3 + 2]!);
  return out;
};

/** Writes a finished line, once, on pen-up. */
export const addStroke = (doc: Y.Doc, s: NewStroke, origin: Origin = origins.user, id = newId()): string | null => {
  if (!roots(doc).boards.has(s.boardId) && !isPersonalDoc(doc)) throw new Error(`unknown board ${s.boardId}`);
  const points = thinPoints(s.points);
  if (points.length < 3) return null;
  doc.transact(() => roots(doc).items.set(id, writeStroke({ ...s, points })), origin);
  return id;
};
