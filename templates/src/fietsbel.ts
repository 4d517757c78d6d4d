import type { ArtShape, Template } from '@bodem/shared';
import { EDGE, INK, PAPER, TINT } from './palette.ts';
import { pane, rectZone } from './shapes.ts';

// Part G's other closing: everyone thinks alone, walks, stops at the bell
// and asks the nearest person "Wat moet er nu gebeuren?"; then the room
// gathers what was said. The bell sits in the lower corner, clear of the question's hint.
const TOP = 120;
const GAP = 20;
const ZELF = { x: 40, y: TOP, width: 1100, height: 1640 };
const GEZEGD = { x: 40 + 1100 + GAP, y: TOP, width: 2600 - 80 - 1100 - GAP, height: 1640 };

/** A bicycle bell: a dome on a clamp with a little lever. */
const bell = (x: number, y: number): ArtShape[] => [
  { kind: 'ellipse', x, y, radiusX: 70, radiusY: 70, fill: '#D8DCE0', stroke: INK, strokeWidth: 4 },
  { kind: 'ellipse', x, y, radiusX: 44, radiusY: 44, fill: '#EEF0F2', stroke: '#9AA1A8', strokeWidth: 3 },
  { kind: 'ellipse', x, y, radiusX: 10, radiusY: 10, fill: INK },
  { kind: 'rect', x: x - 16, y: y + 64, width: 32, height: 40, cornerRadius: 6, fill: '#9AA1A8', stroke: INK, strokeWidth: 3 },
  { kind: 'line', points: [x + 50, y + 50, x + 110, y + 90], stroke: INK, strokeWidth: 8 },
  // "tring!" as two small arcs of sound.
  { kind: 'line', points: [x - 100, y - 70, x - 120, y - 30, x - 100, y + 10], tension: 0.5, stroke: EDGE.sand, strokeWidth: 6 },
  { kind: 'line', points: [x - 130, y - 90, x - 156, y - 30, x - 130, y + 30], tension: 0.5, stroke: EDGE.sand, strokeWidth: 6 },
];

/** Part G, closing: the bicycle bell. */
export const fietsbel: Template = {
  id: 'fietsbel',
  part: 'G',
  title: 'De fietsbel',
  instructions: 'Iedereen mag eerst even zelf nadenken over de vraag: Wat moet er nu gebeuren? Je vraagt elkaar: Wat moet er nu gebeuren?',
  width: 2600,
  height: 1800,
  background: PAPER,
  art: [pane(ZELF, TINT.sand, EDGE.sand), pane(GEZEGD, TINT.blue, EDGE.blue), ...bell(ZELF.x + ZELF.width - 170, ZELF.y + ZELF.height - 170)],
  zones: [
    {
      id: 'wat-moet-er-nu-gebeuren',
      label: 'Wat moet er nu gebeuren?',
      hint: 'Wat zijn vervolgstappen/wat wil je graag dat er naar aanleiding van deze bijeenkomst zou gebeuren.',
      shape: rectZone(ZELF.x, ZELF.y, ZELF.width, ZELF.height),
      labelAt: { x: ZELF.x + 30, y: ZELF.y + 24 },
    },
    {
      id: 'wat-is-er-gezegd',
      label: 'Wat is er gezegd?',
      hint: 'Aan de hand van de gesprekken verzamelen we plenair ideeën',
      shape: rectZone(GEZEGD.x, GEZEGD.y, GEZEGD.width, GEZEGD.height),
      labelAt: { x: GEZEGD.x + 30, y: GEZEGD.y + 24 },
    },
  ],
};
