import { describe, expect, it } from 'vitest';
import { MAX_NOTE_FONT_SIZE, noteTextSize } from './noteDraw.ts';
import { NOTE_FONT_SIZE, NOTE_PADDING } from './theme.ts';

describe('noteTextSize', () => {
  it('keeps the normal note font where it is large enough on screen', () => {
    expect(noteTextSize(1, 12)).toEqual({ fontSize: NOTE_FONT_SIZE, padding: NOTE_PADDING });
    expect(noteTextSize(0.6, 12)).toEqual({ fontSize: NOTE_FONT_SIZE, padding: NOTE_PADDING });
  });

  it('grows the font when the board is zoomed out, so it stays at least the minimum on screen', () => {
    for (const scale of [0.5, 0.4, 0.35, 0.3]) {
      const { fontSize, padding } = noteTextSize(scale, 12);
      expect(fontSize * scale).toBeGreaterThanOrEqual(12);
      expect(fontSize % 2).toBe(0);
      expect(padding).toBeLessThanOrEqual(NOTE_PADDING);
    }
  });

  it('stops growing at the largest note font', () => {
    expect(noteTextSize(0.1, 12).fontSize).toBe(MAX_NOTE_FONT_SIZE);
  });

  it('leaves text alone without a minimum (the report, the merged view)', () => {
    expect(noteTextSize(0.2, 0)).toEqual({ fontSize: NOTE_FONT_SIZE, padding: NOTE_PADDING });
  });
});
