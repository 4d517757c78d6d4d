import type { ArtShape, Template } from '@bodem/shared';
import { EDGE, INK, PAPER, TINT } from './palette.ts';
import { pane, rectZone } from './shapes.ts';

// One flip-chart poster per organisation, laid out like the hand-out's four
// questions with the drawing in the middle, where groups tend to put it.
const ROW1 = { y: 120, height: 900 };
const ROW2 = { y: 1040, height: 920 };

const WIE = { x: 40, y: ROW1.y, width: 860, height: ROW1.height };
const TEKENING = { x: 920, y: ROW1.y, width: 960, height: ROW1.height };
const WAT = { x: 1900, y: ROW1.y, width: 860, height: ROW1.height };
const BEREIKEN = { x: 40, y: ROW2.y, width: 1350, height: ROW2.height };
const ZOEKEN = { x: 1410, y: ROW2.y, width: 1350, height: ROW2.height };

const labelAt = (r: { x: number; y: number }) => ({ x: r.x + 36, y: r.y + 28 });

/** A pencil in the drawing pane's corner says "draw here" without words. */
const pencil: ArtShape[] = [
  {
    kind: 'path',
    data: 'M0,90 L70,20 L90,40 L20,110 L-6,116 Z',
    x: TEKENING.x + TEKENING.width - 150,
    y: TEKENING.y + 40,
    fill: '#F2C46B',
    stroke: INK,
    strokeWidth: 3,
  },
  {
    kind: 'path',
    data: 'M70,20 L80,10 L100,30 L90,40 Z',
    x: TEKENING.x + TEKENING.width - 150,
    y: TEKENING.y + 40,
    fill: '#E59C9C',
    stroke: INK,
    strokeWidth: 3,
  },
];

const art: ArtShape[] = [
  pane(WIE, TINT.blue),
  { ...pane(TEKENING, '#FFFFFF', EDGE.stone), dash: [18, 12] },
  pane(WAT, TINT.green),
  pane(BEREIKEN, TINT.sand),
  pane(ZOEKEN, TINT.rose),
  ...pencil,
];

/** Part A: each organisation presents itself to the group. */
export const beeld: Template = {
  id: 'beeld',
  part: 'A',
  title: 'Een nieuw beeld van elkaar',
  instructions:
    'Presenteer jullie organisatie en haar doelstellingen in maximaal 10 minuten. Schrijf steekwoorden bij de vier vragen en maak eventueel een tekening die jullie organisatie of idealen weergeeft.',
  width: 2800,
  height: 2000,
  background: PAPER,
  art,
  zones: [
    {
      id: 'wie-zijn-jullie',
      label: 'Wie zijn jullie?',
      hint: 'Naam en functie van iedere deelnemer',
      shape: rectZone(WIE.x, WIE.y, WIE.width, WIE.height),
      labelAt: labelAt(WIE),
    },
    {
      id: 'tekening',
      label: 'Tekening',
      hint: 'Wat geeft jullie organisatie of idealen weer?',
      shape: rectZone(TEKENING.x, TEKENING.y, TEKENING.width, TEKENING.height),
      labelAt: labelAt(TEKENING),
    },
    {
      id: 'wat-doet-de-organisatie',
      label: 'Wat doet de organisatie?',
      hint: 'Ondersteuningsvormen, doelgroepen; individu- of gemeenschapsgericht?',
      shape: rectZone(WAT.x, WAT.y, WAT.width, WAT.height),
      labelAt: labelAt(WAT),
    },
    {
      id: 'bereiken',
      label: 'Wat willen jullie bereiken met samenwerking?',
      hint: 'Jullie eigen doelen voor samenwerking formeel-informeel',
      shape: rectZone(BEREIKEN.x, BEREIKEN.y, BEREIKEN.width, BEREIKEN.height),
      labelAt: labelAt(BEREIKEN),
    },
    {
      id: 'zoeken-en-bieden',
      label: 'Wat zoek je bij de ander? Wat kan je zelf bieden?',
      shape: rectZone(ZOEKEN.x, ZOEKEN.y, ZOEKEN.width, ZOEKEN.height),
      labelAt: labelAt(ZOEKEN),
    },
  ],
  // Question 3 asks for it: at the level of families or of the community (kader 1).
  choices: [
    {
      id: 'focus',
      label: 'Focus',
      options: [
        { id: 'gezin', label: 'Focus op gezin' },
        { id: 'gemeenschap', label: 'Focus op gemeenschap' },
      ],
      at: { x: BEREIKEN.x + 40, y: BEREIKEN.y + BEREIKEN.height - 96 },
    },
  ],
  repeatable: true,
};
