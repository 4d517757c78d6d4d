import type { ArtShape, Template } from '@bodem/shared';
import { EDGE, INK, PAPER, TINT } from './palette.ts';
import { pane, rectZone } from './shapes.ts';

// Part G's letter, as in Toon Tellegen's forest where the wind delivers the
// animals' letters: big notes that open with "Lieve …", on a sheet with a
// little wind and a few letters in flight around the edge.
const AREA = { x: 40, y: 120, width: 2520, height: 1640 };

const envelope = (x: number, y: number, s: number): ArtShape[] => [
  { kind: 'rect', x, y, width: 120 * s, height: 80 * s, cornerRadius: 6, fill: '#FFFFFF', stroke: INK, strokeWidth: 3 },
  { kind: 'line', points: [x, y, x + 60 * s, y + 46 * s, x + 120 * s, y], stroke: INK, strokeWidth: 3 },
];

const gust = (x: number, y: number): ArtShape => ({
  kind: 'line',
  points: [x, y, x + 120, y - 30, x + 240, y, x + 330, y - 20],
  tension: 0.5,
  stroke: EDGE.blue,
  strokeWidth: 6,
  dash: [24, 16],
});

const leaf = (x: number, y: number, fill: string): ArtShape => ({
  kind: 'path',
  data: 'M0,0 C20,-30 60,-30 70,0 C60,30 20,30 0,0 Z',
  x,
  y,
  fill,
  stroke: '#86B064',
  strokeWidth: 2,
});

/** Part G, closing: a letter with a wish for the future. */
export const wens: Template = {
  id: 'wens',
  part: 'G',
  title: 'Een wens voor de toekomst',
  instructions:
    'Schrijf een brief aan een van de aanwezige organisaties (mag ook de jouwe zijn!): “Lieve….” In de brief zit een wens voor de toekomst. Je mag ook een advies brengen of een vraag stellen.',
  width: 2600,
  height: 1800,
  background: PAPER,
  art: [
    pane(AREA, TINT.lilac),
    gust(AREA.x + AREA.width - 520, AREA.y + 70),
    gust(AREA.x + 1200, AREA.y + AREA.height - 60),
    ...envelope(AREA.x + AREA.width - 170, AREA.y + 20, 1),
    ...envelope(AREA.x + 60, AREA.y + AREA.height - 110, 0.8),
    leaf(AREA.x + AREA.width - 620, AREA.y + 40, '#BFDCA0'),
    leaf(AREA.x + 1100, AREA.y + AREA.height - 40, '#E8C07A'),
  ],
  zones: [
    {
      id: 'brieven',
      label: 'De brief',
      hint: 'Een wens voor de toekomst, een advies of een vraag',
      shape: rectZone(AREA.x, AREA.y, AREA.width, AREA.height),
      labelAt: { x: AREA.x + 36, y: AREA.y + 28 },
    },
  ],
  noteSize: { width: 360, height: 260 },
  // The hand-out's “Lieve….”: printed on every letter, with whom it is to as a field of its own.
  letter: { salutation: 'Lieve' },
  // A letter is the writer's own until they share it.
  personal: true,
};
