import { describe, expect, it } from 'vitest';
import { pictureTransform, toScreen, zoomAround, type Viewport } from './viewport.ts';

describe('pictureTransform', () => {
  it('is nothing when the picture was drawn at the camera shown', () => {
    expect(pictureTransform({ x: 10, y: 20, scale: 0.5 }, { x: 10, y: 20, scale: 0.5 })).toBeNull();
  });

  it('puts every board point of a picture drawn at one camera where another camera shows it', () => {
    const drawn: Viewport = { x: 40, y: -30, scale: 0.3 };
    const seen = zoomAround({ ...drawn, x: drawn.x + 120, y: drawn.y - 45 }, { x: 500, y: 400 }, 1.7);
    const t = pictureTransform(drawn, seen)!;
    for (const b of [
      { x: 0, y: 0 },
      { x: 2400, y: 1600 },
      { x: 777, y: 123 },
    ]) {
      const pixel = toScreen(drawn, b);
      const moved = { x: t.x + t.k * pixel.x, y: t.y + t.k * pixel.y };
      const want = toScreen(seen, b);
      expect(moved.x).toBeCloseTo(want.x, 6);
      expect(moved.y).toBeCloseTo(want.y, 6);
    }
  });
});
