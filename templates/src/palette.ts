/**
 * The posters' colours, shared so a meeting's boards read as one printed
 * set: warm paper, a soft brown "marker" ink, and pale tints that stay
 * quiet behind coloured sticky notes and survive a black-and-white print.
 */
export const PAPER = '#FBFAF6';
export const INK = '#6B6253';
export const FAINT_LINE = '#DDD5C4';

export const TINT = {
  blue: '#E3EDF5',
  green: '#E6F1DF',
  sand: '#F7EDD8',
  rose: '#F5E3E0',
  lilac: '#ECE6F2',
  stone: '#EFEBE3',
} as const;

/** Slightly darker partners of TINT, for outlines and small decorations. */
export const EDGE = {
  blue: '#B9CFE0',
  green: '#BFD8B1',
  sand: '#E6D0A3',
  rose: '#E5BDB6',
  lilac: '#CFC3DF',
  stone: '#D6CFC0',
} as const;
