import type { ArtShape, Rect, ZoneShape } from '@bodem/shared';

// Builders for the few shapes every poster repeats, so the layouts read as
// coordinates rather than as object literals.

export const rectZone = (x: number, y: number, width: number, height: number): ZoneShape => ({
  type: 'rect',
  x,
  y,
  width,
  height,
});

/** A tinted pane of a flip-chart sheet, with the hand-drawn look of rounded corners. */
export const pane = (r: Rect, fill: string, stroke?: string): ArtShape => ({
  kind: 'rect',
  x: r.x,
  y: r.y,
  width: r.width,
  height: r.height,
  cornerRadius: 18,
  fill,
  ...(stroke ? { stroke, strokeWidth: 3 } : {}),
});
