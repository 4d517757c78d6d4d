import type { ArtShape, IdeaSpec, Template, TemplateZone, TextField } from '@bodem/shared';
import { EDGE, PAPER, TINT } from './palette.ts';
import { pane, rectZone } from './shapes.ts';

/**
 * Part C's extra exercise with every group's idea on one board: a column
 * per idea with its name and the four things the hand-out asks each idea
 * to name, so the room compares and votes on the ideas side by side
 * (rather than one "Zelf een voorbeeld bedenken" board per idea).
 */
export const IDEA_COUNT = 4;

/** The hand-out's parts of an idea, in its order ("vorm, doelen, werkwijze, rollen … en condities voor slagen"). */
export const IDEA_PARTS = [
  { id: 'doelstelling', label: 'Doelstelling' },
  { id: 'werkwijze', label: 'Werkwijze' },
  { id: 'rollen', label: 'Rollen' },
  { id: 'condities', label: 'Condities' },
] as const;

const WIDTH = 2800;
const HEIGHT = 2000;
const MARGIN = 40;
const GAP = 20;
const TOP = 120;
const COL_W = (WIDTH - 2 * MARGIN - (IDEA_COUNT - 1) * GAP) / IDEA_COUNT;
/** The idea's name field on top of its column. */
const NAME = { dy: 10, height: 96 };
const ZONES_TOP = TOP + NAME.dy + NAME.height + 24;
const ZONE_GAP = 12;
const ZONE_H = (HEIGHT - MARGIN - ZONES_TOP - (IDEA_PARTS.length - 1) * ZONE_GAP) / IDEA_PARTS.length;

const TINTS = [TINT.rose, TINT.blue, TINT.lilac, TINT.green] as const;

const zones: TemplateZone[] = [];
const fields: TextField[] = [];
const ideas: IdeaSpec[] = [];
const art: ArtShape[] = [];

for (let i = 0; i < IDEA_COUNT; i++) {
  const n = i + 1;
  const x = MARGIN + i * (COL_W + GAP);
  // A faint column behind the idea, so its four parts read as one.
  art.push({ kind: 'rect', x: x - 8, y: TOP, width: COL_W + 16, height: HEIGHT - MARGIN - TOP, cornerRadius: 24, fill: TINT.stone, stroke: EDGE.stone, strokeWidth: 2 });
  const ids: string[] = [];
  IDEA_PARTS.forEach((part, j) => {
    const y = ZONES_TOP + j * (ZONE_H + ZONE_GAP);
    art.push(pane({ x, y, width: COL_W, height: ZONE_H }, TINTS[j] ?? TINT.sand));
    const id = `idee-${n}-${part.id}`;
    ids.push(id);
    zones.push({ id, label: `Idee ${n} · ${part.label}`, shape: rectZone(x, y, COL_W, ZONE_H), labelAt: { x: x + 24, y: y + 20 } });
  });
  const fieldId = `idee-${n}-vorm`;
  fields.push({ id: fieldId, label: `Idee ${n} · Vorm`, rect: { x: x + 10, y: TOP + NAME.dy, width: COL_W - 20, height: NAME.height } });
  ideas.push({ id: `idee-${n}`, label: `Idee ${n}`, zoneIds: ids, fieldId });
}

/** Part C, extra: every mixed group's own idea of working together, on one board, to present and vote on. */
export const ideeen: Template = {
  id: 'ideeen',
  part: 'C',
  title: 'Samenwerkingsvoorbeelden',
  instructions:
    'Benoem expliciet wat de doelstelling van de samenwerking is, wat er precies gedaan wordt en wie welke rol heeft. Denk ook na over belangrijke randvoorwaarden voor het slagen van de samenwerking. Maak samen de keuze voor de meest aansprekende samenwerkingsvorm.',
  width: WIDTH,
  height: HEIGHT,
  background: PAPER,
  art,
  zones,
  fields,
  ideas: { list: ideas, voting: { limit: 2 } },
  optional: 'EXTRA ONDERDEEL (EVENTUEEL)',
};
