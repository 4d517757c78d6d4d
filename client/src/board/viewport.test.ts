import { describe, expect, it } from 'vitest';
import { focusViewport, pictureTransform, READABLE_SCALE, toScreen, zoomAround, type Viewport } from './viewport.ts';

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

describe('focusViewport', () => {
  const screen = { width: 1024, height: 768 };
  const insets = { top: 130, right: 0, bottom: 90, left: 0 };

  it('shows a zone that fits at a readable scale whole, centred sideways, its top at the top of the free area', () => {
    const zone = { x: 1300, y: 900, width: 1200, height: 700 };
    const v = focusViewport(zone, screen, insets);
    expect(v.scale).toBeGreaterThanOrEqual(READABLE_SCALE);
    const tl = toScreen(v, zone);
    const br = toScreen(v, { x: zone.x + zone.width, y: zone.y + zone.height });
    expect(tl.x).toBeGreaterThanOrEqual(0);
    expect(br.x).toBeLessThanOrEqual(screen.width);
    expect(tl.y).toBe(insets.top + 16);
    expect(br.y).toBeLessThanOrEqual(screen.height - insets.bottom);
  });

  it('never opens below the readable scale: a zone too big shows its top-left part (its label) at that scale', () => {
    const zone = { x: 40, y: 120, width: 2520, height: 1640 };
    const v = focusViewport(zone, screen, insets);
    expect(v.scale).toBe(READABLE_SCALE);
    const tl = toScreen(v, zone);
    expect(tl.x).toBe(16);
    expect(tl.y).toBe(insets.top + 16);
  });

  it('does not blow a small zone up beyond 1.25', () => {
    expect(focusViewport({ x: 0, y: 0, width: 100, height: 100 }, screen, insets).scale).toBe(1.25);
  });
});
