import type { ArtShape, Point, Template } from '@bodem/shared';
import { EDGE, INK, PAPER, TINT } from './palette.ts';
import { pane, rectZone } from './shapes.ts';

// Part C's extra exercise: one poster per mixed group, the four things the
// hand-out asks each example to name. The name line on top lets the room
// tell the ideas apart when everyone votes.
const TOP = 250;
const GAP = 20;
const W = (2600 - 80 - GAP) / 2;
const H = (1800 - 40 - TOP - GAP) / 2;
const col = (i: number) => 40 + i * (W + GAP);
const row = (i: number) => TOP + i * (H + GAP);

const DOEL = { x: col(0), y: row(0), width: W, height: H };
const WERKWIJZE = { x: col(1), y: row(0), width: W, height: H };
const ROLLEN = { x: col(0), y: row(1), width: W, height: H };
const CONDITIES = { x: col(1), y: row(1), width: W, height: H };

/** Small icons in each pane's corner, the way groups doodle on a flip-chart. */
const target = ({ x, y }: Point): ArtShape[] => [
  { kind: 'ellipse', x, y, radiusX: 56, radiusY: 56, fill: '#FFFFFF', stroke: '#D98B7A', strokeWidth: 8 },
  { kind: 'ellipse', x, y, radiusX: 32, radiusY: 32, stroke: '#D98B7A', strokeWidth: 8 },
  { kind: 'ellipse', x, y, radiusX: 9, radiusY: 9, fill: '#D98B7A' },
];
const steps = ({ x, y }: Point): ArtShape[] => [
  { kind: 'line', points: [x - 70, y + 40, x - 10, y - 10, x + 60, y - 40], tension: 0.4, stroke: INK, strokeWidth: 6, dash: [14, 12] },
  { kind: 'path', data: 'M0,-18 L30,0 L0,18 Z', x: x + 62, y: y - 42, fill: INK },
];
const people = ({ x, y }: Point): ArtShape[] => [
  { kind: 'ellipse', x: x - 34, y: y - 36, radiusX: 20, radiusY: 20, fill: '#8FB3D9' },
  { kind: 'path', data: 'M-34,-12 C-70,-12 -74,40 -74,40 L6,40 C6,40 2,-12 -34,-12 Z', x, y, fill: '#8FB3D9' },
  { kind: 'ellipse', x: x + 34, y: y - 36, radiusX: 20, radiusY: 20, fill: '#E6A96B' },
  { kind: 'path', data: 'M34,-12 C-2,-12 -6,40 -6,40 L74,40 C74,40 70,-12 34,-12 Z', x, y, fill: '#E6A96B' },
];
const checklist = ({ x, y }: Point): ArtShape[] => [
  { kind: 'rect', x: x - 50, y: y - 60, width: 100, height: 120, cornerRadius: 8, fill: '#FFFFFF', stroke: INK, strokeWidth: 4 },
  ...[-30, 0, 30].flatMap((dy): ArtShape[] => [
    { kind: 'line', points: [x - 34, y + dy, x - 24, y + dy + 10, x - 8, y + dy - 10], stroke: '#7FA35B', strokeWidth: 5 },
    { kind: 'line', points: [x + 2, y + dy, x + 34, y + dy], stroke: EDGE.stone, strokeWidth: 5 },
  ]),
];

const corner = (r: { x: number; y: number; width: number }): Point => ({ x: r.x + r.width - 100, y: r.y + 100 });

/** Part C, extra: a mixed group designs its own example of working together. */
export const voorbeeld: Template = {
  id: 'voorbeeld',
  part: 'C',
  title: 'Zelf een voorbeeld bedenken',
  instructions:
    'Ontwerp zelf een samenwerkingsvoorbeeld: werk in een gemengd groepje een idee uit voor samenwerking tussen formeel en informeel. Daarna kiezen we samen de meest aansprekende vorm: iedereen heeft twee stemmen.',
  width: 2600,
  height: 1800,
  background: PAPER,
  art: [
    pane(DOEL, TINT.rose),
    pane(WERKWIJZE, TINT.blue),
    pane(ROLLEN, TINT.lilac),
    pane(CONDITIES, TINT.green),
    ...target(corner(DOEL)),
    ...steps(corner(WERKWIJZE)),
    ...people(corner(ROLLEN)),
    ...checklist(corner(CONDITIES)),
  ],
  fields: [{ id: 'vorm', label: 'Vorm van samenwerking', rect: { x: 600, y: 128, width: 1400, height: 96 } }],
  zones: [
    {
      id: 'doelstelling',
      label: 'Doelstelling',
      hint: 'Wat is de doelstelling van de samenwerking?',
      shape: rectZone(DOEL.x, DOEL.y, DOEL.width, DOEL.height),
      labelAt: { x: DOEL.x + 36, y: DOEL.y + 28 },
    },
    {
      id: 'werkwijze',
      label: 'Werkwijze',
      hint: 'Wat wordt er precies gedaan?',
      shape: rectZone(WERKWIJZE.x, WERKWIJZE.y, WERKWIJZE.width, WERKWIJZE.height),
      labelAt: { x: WERKWIJZE.x + 36, y: WERKWIJZE.y + 28 },
    },
    {
      id: 'rollen',
      label: 'Rollen',
      hint: 'Wie heeft welke rol, formeel en informeel?',
      shape: rectZone(ROLLEN.x, ROLLEN.y, ROLLEN.width, ROLLEN.height),
      labelAt: { x: ROLLEN.x + 36, y: ROLLEN.y + 28 },
    },
    {
      id: 'condities',
      label: 'Condities',
      hint: 'Belangrijke randvoorwaarden voor het slagen van de samenwerking',
      shape: rectZone(CONDITIES.x, CONDITIES.y, CONDITIES.width, CONDITIES.height),
      labelAt: { x: CONDITIES.x + 36, y: CONDITIES.y + 28 },
    },
  ],
  voting: { limit: 2 },
  repeatable: true,
  optional: 'EXTRA ONDERDEEL (EVENTUEEL)',
};
