import type { ArtShape, ChoiceRow, Template, TemplateZone } from '@bodem/shared';
import { EDGE, FAINT_LINE, PAPER, TINT } from './palette.ts';
import { rectZone } from './shapes.ts';

/** The six "aandachtspunten en valkuilen" of the hand-out (part E.5), verbatim. */
export const VALKUILEN: readonly string[] = [
  '(Gebrek aan) diversiteit en cultuursensitiviteit bij formele werkers.',
  'Bewaken van de informele positie van informele werkers.',
  'Evenwicht tussen last en vermogen.',
  'Voor duurzame verbinding zijn structurele vormen van overleg nodig: samenwerking ad hoc wanneer er een urgent probleem is, leidt vaak tot ontevredenheid.',
  'Betrokkenheid van het management van beide kanten (tijd en ruimte om in de samenwerking te investeren).',
  'Coördinatie en helderheid over verantwoordelijkheden.',
];

// One light band per pitfall: printed card and "van toepassing?" on the
// left, the group's notes on what it means for them on the right.
const WIDTH = 2600;
const MARGIN = 40;
const TOP = 120;
const ROW_H = 330;
const GAP = 12;
/** Below the six rows, room for the group's own pitfalls. */
const OWN_H = 300;
const OWN_Y = TOP + VALKUILEN.length * (ROW_H + GAP);
const HEIGHT = OWN_Y + OWN_H + MARGIN;
const CARD = { dx: 30, dy: 24, width: 900, height: 150 };
/** Room above the buttons for the row's question, below the card. */
const CHOICE_DY = CARD.dy + CARD.height + 56;
const NOTES_X = MARGIN + CARD.dx + CARD.width + 40;

const OPTIONS = [
  { id: 'ja', label: 'Ja' },
  { id: 'nee', label: 'Nee' },
  { id: 'weet-niet', label: 'Weet niet' },
] as const;

/** A road-sign triangle beside the buttons: "watch out" without words. */
const warning = (cx: number, bottom: number): ArtShape[] => [
  { kind: 'line', points: [cx, bottom - 80, cx + 46, bottom, cx - 46, bottom], closed: true, fill: '#F6D58A', stroke: '#C98F2E', strokeWidth: 6 },
  { kind: 'line', points: [cx, bottom - 52, cx, bottom - 26], stroke: '#8A5A00', strokeWidth: 8 },
  { kind: 'ellipse', x: cx, y: bottom - 12, radiusX: 4, radiusY: 4, fill: '#8A5A00' },
];

const zones: TemplateZone[] = [];
const choices: ChoiceRow[] = [];
const art: ArtShape[] = [];

VALKUILEN.forEach((text, i) => {
  const y = TOP + i * (ROW_H + GAP);
  const n = i + 1;
  const band = i % 2 === 0 ? { fill: TINT.sand, edge: EDGE.sand } : { fill: TINT.stone, edge: EDGE.stone };
  art.push({ kind: 'rect', x: MARGIN, y, width: WIDTH - 2 * MARGIN, height: ROW_H, cornerRadius: 18, fill: band.fill });
  art.push({ kind: 'line', points: [NOTES_X - 20, y + 24, NOTES_X - 20, y + ROW_H - 24], stroke: FAINT_LINE, strokeWidth: 4, dash: [12, 12] });
  art.push(...warning(NOTES_X - 110, y + ROW_H - 60));
  zones.push({
    id: `valkuil-${n}`,
    label: `Valkuil ${n}`,
    hint: 'Wat betekent dit in jullie geval?',
    shape: rectZone(MARGIN, y, WIDTH - 2 * MARGIN, ROW_H),
    labelAt: { x: NOTES_X + 10, y: y + 20 },
    card: { text, rect: { x: MARGIN + CARD.dx, y: y + CARD.dy, width: CARD.width, height: CARD.height } },
  });
  choices.push({
    id: `valkuil-${n}`,
    label: 'Van toepassing?',
    options: OPTIONS,
    at: { x: MARGIN + CARD.dx, y: y + CHOICE_DY },
  });
});

art.push({ kind: 'rect', x: MARGIN, y: OWN_Y, width: WIDTH - 2 * MARGIN, height: OWN_H, cornerRadius: 18, fill: TINT.rose, stroke: EDGE.rose, strokeWidth: 3 });
art.push(...warning(WIDTH - MARGIN - 90, OWN_Y + OWN_H - 40));
// The manual's E.5: "Deelnemers bespreken met elkaar wat zij als valkuilen of risico’s in de specifieke samenwerkingsvorm zien".
zones.push({
  id: 'eigen-valkuilen',
  label: 'Valkuilen of risico’s in de specifieke samenwerkingsvorm',
  shape: rectZone(MARGIN, OWN_Y, WIDTH - 2 * MARGIN, OWN_H),
  labelAt: { x: MARGIN + 30, y: OWN_Y + 20 },
});

/** Part E.5: which pitfalls apply, and what they mean here. */
export const valkuilen: Template = {
  id: 'valkuilen',
  part: 'E',
  title: 'Valkuilen',
  instructions:
    'Bespreek met elkaar deze aandachtspunten en valkuilen uit eerder onderzoek. Welke zijn hier van toepassing? Wat betekent dit in jullie geval?',
  width: WIDTH,
  height: HEIGHT,
  background: PAPER,
  art,
  zones,
  choices,
  optional: 'Optioneel onderdeel, als er tijd is',
};
