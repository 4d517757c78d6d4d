import type { Side } from './side.ts';

/**
 * Sticky-note palette. A note has no stored colour until someone recolours
 * it; until then its colour follows the author's side, so a template or a
 * merge can change side colours without touching every note.
 */
export const NOTE_COLORS = {
  geel: '#FFE58A',
  blauw: '#A9D6FF',
  groen: '#B8EBB0',
  roze: '#FFC2D6',
  oranje: '#FFCC99',
  paars: '#D9C8FF',
} as const;

export type NoteColor = keyof typeof NOTE_COLORS;

export const isNoteColor = (v: unknown): v is NoteColor =>
  typeof v === 'string' && Object.prototype.hasOwnProperty.call(NOTE_COLORS, v);

export const SIDE_COLOR: Record<Side, NoteColor> = {
  formeel: 'blauw',
  informeel: 'geel',
};

export const noteFill = (color: NoteColor | null, side: Side | null): string =>
  NOTE_COLORS[color ?? (side ? SIDE_COLOR[side] : 'groen')];
