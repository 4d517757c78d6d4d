import type { ArtShape, Template } from '@bodem/shared';
import { EDGE, INK, PAPER, TINT } from './palette.ts';
import { pane, rectZone } from './shapes.ts';

// The hand-out's little box at the end of part B, blown up to a poster: each
// participant writes their own notes, to take into part E.
const KRACHT = { x: 40, y: 120, width: 1150, height: 1440 };
const BIEDEN = { x: 1210, y: 120, width: 1150, height: 1440 };

/** A sprouting seedling: one's own strength, growing. */
const sprout = (x: number, y: number): ArtShape[] => [
  { kind: 'line', points: [x, y, x, y - 90], stroke: '#7FA35B', strokeWidth: 8 },
  { kind: 'path', data: 'M0,0 C-60,-10 -80,-60 -70,-80 C-30,-80 0,-50 0,0 Z', x, y: y - 60, fill: '#A9CF86', stroke: '#7FA35B', strokeWidth: 3 },
  { kind: 'path', data: 'M0,0 C60,-10 80,-60 70,-80 C30,-80 0,-50 0,0 Z', x, y: y - 80, fill: '#BFDCA0', stroke: '#7FA35B', strokeWidth: 3 },
  { kind: 'ellipse', x, y: y + 6, radiusX: 60, radiusY: 12, fill: '#D9C3A5' },
];

/** A wrapped present: what you can offer the other. */
const present = (x: number, y: number): ArtShape[] => [
  { kind: 'rect', x: x - 60, y: y - 80, width: 120, height: 90, cornerRadius: 6, fill: '#F1B8A9', stroke: INK, strokeWidth: 3 },
  { kind: 'rect', x: x - 70, y: y - 110, width: 140, height: 34, cornerRadius: 6, fill: '#EBA08F', stroke: INK, strokeWidth: 3 },
  { kind: 'line', points: [x, y - 110, x, y + 10], stroke: '#F6E27A', strokeWidth: 12 },
  { kind: 'path', data: 'M0,0 C-30,-40 -60,-20 -40,0 Z M0,0 C30,-40 60,-20 40,0 Z', x, y: y - 110, fill: '#F6E27A', stroke: INK, strokeWidth: 2 },
];

/** End of part B: each participant's own strength, and what they can offer. */
export const eigenKracht: Template = {
  id: 'eigen-kracht',
  part: 'B',
  title: 'Wat is je eigen kracht?',
  instructions:
    'Neem enkele minuten van bezinning. Noteer voor jezelf wat je eigen kracht is en wat jij de ander kunt bieden. Je neemt dit mee naar het gesprek met je samenwerkingspartner(s).',
  width: 2400,
  height: 1600,
  // "Noteer voor jezelf": private to its writer until they share it.
  personal: true,
  background: PAPER,
  art: [
    pane(KRACHT, TINT.green, EDGE.green),
    pane(BIEDEN, TINT.sand, EDGE.sand),
    ...sprout(KRACHT.x + KRACHT.width - 110, KRACHT.y + 150),
    ...present(BIEDEN.x + BIEDEN.width - 110, BIEDEN.y + 150),
  ],
  zones: [
    {
      id: 'eigen-kracht',
      label: 'Wat is je eigen kracht?',
      hint: 'Noteer wat je eigen kracht is.',
      shape: rectZone(KRACHT.x, KRACHT.y, KRACHT.width, KRACHT.height),
      labelAt: { x: KRACHT.x + 40, y: KRACHT.y + 30 },
    },
    {
      id: 'bieden',
      label: 'Wat kan jij de ander bieden?',
      shape: rectZone(BIEDEN.x, BIEDEN.y, BIEDEN.width, BIEDEN.height),
      labelAt: { x: BIEDEN.x + 40, y: BIEDEN.y + 30 },
    },
  ],
};
