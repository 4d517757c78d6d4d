import { getStroke } from 'perfect-freehand';

/**
 * The outline of an inked line as one closed polygon (flat x, y list),
 * from perfect-freehand: it smooths the hand's jitter and thins the line
 * with pen pressure. A finger or mouse gives no real pressure (0.5 or 0),
 * so pressure is then simulated from speed.
 */
export const strokeOutline = (points: readonly number[], width: number, done = true): number[] => {
  const input: [number, number, number][] = [];
  let realPressure = false;
  for (let i = 0; i + 2 < points.length; i += 3) {
    const p = points[i + 2]!;
    if (p !== 0.5 && p !== 0) realPressure = true;
    input.push([points[i]!, points[i + 1]!, p || 0.5]);
  }
  const outline = getStroke(input, {
    size: width,
    thinning: 0.55,
    smoothing: 0.5,
    streamline: 0.45,
    simulatePressure: !realPressure,
    last: done,
  });
  const flat: number[] = [];
  for (const [x, y] of outline) flat.push(Math.round(x * 10) / 10, Math.round(y * 10) / 10);
  return flat;
};

/** Shortest distance from a point to a stroke's centre line (for the eraser). */
export const distanceToStroke = (points: readonly number[], x: number, y: number): number => {
  let best = Infinity;
  for (let i = 0; i + 2 < points.length; i += 3) {
    const ax = points[i]!;
    const ay = points[i + 1]!;
    const bx = i + 5 < points.length ? points[i + 3]! : ax;
    const by = i + 5 < points.length ? points[i + 4]! : ay;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
  }
  return best;
};
