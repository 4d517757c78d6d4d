/**
 * Line breaking for note text, done once per text and font size and kept,
 * instead of on every draw: Konva's Text measures its lines with a binary
 * search over characters whenever an attribute changes, and measures a
 * sample letter on every draw; on a board of a thousand notes that is most
 * of a redraw. Here a word is measured once (at one reference size; widths
 * scale with the font size) and lines are summed from words.
 *
 * The rules: words go on a line while they fit; lines break between words
 * only, except a single word wider than a line, which is broken between
 * letters with a hyphen; the lines that fit the height are kept, and when
 * text was cut the last one kept ends in "…" and, when asked, says how many
 * words are not shown ("… +12 woorden").
 */

export interface TextBox {
  /** Inner size, padding already taken off. */
  width: number;
  height: number;
  fontSize: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
}

export interface Line {
  text: string;
  width: number;
}

export interface TextLayout {
  lines: Line[];
  /** Some text did not fit and the last line ends in "…". */
  cut: boolean;
  /** Words not shown when cut (0 when all fit). */
  hidden: number;
}

export interface LayoutOptions {
  /** What the last line of a cut text says after "…", given the number of words not shown. */
  more?: (hiddenWords: number) => string;
}

/** Width of a string at `fontSize` px. */
export type Measure = (text: string, fontSize: number) => number;

const ELLIPSIS = '…';

/**
 * Splits `word` at the longest prefix (at least one letter) that, with a
 * hyphen after it, is not wider than `max`. Letters are measured one by one
 * (each once, in the cache) and summed: a broken word or a line cut for "…"
 * is a new string every time, and measuring each would be most of the work.
 */
const breakWord = (word: string, max: number, width: (s: string) => number): [string, string] => {
  const chars = Array.from(word);
  const room = max - width(HYPHEN);
  let w = width(chars[0] ?? '');
  let n = 1;
  while (n < chars.length && w + width(chars[n]!) <= room) w += width(chars[n++]!);
  return [`${chars.slice(0, n).join('')}${HYPHEN}`, chars.slice(n).join('')];
};

const HYPHEN = '-';
const countWords = (s: string) => s.split(/\s+/).filter(Boolean).length;

const lettersWidth = (chars: readonly string[], width: (s: string) => number) => chars.reduce((sum, ch) => sum + width(ch), 0);

export const layoutText = (text: string, box: TextBox, measure: Measure, opts: LayoutOptions = {}): TextLayout => {
  const { width: max, height, fontSize, lineHeight } = box;
  const width = (s: string) => measure(s, fontSize);
  const space = width(' ');
  const maxLines = Math.max(1, Math.floor((height + 0.01) / (fontSize * lineHeight)));
  const lines: Line[] = [];
  let cut = false;

  paragraphs: for (const para of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    const push = (t: string, w: number): boolean => {
      if (lines.length === maxLines) {
        cut = true;
        return false;
      }
      lines.push({ text: t, width: w });
      return true;
    };
    for (const raw of para.split(' ')) {
      let word = raw;
      let w = width(word);
      const joined = line ? lineWidth + space + w : w;
      if (joined <= max) {
        line = line ? `${line} ${word}` : word;
        lineWidth = joined;
        continue;
      }
      if (line && !push(line, lineWidth)) break paragraphs;
      line = '';
      lineWidth = 0;
      while (w > max) {
        const [head, rest] = breakWord(word, max, width);
        if (!push(head, lettersWidth(Array.from(head), width))) break paragraphs;
        word = rest;
        w = width(word);
      }
      line = word;
      lineWidth = w;
    }
    if (!push(line, lineWidth)) break;
  }

  let hidden = 0;
  if (cut && lines.length) {
    const total = countWords(text);
    const shownBefore = lines.slice(0, -1).reduce((n, l) => n + countWords(l.text.replace(/-$/, '')), 0);
    const last = lines[lines.length - 1]!;
    // The last line gives up whole words (never half a word) until "… +N woorden" fits after them.
    const words = last.text.trimEnd().split(' ');
    for (;;) {
      hidden = Math.max(1, total - shownBefore - countWords(words.join(' ')));
      const tail = opts.more ? `${ELLIPSIS} ${opts.more(hidden)}` : ELLIPSIS;
      const head = words.join(' ');
      const w = width(head ? `${head} ${tail}` : tail);
      if (w <= max || !words.length) {
        lines[lines.length - 1] = { text: head ? `${head} ${tail}` : tail, width: w };
        break;
      }
      words.pop();
    }
  }
  return { lines, cut, hidden };
};

/**
 * How tall a box of `width` must be (padding included) to show all of
 * `text` at `fontSize`, between `min` and `max`: a note grows with its text
 * instead of cutting it.
 */
export const fitHeight = (text: string, width: number, padding: number, fontSize: number, lineHeight: number, min: number, max: number, measure: Measure): number => {
  if (!text) return min;
  const { lines } = layoutText(text, { width: width - 2 * padding - 0.5, height: Number.MAX_SAFE_INTEGER, fontSize, lineHeight }, measure);
  return Math.min(max, Math.max(min, Math.ceil(lines.length * fontSize * lineHeight + 2 * padding)));
};

/**
 * Widths measured once per word at a reference size and scaled: glyph
 * advances in a canvas scale with the font size (no hinting), so one
 * measurement serves every zoom level.
 */
export const cachedMeasure = (measureAt: (text: string, refSize: number) => number, refSize = 100): Measure => {
  const cache = new Map<string, number>();
  return (text, fontSize) => {
    let w = cache.get(text);
    if (w === undefined) {
      w = measureAt(text, refSize);
      // Notes hold a few hundred distinct words; a text pasted in bulk must not grow this forever.
      if (cache.size > 20_000) cache.clear();
      cache.set(text, w);
    }
    return (w * fontSize) / refSize;
  };
};
