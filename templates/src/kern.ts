import type { Point, Template } from '@bodem/shared';
import { EDGE, INK, PAPER, TINT } from './palette.ts';
import { pane, rectZone } from './shapes.ts';

// Part E.3, one board per partnership: the four things the hand-out asks
// the partners to settle, and who writes the short report of it.
const TOP = 250;
const GAP = 20;
const W = (2600 - 80 - GAP) / 2;
const H = (1800 - 40 - TOP - GAP) / 2;
const col = (i: number) => 40 + i * (W + GAP);
const row = (i: number) => TOP + i * (H + GAP);

const DOEL = { x: col(0), y: row(0), width: W, height: H };
const WERKWIJZE = { x: col(1), y: row(0), width: W, height: H };
const INBRENG = { x: col(0), y: row(1), width: W, height: H };
const CONDITIES = { x: col(1), y: row(1), width: W, height: H };

const labelAt = (r: Point) => ({ x: r.x + 36, y: r.y + 28 });

/** Two hands meeting in the middle: what the partners bring together. */
const hands = ({ x, y }: Point) => [
  { kind: 'path' as const, data: 'M-90,10 L-30,10 C-10,10 0,0 0,-10 C0,-20 -10,-24 -20,-20 L-60,-20 L-90,-20 Z', x, y, fill: '#E6A96B', stroke: INK, strokeWidth: 3 },
  { kind: 'path' as const, data: 'M90,-10 L30,-10 C10,-10 0,0 0,10 C0,20 10,24 20,20 L60,20 L90,20 Z', x, y: y + 8, fill: '#8FB3D9', stroke: INK, strokeWidth: 3 },
];

/** Part E.3: what the partners want to do together. */
export const kern: Template = {
  id: 'kern',
  part: 'E',
  title: 'De kern van het samen doen',
  instructions:
    'Spreek eerst af wie een kort verslagje maakt van wat in dit onderdeel uitgewisseld wordt. Vervolgens gaan ze concreet met elkaar bespreken wat zij met elkaar willen doen. Leg ideeën op tafel en kijk of je op een lijn zit.',
  width: 2600,
  height: 1800,
  background: PAPER,
  summary: 'plan',
  art: [
    pane(DOEL, TINT.rose),
    pane(WERKWIJZE, TINT.blue),
    pane(INBRENG, TINT.sand),
    pane(CONDITIES, TINT.green, EDGE.green),
    ...hands({ x: INBRENG.x + INBRENG.width - 130, y: INBRENG.y + 90 }),
  ],
  fields: [{ id: 'verslag', label: 'Wie een kort verslagje maakt', rect: { x: 600, y: 128, width: 1400, height: 96 } }],
  zones: [
    {
      id: 'doelstelling',
      label: 'Doelstelling',
      hint: 'Wat wil je samen bereiken?',
      shape: rectZone(DOEL.x, DOEL.y, DOEL.width, DOEL.height),
      labelAt: labelAt(DOEL),
    },
    {
      id: 'werkwijze',
      label: 'Werkwijze',
      hint: 'Hoe ga je de doelstelling samen bereiken?',
      shape: rectZone(WERKWIJZE.x, WERKWIJZE.y, WERKWIJZE.width, WERKWIJZE.height),
      labelAt: labelAt(WERKWIJZE),
    },
    {
      id: 'inbreng',
      label: 'Inbreng van de verschillende partners',
      hint: 'Wat brengt iedere partij aan kennis, expertise, ervaring?',
      shape: rectZone(INBRENG.x, INBRENG.y, INBRENG.width, INBRENG.height),
      labelAt: labelAt(INBRENG),
    },
    {
      id: 'condities',
      label: 'Condities',
      hint: 'De condities die belangrijk zijn voor het slagen.',
      shape: rectZone(CONDITIES.x, CONDITIES.y, CONDITIES.width, CONDITIES.height),
      labelAt: labelAt(CONDITIES),
    },
  ],
  repeatable: true,
};
