import { describe, expect, it } from 'vitest';
import { boundedPixelRatio, MAX_CANVAS_PIXELS } from './bounds.ts';

const pixels = (w: number, h: number, r: number) => Math.ceil(w * r) * Math.ceil(h * r);

describe('boundedPixelRatio', () => {
  it('keeps the wanted ratio when the canvas fits', () => {
    expect(boundedPixelRatio(2400, 1700, 2)).toBe(2);
    expect(boundedPixelRatio(2400, 1700, 0.8)).toBe(0.8);
  });

  it('shrinks a large poster to just within the iPad canvas limit', () => {
    for (const [w, h] of [
      [2600, 2200],
      [2600, 2100],
      [2600, 1800],
      [9999, 7777],
    ] as const) {
      const r = boundedPixelRatio(w, h, 2);
      expect(pixels(w, h, r)).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
      expect(pixels(w, h, r + 0.002)).toBeGreaterThan(MAX_CANVAS_PIXELS * 0.99);
    }
  });
});
