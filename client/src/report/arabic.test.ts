import { describe, expect, it } from 'vitest';
import { hasArabic, isRtl, shapeArabic } from './arabic.ts';

const SENTENCE = 'نحن نعمل معًا من أجل الأطفال';

describe('shapeArabic', () => {
  it('joins letters across vowel marks', () => {
    // meem initial, ain medial, fathatan, alef final
    expect(shapeArabic('معًا')).toBe('\uFEE3\uFECC\u064B\uFE8E');
  });

  it('writes lam and alef as one ligature, and leaves a right-joining letter open to the left', () => {
    // alef isolated, lam-alef-hamza isolated, tah initial, feh medial, alef final, lam isolated
    expect(shapeArabic('الأطفال')).toBe('\uFE8D\uFEF7\uFEC3\uFED4\uFE8E\uFEDD');
    expect(shapeArabic('سلام')).toBe('\uFEB3\uFEFC\uFEE1');
  });

  it('gives back the letters as typed under NFKC, as pdftotext and copy-paste see them', () => {
    const shaped = shapeArabic(SENTENCE);
    expect(shaped).not.toBe(SENTENCE);
    expect(shaped.normalize('NFKC')).toBe(SENTENCE);
    const persian = 'ما با هم کار می‌کنیم برای بچه‌ها';
    expect(shapeArabic(persian).normalize('NFKC')).toBe(persian.replace(/\u200C/g, ''));
  });

  it('leaves every other script alone', () => {
    for (const s of ['ş ğ ı ł ż é ë', 'Kennis en begrip', '']) expect(shapeArabic(s)).toBe(s);
    expect(shapeArabic(`wij ${SENTENCE} samen`).normalize('NFKC')).toBe(`wij ${SENTENCE} samen`);
  });
});

describe('direction', () => {
  it('reads a line right to left when its first letter is Arabic', () => {
    expect(isRtl(`• ${SENTENCE}`)).toBe(true);
    expect(isRtl(`Wij: ${SENTENCE}`)).toBe(false);
    expect(isRtl('123')).toBe(false);
    expect(hasArabic('ş ğ ı')).toBe(false);
    expect(hasArabic(SENTENCE)).toBe(true);
  });
});
