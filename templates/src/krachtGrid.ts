import type { ArtShape, TemplateZone } from '@bodem/shared';
import { EDGE, INK, TINT } from './palette.ts';
import { pane, rectZone } from './shapes.ts';

/**
 * The frame "De kracht van de ander" (kader 3 and 4 of the hand-out): one
 * big cross on a flip-chart sheet, the four kinds of strength in its panes.
 * Both Kracht boards share it, so the two groups' posters line up when they
 * are presented to each other.
 */
export const KRACHT_SIZE = { width: 2400, height: 1700 } as const;

const LEFT = 40;
const TOP = 120;
const RIGHT = KRACHT_SIZE.width - 40;
const BOTTOM = KRACHT_SIZE.height - 40;
const MID_X = (LEFT + RIGHT) / 2;
const MID_Y = (TOP + BOTTOM) / 2;

const pane4 = [
  { x: LEFT, y: TOP, fill: TINT.blue },
  { x: MID_X, y: TOP, fill: TINT.green },
  { x: LEFT, y: MID_Y, fill: TINT.sand },
  { x: MID_X, y: MID_Y, fill: TINT.rose },
] as const;

const PANE_W = MID_X - LEFT;
const PANE_H = MID_Y - TOP;

const zone = (i: 0 | 1 | 2 | 3, id: string, label: string): TemplateZone => {
  const p = pane4[i];
  return { id, label, shape: rectZone(p.x, p.y, PANE_W, PANE_H), labelAt: { x: p.x + 40, y: p.y + 30 } };
};

export const KRACHT_ZONES: readonly TemplateZone[] = [
  zone(0, 'kennis-en-begrip', 'Kennis en begrip'),
  zone(1, 'vaardigheden', 'Vaardigheden'),
  zone(2, 'positie', 'Positie'),
  zone(3, 'macht-en-middelen', 'Macht en middelen'),
];

const crossStroke = { stroke: INK, strokeWidth: 10 } as const;

export const KRACHT_ART: readonly ArtShape[] = [
  ...pane4.map((p) => pane({ x: p.x, y: p.y, width: PANE_W, height: PANE_H }, p.fill)),
  // Drawn on top of the panes, the cross reads as the marker lines of the paper original.
  { kind: 'line', points: [MID_X, TOP + 10, MID_X, BOTTOM - 10], ...crossStroke },
  { kind: 'line', points: [LEFT + 10, MID_Y, RIGHT - 10, MID_Y], ...crossStroke },
  { kind: 'rect', x: LEFT, y: TOP, width: RIGHT - LEFT, height: BOTTOM - TOP, cornerRadius: 18, stroke: EDGE.stone, strokeWidth: 4 },
];
