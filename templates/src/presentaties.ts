import type { Template } from '@bodem/shared';
import { EDGE, PAPER, TINT } from './palette.ts';
import { pane, rectZone } from './shapes.ts';

// The hand-out's box beside part A: while the organisations present, each
// participant notes what inspired them in the others' stories.
const TOP = 120;
const GAP = 20;
const W = (2400 - 80 - GAP) / 2;
const DOELEN = { x: 40, y: TOP, width: W, height: 1440 };
const VRAGEN = { x: 40 + W + GAP, y: TOP, width: W, height: 1440 };

/** Part A, during the presentations. */
export const presentaties: Template = {
  id: 'presentaties',
  part: 'A',
  title: 'Tijdens de presentaties',
  instructions: 'Tijdens de presentaties: Noteer voor jezelf wat je inspirerend vond aan het verhaal van anderen.',
  width: 2400,
  height: 1600,
  background: PAPER,
  art: [pane(DOELEN, TINT.green, EDGE.green), pane(VRAGEN, TINT.rose, EDGE.rose)],
  zones: [
    {
      id: 'doelstellingen',
      label: 'Doelstellingen waar ik mij in kan vinden',
      shape: rectZone(DOELEN.x, DOELEN.y, DOELEN.width, DOELEN.height),
      labelAt: { x: DOELEN.x + 36, y: DOELEN.y + 28 },
    },
    {
      id: 'vragen',
      label: 'Vragen/ twijfels',
      shape: rectZone(VRAGEN.x, VRAGEN.y, VRAGEN.width, VRAGEN.height),
      labelAt: { x: VRAGEN.x + 36, y: VRAGEN.y + 28 },
    },
  ],
};
