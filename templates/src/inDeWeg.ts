import type { ArtShape, Template, TemplateZone } from '@bodem/shared';
import { D_UITLEG, THEMAS } from './citaten.ts';
import { EDGE, PAPER, TINT } from './palette.ts';
import { pane, rectZone } from './shapes.ts';

// The eight quotes in reading order, two to a row: each zone has its
// printed card on the left and room on the right for the group's reactions.
// A theme keeps one tint, so its quotes read as a set where a row holds two
// themes.
const COLS = 2;
const ROWS = 4;
const GAP = 20;
const MARGIN = 40;
const TOP = 120;
const WIDTH = 2800;
const ZONE_W = (WIDTH - 2 * MARGIN - (COLS - 1) * GAP) / COLS;
const ZONE_H = 500;
const HEIGHT = TOP + ROWS * ZONE_H + (ROWS - 1) * GAP + MARGIN;
/** Big enough for the longest quote (~730 characters) and its source at the client's card font, ~20 px. */
const CARD = { dx: 20, dy: 110, width: 700, height: 370 };

const TINTS = [
  { fill: TINT.rose, edge: EDGE.rose },
  { fill: TINT.blue, edge: EDGE.blue },
  { fill: TINT.green, edge: EDGE.green },
] as const;

const cells = THEMAS.flatMap((thema) => thema.quotes.map((quote, i) => ({ thema, quote, n: i + 1 })));

/** Each quote's zone with its own art (its pane and quote mark), so a meeting can show only the quotes chosen. */
const parts: { zone: TemplateZone; art: ArtShape[] }[] = cells.map(({ thema, quote, n }, i) => {
  const x = MARGIN + (i % COLS) * (ZONE_W + GAP);
  const y = TOP + Math.floor(i / COLS) * (ZONE_H + GAP);
  const tint = TINTS[thema.number - 1] ?? TINTS[0];
  const art: ArtShape[] = [
    pane({ x, y, width: ZONE_W, height: ZONE_H }, tint.fill, tint.edge),
    // A big quote mark in the free corner: decoration that says "citaat" at a glance.
    { kind: 'text', x: x + ZONE_W - 120, y: y + 4, text: '“', fontSize: 180, fill: tint.edge, fontStyle: 'bold' },
  ];
  const zone: TemplateZone = {
    id: `thema-${thema.number}-citaat-${n}`,
    label: `Thema ${thema.number} · citaat ${n}`,
    hint: thema.title,
    shape: rectZone(x, y, ZONE_W, ZONE_H),
    labelAt: { x: x + 24, y: y + 20 },
    card: {
      text: quote.text,
      source: quote.source,
      rect: { x: x + CARD.dx, y: y + CARD.dy, width: CARD.width, height: CARD.height },
    },
  };
  return { zone, art };
});
const zones = parts.map((p) => p.zone);
const art = parts.flatMap((p) => p.art);

/** The ids of part D's quote zones, in reading order (the choice the facilitator makes while preparing). */
export const D_QUOTE_IDS: readonly string[] = zones.map((z) => z.id);

/** Part D: quotes on sensitive themes, read aloud, with the group's reactions. */
export const inDeWeg: Template = {
  id: 'in-de-weg',
  part: 'D',
  title: 'Wat staat er in de weg?',
  instructions:
    'Lees een citaat voor. Herken je je hierin? Wat vind je hiervan? Wat komt in je op als je dit hoort? Schrijf je reactie naast het citaat.',
  width: WIDTH,
  height: HEIGHT,
  background: PAPER,
  art,
  zones,
  facilitatorNotes: D_UITLEG,
};

const chosenCache = new Map<string, Template>();

/**
 * Part D with only the quotes the facilitator chose (null: all eight).
 * Each chosen quote keeps its place on the poster, so a note written beside
 * it stays in its zone when the choice changes later; what is not chosen is
 * not drawn, listed, projected or reported.
 */
export const inDeWegWith = (chosen: readonly string[] | null): Template => {
  if (chosen === null) return inDeWeg;
  const keep = parts.filter((p) => chosen.includes(p.zone.id));
  const key = keep.map((p) => p.zone.id).join(',');
  let t = chosenCache.get(key);
  if (!t) {
    t = { ...inDeWeg, zones: keep.map((p) => p.zone), art: keep.flatMap((p) => p.art) };
    chosenCache.set(key, t);
  }
  return t;
};
