import type { ArtShape, Template } from '@bodem/shared';
import { PAPER } from './palette.ts';
import { ROLLEN } from './rollen.ts';
import { rectZone } from './shapes.ts';

// "Boom van samenwerking" as participants draw it on a big sheet: fruit in
// the crown, roots under the ground, roles in a fat trunk, a sun above and
// a watering can beside the tree, with room left on both sides.
const W = 2600;
const H = 2100;

const CROWN = { cx: 1300, cy: 480, rx: 600, ry: 270 };
const GROUND_Y = 1660;
/** Wide and tall enough for six role cards (280×120) stacked with gaps. */
const TRUNK = { top: CROWN.cy + CROWN.ry, topLeft: 1125, topRight: 1475, bottomLeft: 1105, bottomRight: 1495 };
const SUN = { cx: 2290, cy: 430, r: 230 };
const CAN = { x: 60, y: 800, width: 940, height: 780 };
const ROOTS = { x: 40, y: GROUND_Y, width: W - 80, height: H - 40 - GROUND_Y };

const BARK = '#A8744E';
const BARK_DARK = '#7A4F31';
const LEAF = ['#A8CF85', '#B7D898', '#9CC57A'] as const;
const SUN_FILL = '#FFE08A';
const SUN_EDGE = '#F0B43C';
const WATER = '#7FB2D6';
const CAN_FILL = '#8DBBDB';
const CAN_EDGE = '#4F7FA6';

const soil: ArtShape[] = [
  { kind: 'rect', x: 40, y: GROUND_Y, width: W - 80, height: H - 40 - GROUND_Y, cornerRadius: 18, fill: '#F3E8D8' },
  {
    kind: 'line',
    points: [80, GROUND_Y + 6, 500, GROUND_Y - 8, 900, GROUND_Y + 4, 1300, GROUND_Y - 6, 1700, GROUND_Y + 6, 2100, GROUND_Y - 6, W - 80, GROUND_Y + 4],
    tension: 0.5,
    stroke: '#8DB06A',
    strokeWidth: 10,
  },
];

const root = (points: number[], width: number): ArtShape => ({ kind: 'line', points, tension: 0.5, stroke: BARK, strokeWidth: width, opacity: 0.75 });

const roots: ArtShape[] = [
  root([1160, GROUND_Y, 1020, 1760, 800, 1830, 520, 1880], 26),
  root([1200, GROUND_Y, 1150, 1800, 1040, 1930, 900, 2000], 20),
  root([1300, GROUND_Y, 1310, 1820, 1290, 1990], 18),
  root([1400, GROUND_Y, 1460, 1800, 1580, 1930, 1720, 2000], 20),
  root([1440, GROUND_Y, 1590, 1760, 1820, 1830, 2090, 1880], 26),
  root([800, 1830, 700, 1930, 620, 1990], 10),
  root([1820, 1830, 1930, 1930, 2010, 1990], 10),
  root([1020, 1760, 880, 1740, 760, 1760], 9),
  root([1590, 1760, 1720, 1740, 1840, 1760], 9),
];

const trunk: ArtShape[] = [
  // Two branches disappear into the crown, so the trunk reads as holding it up.
  { kind: 'line', points: [1220, 770, 1100, 580, 960, 470], tension: 0.4, stroke: BARK, strokeWidth: 46 },
  { kind: 'line', points: [1390, 770, 1510, 580, 1660, 480], tension: 0.4, stroke: BARK, strokeWidth: 46 },
  {
    kind: 'path',
    data:
      `M${TRUNK.topLeft},600 C${TRUNK.topLeft + 4},1000 ${TRUNK.bottomLeft + 10},1400 ${TRUNK.bottomLeft},${GROUND_Y - 50} ` +
      `Q${TRUNK.bottomLeft - 20},${GROUND_Y} 1000,${GROUND_Y + 24} L1600,${GROUND_Y + 24} ` +
      `Q${TRUNK.bottomRight + 20},${GROUND_Y} ${TRUNK.bottomRight},${GROUND_Y - 50} ` +
      `C${TRUNK.bottomRight - 10},1400 ${TRUNK.topRight - 4},1000 ${TRUNK.topRight},600 Z`,
    fill: BARK,
    stroke: BARK_DARK,
    strokeWidth: 6,
  },
  // Bark grain along the edges, clear of the middle where the role cards go.
  { kind: 'line', points: [1140, 820, 1146, 1000, 1138, 1180], tension: 0.5, stroke: BARK_DARK, strokeWidth: 4, opacity: 0.5 },
  { kind: 'line', points: [1462, 900, 1456, 1100, 1466, 1300], tension: 0.5, stroke: BARK_DARK, strokeWidth: 4, opacity: 0.5 },
  { kind: 'line', points: [1132, 1320, 1128, 1480, 1120, 1600], tension: 0.5, stroke: BARK_DARK, strokeWidth: 4, opacity: 0.5 },
];

/** Leafy lobes around the crown's edge: the cloud outline of a drawn tree. */
const LOBES: readonly [number, number, number][] = [
  [720, 480, 160],
  [800, 330, 160],
  [960, 260, 150],
  [1150, 250, 150],
  [1350, 248, 150],
  [1550, 258, 150],
  [1740, 320, 160],
  [1870, 480, 160],
  [1790, 640, 160],
  [1580, 730, 160],
  [1020, 730, 160],
  [810, 640, 160],
];

const crown: ArtShape[] = [
  ...LOBES.map(([x, y, r], i): ArtShape => ({
    kind: 'ellipse',
    x,
    y,
    radiusX: r,
    radiusY: r * 0.85,
    fill: LEAF[i % LEAF.length],
    stroke: '#86B064',
    strokeWidth: 4,
  })),
  { kind: 'ellipse', x: CROWN.cx, y: CROWN.cy, radiusX: CROWN.rx, radiusY: CROWN.ry, fill: LEAF[1] },
  // A paler heart leaves the notes in the crown easy to read.
  { kind: 'ellipse', x: CROWN.cx, y: CROWN.cy + 10, radiusX: CROWN.rx - 90, radiusY: CROWN.ry - 60, fill: '#D3E8BE' },
];

const fruit = (x: number, y: number): ArtShape[] => [
  { kind: 'ellipse', x, y, radiusX: 30, radiusY: 28, fill: '#E4704F', stroke: '#B9503A', strokeWidth: 3 },
  { kind: 'path', data: 'M0,-26 C8,-44 26,-46 34,-40 C24,-30 12,-28 0,-26 Z', x, y, fill: '#6E9E4A' },
];

const fruits: ArtShape[] = [
  ...fruit(690, 430),
  ...fruit(880, 230),
  ...fruit(1250, 165),
  ...fruit(1650, 215),
  ...fruit(1900, 410),
  ...fruit(1860, 650),
  ...fruit(1640, 820),
  ...fruit(960, 820),
  ...fruit(740, 640),
];

const sunRays: ArtShape[] = Array.from({ length: 12 }, (_, i): ArtShape => {
  const a = (i / 12) * 2 * Math.PI + Math.PI / 12;
  const r1 = SUN.r + 18;
  const r2 = SUN.r + 62;
  return {
    kind: 'line',
    points: [SUN.cx + r1 * Math.cos(a), SUN.cy + r1 * Math.sin(a), SUN.cx + r2 * Math.cos(a), SUN.cy + r2 * Math.sin(a)],
    stroke: SUN_EDGE,
    strokeWidth: 14,
  };
});

const sun: ArtShape[] = [
  ...sunRays,
  { kind: 'ellipse', x: SUN.cx, y: SUN.cy, radiusX: SUN.r, radiusY: SUN.r, fill: SUN_FILL, stroke: SUN_EDGE, strokeWidth: 8 },
];

const SPRAY: readonly [number, number, number, number][] = [
  [975, 1020, 1080, 1060],
  [985, 1055, 1085, 1120],
  [980, 1090, 1075, 1180],
  [960, 1120, 1040, 1230],
];

/** A watering can on the left, its spout and spray aimed at the trunk. */
const can: ArtShape[] = [
  // Handle behind the body.
  { kind: 'path', data: 'M250,1190 C110,1170 100,1420 280,1440', stroke: CAN_EDGE, strokeWidth: 26 },
  { kind: 'path', data: 'M300,1120 C340,1010 540,1010 580,1120', stroke: CAN_EDGE, strokeWidth: 22 },
  // Spout, rising to the right.
  { kind: 'path', data: 'M600,1330 L860,1080 L890,1110 L630,1410 Z', fill: CAN_FILL, stroke: CAN_EDGE, strokeWidth: 6 },
  // Sprinkler head.
  { kind: 'path', data: 'M845,1060 L920,1000 L965,1090 L900,1125 Z', fill: CAN_FILL, stroke: CAN_EDGE, strokeWidth: 6 },
  // Body.
  {
    kind: 'path',
    data: 'M240,1120 L640,1120 L610,1480 Q606,1510 576,1510 L304,1510 Q274,1510 270,1480 Z',
    fill: CAN_FILL,
    stroke: CAN_EDGE,
    strokeWidth: 6,
  },
  { kind: 'ellipse', x: 440, y: 1120, radiusX: 200, radiusY: 26, fill: '#A9CDE6', stroke: CAN_EDGE, strokeWidth: 6 },
  // Spray.
  ...SPRAY.map(
    ([x1, y1, x2, y2]): ArtShape => ({ kind: 'line', points: [x1, y1, x2, y2], stroke: WATER, strokeWidth: 8, dash: [16, 14] }),
  ),
];

/** Part E.4: the tree of working together. */
export const boom: Template = {
  id: 'boom',
  part: 'E',
  title: 'Boom van samenwerking',
  instructions:
    'Vul eerst de vruchten in (de doelen), dan de wortels (wat brengt iedere partij mee?), dan de stam: kies samen maximaal vijf of zes rollen. Zet in de zon de randvoorwaarden en in de gieter wat je van de ander nodig hebt.',
  width: W,
  height: H,
  background: PAPER,
  art: [...soil, ...roots, ...trunk, ...crown, ...fruits, ...sun, ...can],
  zones: [
    {
      id: 'vruchten',
      label: 'Vruchten',
      hint: 'Doelen van de samenwerking',
      shape: { type: 'ellipse', ...CROWN },
      labelAt: { x: 1100, y: 250 },
    },
    {
      id: 'stam',
      label: 'Stam',
      hint: 'Rollen van de partners',
      shape: {
        type: 'polygon',
        points: [TRUNK.topLeft, TRUNK.top, TRUNK.topRight, TRUNK.top, TRUNK.bottomRight, GROUND_Y, TRUNK.bottomLeft, GROUND_Y],
      },
      labelAt: { x: TRUNK.bottomRight + 40, y: 1000 },
      limit: { max: 6, message: 'Kies er maximaal vijf of zes' },
    },
    {
      id: 'wortels',
      label: 'Wortels',
      hint: 'Wat brengt iedere partij aan kennis, expertise, ervaring? Wat is ieders kracht?',
      shape: rectZone(ROOTS.x, ROOTS.y, ROOTS.width, ROOTS.height),
      labelAt: { x: ROOTS.x + 30, y: ROOTS.y + 30 },
    },
    {
      id: 'zon',
      label: 'Zon',
      hint: 'Randvoorwaarden',
      shape: { type: 'ellipse', cx: SUN.cx, cy: SUN.cy, rx: SUN.r, ry: SUN.r },
      labelAt: { x: SUN.cx - 120, y: SUN.cy - 170 },
    },
    {
      id: 'gieter',
      label: 'Gieter',
      hint: 'Wat heb je van de ander nodig?',
      shape: rectZone(CAN.x, CAN.y, CAN.width, CAN.height),
      labelAt: { x: CAN.x + 30, y: CAN.y + 30 },
    },
  ],
  roles: ROLLEN,
  roleZoneId: 'stam',
  bringIn: { fromTemplate: 'eigen-kracht', zoneId: 'wortels', label: 'Eigen kracht (uit deel 1)' },
  optional: 'Optioneel onderdeel, als er tijd is',
};
