/**
 * Arabic contextual shaping for the PDF: a PDF draws glyphs, not letters,
 * so each Arabic letter must be written in its joined form (the Unicode
 * "presentation forms", which the bundled DejaVu Sans has). jsPDF ships a
 * shaper, but it takes a vowel mark for a letter, so "معًا" comes out with
 * a broken ain; this one lets marks through (Unicode joining type T) and
 * covers the Persian letters Afghan and Iranian participants write.
 *
 * Text stays in logical order here; jsPDF's bidi step turns lines into
 * visual order afterwards. Extraction (pdftotext, copy and paste) gives the
 * presentation forms back, which NFKC folds to the letters as typed.
 */

/** Dual-joining letters: isolated, final, initial, medial. */
const DUAL: Record<number, readonly [number, number, number, number]> = {
  0x0626: [0xfe89, 0xfe8a, 0xfe8b, 0xfe8c],
  0x0628: [0xfe8f, 0xfe90, 0xfe91, 0xfe92],
  0x062a: [0xfe95, 0xfe96, 0xfe97, 0xfe98],
  0x062b: [0xfe99, 0xfe9a, 0xfe9b, 0xfe9c],
  0x062c: [0xfe9d, 0xfe9e, 0xfe9f, 0xfea0],
  0x062d: [0xfea1, 0xfea2, 0xfea3, 0xfea4],
  0x062e: [0xfea5, 0xfea6, 0xfea7, 0xfea8],
  0x0633: [0xfeb1, 0xfeb2, 0xfeb3, 0xfeb4],
  0x0634: [0xfeb5, 0xfeb6, 0xfeb7, 0xfeb8],
  0x0635: [0xfeb9, 0xfeba, 0xfebb, 0xfebc],
  0x0636: [0xfebd, 0xfebe, 0xfebf, 0xfec0],
  0x0637: [0xfec1, 0xfec2, 0xfec3, 0xfec4],
  0x0638: [0xfec5, 0xfec6, 0xfec7, 0xfec8],
  0x0639: [0xfec9, 0xfeca, 0xfecb, 0xfecc],
  0x063a: [0xfecd, 0xfece, 0xfecf, 0xfed0],
  0x0641: [0xfed1, 0xfed2, 0xfed3, 0xfed4],
  0x0642: [0xfed5, 0xfed6, 0xfed7, 0xfed8],
  0x0643: [0xfed9, 0xfeda, 0xfedb, 0xfedc],
  0x0644: [0xfedd, 0xfede, 0xfedf, 0xfee0],
  0x0645: [0xfee1, 0xfee2, 0xfee3, 0xfee4],
  0x0646: [0xfee5, 0xfee6, 0xfee7, 0xfee8],
  0x0647: [0xfee9, 0xfeea, 0xfeeb, 0xfeec],
  0x0649: [0xfeef, 0xfef0, 0xfbe8, 0xfbe9],
  0x064a: [0xfef1, 0xfef2, 0xfef3, 0xfef4],
  // Persian and Urdu
  0x0679: [0xfb66, 0xfb67, 0xfb68, 0xfb69],
  0x067e: [0xfb56, 0xfb57, 0xfb58, 0xfb59],
  0x0686: [0xfb7a, 0xfb7b, 0xfb7c, 0xfb7d],
  0x06a9: [0xfb8e, 0xfb8f, 0xfb90, 0xfb91],
  0x06af: [0xfb92, 0xfb93, 0xfb94, 0xfb95],
  0x06be: [0xfbaa, 0xfbab, 0xfbac, 0xfbad],
  0x06cc: [0xfbfc, 0xfbfd, 0xfbfe, 0xfbff],
};

/** Right-joining letters (they join the letter before them only): isolated, final. */
const RIGHT: Record<number, readonly [number, number]> = {
  0x0622: [0xfe81, 0xfe82],
  0x0623: [0xfe83, 0xfe84],
  0x0624: [0xfe85, 0xfe86],
  0x0625: [0xfe87, 0xfe88],
  0x0627: [0xfe8d, 0xfe8e],
  0x0629: [0xfe93, 0xfe94],
  0x062f: [0xfea9, 0xfeaa],
  0x0630: [0xfeab, 0xfeac],
  0x0631: [0xfead, 0xfeae],
  0x0632: [0xfeaf, 0xfeb0],
  0x0648: [0xfeed, 0xfeee],
  0x0688: [0xfb88, 0xfb89],
  0x0691: [0xfb8c, 0xfb8d],
  0x0698: [0xfb8a, 0xfb8b],
};

/** Lam followed by an alef: one ligature glyph, isolated or final. */
const LAM_ALEF: Record<number, readonly [number, number]> = {
  0x0622: [0xfef5, 0xfef6],
  0x0623: [0xfef7, 0xfef8],
  0x0625: [0xfef9, 0xfefa],
  0x0627: [0xfefb, 0xfefc],
};

const LAM = 0x0644;
const TATWEEL = 0x0640;
const ZWJ = 0x200d;
const ZWNJ = 0x200c;

/** Marks that sit on a letter without breaking its joins (Unicode joining type T). */
const isTransparent = (c: number): boolean =>
  (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06dc) || (c >= 0x06df && c <= 0x06e4) || c === 0x06e7 || c === 0x06e8 || (c >= 0x06ea && c <= 0x06ed);

type Joining = 'D' | 'R' | 'C' | 'T' | 'U';
const joiningOf = (c: number): Joining =>
  DUAL[c] ? 'D' : RIGHT[c] ? 'R' : c === TATWEEL || c === ZWJ ? 'C' : isTransparent(c) ? 'T' : 'U';

/** Whether `text` holds any Arabic-script letter (worth shaping, and drawn right to left). */
export const hasArabic = (text: string): boolean => /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/.test(text);

/** Whether a line reads right to left: its first strong letter is Arabic or Hebrew. */
export const isRtl = (text: string): boolean => {
  const m = /[\p{L}]/u.exec(text);
  return !!m && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(m[0]);
};

/** Replaces Arabic letters by their joined forms; everything else passes unchanged. */
export const shapeArabic = (text: string): string => {
  if (!hasArabic(text)) return text;
  const cs = Array.from(text, (ch) => ch.codePointAt(0)!);
  const types = cs.map(joiningOf);
  const neighbour = (i: number, step: 1 | -1): number => {
    for (let j = i + step; j >= 0 && j < cs.length; j += step) if (types[j] !== 'T') return j;
    return -1;
  };
  /** The letter at `j` reaches towards the following letter. */
  const joinsForward = (j: number) => j >= 0 && (types[j] === 'D' || types[j] === 'C');
  /** The letter at `j` accepts a join from the letter before it. */
  const joinsBackward = (j: number) => j >= 0 && (types[j] === 'D' || types[j] === 'R' || types[j] === 'C');

  let out = '';
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    const type = types[i]!;
    if (c === ZWJ || c === ZWNJ) continue; // they have done their work by now
    if (type !== 'D' && type !== 'R') {
      out += String.fromCodePoint(c);
      continue;
    }
    const prev = neighbour(i, -1);
    const next = neighbour(i, 1);
    const fromPrev = joinsForward(prev);
    if (c === LAM && next >= 0 && LAM_ALEF[cs[next]!]) {
      out += String.fromCodePoint(LAM_ALEF[cs[next]!]![fromPrev ? 1 : 0]);
      // Marks between the two go after the ligature; the alef is used up.
      for (let k = i + 1; k < next; k++) out += String.fromCodePoint(cs[k]!);
      i = next;
      continue;
    }
    if (type === 'R') {
      out += String.fromCodePoint(RIGHT[c]![fromPrev ? 1 : 0]);
      continue;
    }
    const toNext = joinsBackward(next);
    const forms = DUAL[c]!;
    out += String.fromCodePoint(fromPrev && toNext ? forms[3] : fromPrev ? forms[1] : toNext ? forms[2] : forms[0]);
  }
  return out;
};
