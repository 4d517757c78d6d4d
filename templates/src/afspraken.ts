import type { ArtShape, Template } from '@bodem/shared';
import { EDGE, PAPER, TINT } from './palette.ts';
import { pane, rectZone } from './shapes.ts';

// The agreements as a table (wat, wie, wanneer), who writes them up right
// under it, and a column for loose notes on next steps.
const AFSPRAKEN = { x: 40, y: 120, width: 1700, height: 1640 };
const VERVOLG = { x: 1760, y: 120, width: 800, height: 1640 };
const TABLE = { x: 70, y: 260, width: 1640, height: 1260 };
const VERSLAG = { x: 70, y: 1620, width: 1100, height: 96 };

const art: ArtShape[] = [
  pane(AFSPRAKEN, TINT.blue),
  pane(VERVOLG, TINT.sand),
  // A white sheet under the table, like the hand-out's page for agreements.
  { kind: 'rect', x: TABLE.x - 10, y: TABLE.y - 10, width: TABLE.width + 20, height: TABLE.height + 20, cornerRadius: 10, fill: '#FFFFFF', stroke: EDGE.blue, strokeWidth: 3 },
  // A pin on the loose-notes column, as on a notice board.
  { kind: 'ellipse', x: VERVOLG.x + VERVOLG.width - 70, y: VERVOLG.y + 60, radiusX: 22, radiusY: 22, fill: '#E4704F', stroke: '#B9503A', strokeWidth: 3 },
];

/** Parts E.6 and F: concrete agreements for what comes next. */
export const afspraken: Template = {
  id: 'afspraken',
  part: 'F',
  title: 'Afspraken voor vervolg',
  instructions:
    'Maak met elkaar concrete afspraken over vervolgstappen: wat is de volgende stap, wie doet wat en met welke planning? Spreek ook af wie deze afspraken op papier zet.',
  width: 2600,
  height: 1800,
  background: PAPER,
  art,
  zones: [
    {
      id: 'afspraken',
      label: 'Afspraken',
      hint: 'Wie doet wat en met welke planning?',
      shape: rectZone(AFSPRAKEN.x, AFSPRAKEN.y, AFSPRAKEN.width, AFSPRAKEN.height),
      labelAt: { x: AFSPRAKEN.x + 30, y: AFSPRAKEN.y + 24 },
    },
    {
      id: 'vervolgstappen',
      label: 'Vervolgstappen',
      hint: 'Aantekeningen over concrete afspraken en vervolgstappen',
      shape: rectZone(VERVOLG.x, VERVOLG.y, VERVOLG.width, VERVOLG.height),
      labelAt: { x: VERVOLG.x + 30, y: VERVOLG.y + 24 },
    },
  ],
  table: {
    rect: TABLE,
    columns: [
      { id: 'wat', label: 'Wat?', width: 860 },
      { id: 'wie', label: 'Wie?', width: 400 },
      { id: 'wanneer', label: 'Wanneer?', width: 380 },
    ],
  },
  fields: [{ id: 'verslag', label: 'Wie zet de afspraken op papier?', rect: VERSLAG }],
};
