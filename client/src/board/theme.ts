import type { PersonSide, Side } from '@bodem/shared';

/** Drawing constants shared by the canvas and the DOM overlays, so both line up. */
export const NOTE_FONT = '"Atkinson Hyperlegible", system-ui, sans-serif';
export const NOTE_FONT_FAMILY = 'Atkinson Hyperlegible';
export const NOTE_FONT_SIZE = 22;
export const NOTE_PADDING = 14;
export const NOTE_LINE_HEIGHT = 1.25;
export const NOTE_RADIUS = 6;
export const INK = '#1D1D1B';
export const SELECT_STROKE = '#1A56A8';

/** Dark, readable tones for labels that stand for a side (cursors, chips). */
export const SIDE_INK: Record<PersonSide | 'none', string> = {
  formeel: '#1A56A8',
  informeel: '#8A5A00',
  // Someone who is both: between the blue and the ochre, as dark (white text on it stays readable).
  beide: '#6B3D8C',
  none: '#3D5A3D',
};

/** Role cards: a tinted card with a band in the colour of whose role it is. */
export const ROLE_LOOK: Record<Side | 'none', { fill: string; band: string }> = {
  formeel: { fill: '#E6F1FF', band: '#1A56A8' },
  informeel: { fill: '#FFF4D1', band: '#B07A00' },
  none: { fill: '#EEF6EA', band: '#3D7A3D' },
};
