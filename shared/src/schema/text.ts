/** Longest note we keep; more than a sticky note can show anyway. */
export const MAX_NOTE_LENGTH = 1000;
export const MAX_TITLE_LENGTH = 120;
export const MAX_NAME_LENGTH = 60;

// C0/C1 controls except tab and newline, plus bidi overrides that can
// disguise text; everything else (Arabic, Turkish, Polish …) is kept.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Strips control characters and caps the length. Never throws. */
export const cleanText = (value: unknown, max: number): string => {
  if (typeof value !== 'string') return '';
  const cleaned = value.replace(UNSAFE, '');
  return cleaned.length > max ? cleaned.slice(0, max) : cleaned;
};

/** Single-line variant for titles and names: newlines and tabs become spaces. */
export const cleanLine = (value: unknown, max: number): string =>
  cleanText(value, max * 2).replace(/[\t\n]+/g, ' ').trim().slice(0, max);
