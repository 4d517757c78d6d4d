import { describe, expect, it } from 'vitest';
import { cachedMeasure, layoutText, type Measure } from './textLayout.ts';

/** Every character 0.5 em wide: line widths are easy to reason about. */
const mono: Measure = (text, size) => Array.from(text).length * size * 0.5;
const box = (width: number, height: number, fontSize = 20) => ({ width, height, fontSize, lineHeight: 1.25 });

describe('layoutText', () => {
  it('puts words on a line while they fit, then starts the next line', () => {
    // 10 px per character: 100 px holds 10 characters.
    const l = layoutText('ouders kennen de buurt', box(100, 200), mono);
    expect(l.lines.map((x) => x.text)).toEqual(['ouders', 'kennen de', 'buurt']);
    expect(l.lines.map((x) => x.width)).toEqual([60, 90, 50]);
    expect(l.cut).toBe(false);
  });

  it('keeps the lines that fit the height and ends the last in an ellipsis', () => {
    // 25 px a line: 60 px holds two lines.
    const l = layoutText('een twee drie vier vijf zes zeven', box(100, 60), mono);
    expect(l.lines).toHaveLength(2);
    expect(l.cut).toBe(true);
    expect(l.lines[1]!.text.endsWith('…')).toBe(true);
    expect(l.lines[1]!.width).toBeLessThanOrEqual(100);
    expect(l.lines[0]!.text).toBe('een twee');
  });

  it('breaks a word longer than a line between letters', () => {
    const l = layoutText('jeugdgezondheidszorg ja', box(100, 200), mono);
    expect(l.lines.map((x) => x.text)).toEqual(['jeugdgezon', 'dheidszorg', 'ja']);
  });

  it('keeps line breaks and empty lines', () => {
    const l = layoutText('a\n\nb', box(100, 200), mono);
    expect(l.lines.map((x) => x.text)).toEqual(['a', '', 'b']);
  });

  it('always keeps one line, even in a box lower than a line', () => {
    const l = layoutText('een twee', box(100, 5), mono);
    expect(l.lines).toHaveLength(1);
  });

  it('counts letters, not UTF-16 units, when it breaks and trims', () => {
    const l = layoutText('😀😀😀😀😀😀😀😀😀😀😀😀', box(100, 24), mono);
    expect(l.lines).toHaveLength(1);
    expect(Array.from(l.lines[0]!.text).every((ch) => ch === '😀' || ch === '…')).toBe(true);
  });
});

describe('cachedMeasure', () => {
  it('measures a text once and scales it to other sizes', () => {
    const calls: string[] = [];
    const m = cachedMeasure((text, size) => {
      calls.push(text);
      return text.length * size * 0.6;
    });
    expect(m('buurt', 100)).toBeCloseTo(300);
    expect(m('buurt', 22)).toBeCloseTo(66);
    expect(m('buurt', 44)).toBeCloseTo(132);
    expect(calls).toEqual(['buurt']);
  });
});
