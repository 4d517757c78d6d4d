import { describe, expect, it } from 'vitest';
import { cachedMeasure, fitHeight, layoutText, type Measure } from './textLayout.ts';

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

  it('breaks a word longer than a line between letters, with a hyphen, and no other word', () => {
    const l = layoutText('jeugdgezondheidszorg ja', box(100, 200), mono);
    expect(l.lines.map((x) => x.text)).toEqual(['jeugdgezo-', 'ndheidszo-', 'rg ja']);
    expect(l.lines.every((x) => x.width <= 100)).toBe(true);
    // Words that fit a line are never broken, however little room is left on the line before.
    const words = layoutText('Professionele hulpverleners en Informele steunfiguren', box(150, 400), mono);
    for (const line of words.lines) expect(['Professionele', 'hulpverleners', 'en', 'Informele', 'steunfiguren']).toEqual(expect.arrayContaining(line.text.split(' ')));
  });

  it('says how many words a cut text does not show, giving up whole words for it', () => {
    const more = (n: number) => `+${n} woorden`;
    // Two lines of 20 characters.
    const l = layoutText('een twee drie vier vijf zes zeven acht negen tien elf twaalf', box(200, 60), mono, { more });
    expect(l.cut).toBe(true);
    expect(l.lines).toHaveLength(2);
    expect(l.lines[0]!.text).toBe('een twee drie vier');
    expect(l.lines[1]!.text).toBe('vijf … +7 woorden');
    expect(l.hidden).toBe(7);
    expect(l.lines[1]!.width).toBeLessThanOrEqual(200);
  });

  it('a text that fits says nothing more', () => {
    const l = layoutText('een twee', box(200, 60), mono, { more: (n) => `+${n}` });
    expect(l).toMatchObject({ cut: false, hidden: 0 });
    expect(l.lines.map((x) => x.text)).toEqual(['een twee']);
  });
});

describe('fitHeight', () => {
  it('grows a box with its text, between its own height and the cap', () => {
    // 10 px a character at 20 px; 100 px inner width holds 10 characters; 25 px a line; padding 10.
    expect(fitHeight('', 120, 10, 20, 1.25, 80, 200, mono)).toBe(80);
    expect(fitHeight('kort', 120, 10, 20, 1.25, 80, 200, mono)).toBe(80);
    // Six lines (9 characters each: the inner width keeps half a pixel spare): 6 × 25 + 20.
    expect(fitHeight('ouders kennen de buurt en de moskee, het CJG', 120, 10, 20, 1.25, 80, 400, mono)).toBe(170);
    expect(fitHeight('een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien', 120, 10, 20, 1.25, 80, 100, mono)).toBe(100);
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
