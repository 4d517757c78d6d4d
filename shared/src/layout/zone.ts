import type { Point, Size } from './geometry.ts';

/**
 * The outline of a part of a poster, in board coordinates. Three kinds are
 * enough for every board of the toolkit: boxes (grids, rows), ellipses (the
 * crown of the tree, the sun) and polygons (the trunk, the roots).
 */
export type ZoneShape =
  | { type: 'rect'; x: number; y: number; width: number; height: number }
  | { type: 'ellipse'; cx: number; cy: number; rx: number; ry: number }
  /** Flat list of x, y pairs; closed implicitly. */
  | { type: 'polygon'; points: readonly number[] };

/** A named part of a poster: "kennis en begrip", "stam", a pitfall's row. */
export interface Zone {
  /** Stable within its template: stored nowhere, but reports and tests name it. */
  id: string;
  /** The toolkit's own words, shown on the board. */
  label: string;
  /** A short question or explanation under the label. */
  hint?: string;
  shape: ZoneShape;
  /** More items than this makes the zone show `message` (the trunk: "kies er maximaal vijf of zes"). */
  limit?: { max: number; message: string };
}

/** What zone derivation needs of a board; a template carries more. */
export interface BoardLayout extends Size {
  zones: readonly Zone[];
}

export const shapeContains = (s: ZoneShape, p: Point): boolean => {
  switch (s.type) {
    case 'rect':
      return p.x >= s.x && p.x <= s.x + s.width && p.y >= s.y && p.y <= s.y + s.height;
    case 'ellipse': {
      if (s.rx <= 0 || s.ry <= 0) return false;
      const dx = (p.x - s.cx) / s.rx;
      const dy = (p.y - s.cy) / s.ry;
      return dx * dx + dy * dy <= 1;
    }
    case 'polygon':
      return polygonContains(s.points, p);
  }
};

/** Distance from a point outside the shape to its outline; 0 inside. */
export const shapeDistance = (s: ZoneShape, p: Point): number => {
  if (shapeContains(s, p)) return 0;
  switch (s.type) {
    case 'rect': {
      const dx = Math.max(s.x - p.x, 0, p.x - (s.x + s.width));
      const dy = Math.max(s.y - p.y, 0, p.y - (s.y + s.height));
      return Math.hypot(dx, dy);
    }
    case 'ellipse':
      return ellipseDistance(s.cx, s.cy, s.rx, s.ry, p);
    case 'polygon':
      return polygonDistance(s.points, p);
  }
};

/**
 * The zone an item belongs to, from the centre of the item: the zone that
 * holds the point (the first listed, when zones overlap), otherwise the
 * nearest one, so a note dropped between two boxes still belongs somewhere.
 * A board without zones has none.
 */
export const zoneAt = (zones: readonly Zone[], p: Point): Zone | null => {
  let best: Zone | null = null;
  let bestDist = Infinity;
  for (const z of zones) {
    const d = shapeDistance(z.shape, p);
    if (d === 0) return z;
    if (d < bestDist) {
      bestDist = d;
      best = z;
    }
  }
  return best;
};

/** The centre of an item whose top-left corner is at `pos`. */
export const itemCenter = (pos: Point, size: Size): Point => ({ x: pos.x + size.width / 2, y: pos.y + size.height / 2 });

export const shapeBounds = (s: ZoneShape): { x: number; y: number; width: number; height: number } => {
  switch (s.type) {
    case 'rect':
      return { x: s.x, y: s.y, width: s.width, height: s.height };
    case 'ellipse':
      return { x: s.cx - s.rx, y: s.cy - s.ry, width: 2 * s.rx, height: 2 * s.ry };
    case 'polygon': {
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (let i = 0; i + 1 < s.points.length; i += 2) {
        const x = s.points[i]!;
        const y = s.points[i + 1]!;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
      return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
    }
  }
};

const polygonContains = (pts: readonly number[], p: Point): boolean => {
  let inside = false;
  const n = Math.floor(pts.length / 2);
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = pts[2 * i]!;
    const yi = pts[2 * i + 1]!;
    const xj = pts[2 * j]!;
    const yj = pts[2 * j + 1]!;
    if (yi > p.y !== yj > p.y && p.x < ((xj - xi) * (p.y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};

const segmentDistance = (ax: number, ay: number, bx: number, by: number, p: Point): number => {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - ax) * dx + (p.y - ay) * dy) / len2));
  return Math.hypot(p.x - (ax + t * dx), p.y - (ay + t * dy));
};

const polygonDistance = (pts: readonly number[], p: Point): number => {
  const n = Math.floor(pts.length / 2);
  let best = Infinity;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    best = Math.min(best, segmentDistance(pts[2 * j]!, pts[2 * j + 1]!, pts[2 * i]!, pts[2 * i + 1]!, p));
  }
  return best;
};

/**
 * Distance to an ellipse's outline, by sampling its perimeter: exact enough
 * to choose the nearest zone, and simple enough to trust.
 */
const ellipseDistance = (cx: number, cy: number, rx: number, ry: number, p: Point): number => {
  let best = Infinity;
  const steps = 72;
  for (let i = 0; i < steps; i++) {
    const a = (i / steps) * 2 * Math.PI;
    best = Math.min(best, Math.hypot(p.x - (cx + rx * Math.cos(a)), p.y - (cy + ry * Math.sin(a))));
  }
  return best;
};
