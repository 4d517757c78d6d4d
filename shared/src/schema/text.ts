/** Longest note we keep; more than a sticky note can show anyway. */
export const MAX_NOTE_LENGTH = 1000;
export const MAX_TITLE_LENGTH = 120;
export const MAX_NAME_LENGTH = 60;
/** An organisation's name as a participant types it on joining. */
export const MAX_ORG_LENGTH = 80;

// C0/C1 controls except tab and newline, plus bidi overrides that can
// disguise text; everything else (Arabic, Turkish, Polish …) is kept.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

// Half of a surrogate pair on its own. Yjs encodes text as UTF-8, which
// turns a lone surrogate into U+FFFD on the wire: the writer would keep
// "\uD83D" while every other peer gets "\uFFFD", for good.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Cuts at `max` UTF-16 units without splitting a surrogate pair (an emoji). */
const cap = (s: string, max: number): string => {
  if (s.length <= max) return s;
  const c = s.charCodeAt(max - 1);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? max - 1 : max);
};

/** Strips control characters and lone surrogates and caps the length. Never throws. */
export const cleanText = (value: unknown, max: number): string => {
  if (typeof value !== 'string') return '';
  return cap(value.replace(UNSAFE, '').replace(LONE_SURROGATE, ''), max);
};

/** Single-line variant for titles and names: newlines and tabs become spaces. */
export const cleanLine = (value: unknown, max: number): string =>
  cap(cleanText(value, max * 2).replace(/[\t\n]+/g, ' ').trim(), max);
