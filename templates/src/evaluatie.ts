import type { Template } from '@bodem/shared';
import { EDGE, PAPER, TINT } from './palette.ts';
import { pane, rectZone } from './shapes.ts';

// Part F in plenary: what each partnership brings back, the evaluation of
// the meeting, and the concrete next steps named.
const TOP = 120;
const GAP = 20;
const W = (2600 - 80 - 2 * GAP) / 3;
const H = 1800 - 40 - TOP;
const col = (i: number) => ({ x: 40 + i * (W + GAP), y: TOP, width: W, height: H });

const SESSIE = col(0);
const EVALUEREN = col(1);
const STAPPEN = col(2);

/** Part F: the whole group together again. */
export const evaluatie: Template = {
  id: 'evaluatie',
  part: 'F',
  title: 'Evaluatie',
  instructions:
    'De gehele groep zit weer bij elkaar. Vervolgens evalueren de deelnemers de bijeenkomst plenair en worden er concrete stappen voor een vervolg genoemd.',
  width: 2600,
  height: 1800,
  background: PAPER,
  summary: 'evaluation',
  art: [pane(SESSIE, TINT.blue, EDGE.blue), pane(EVALUEREN, TINT.sand, EDGE.sand), pane(STAPPEN, TINT.green, EDGE.green)],
  zones: [
    {
      id: 'uit-de-sessie',
      label: 'Wat uit de sessie is gekomen',
      shape: rectZone(SESSIE.x, SESSIE.y, SESSIE.width, SESSIE.height),
      labelAt: { x: SESSIE.x + 30, y: SESSIE.y + 24 },
    },
    {
      id: 'evalueren',
      label: 'Evalueren/concluderen',
      shape: rectZone(EVALUEREN.x, EVALUEREN.y, EVALUEREN.width, EVALUEREN.height),
      labelAt: { x: EVALUEREN.x + 30, y: EVALUEREN.y + 24 },
    },
    {
      id: 'vervolg',
      label: 'Concrete stappen voor een vervolg',
      shape: rectZone(STAPPEN.x, STAPPEN.y, STAPPEN.width, STAPPEN.height),
      labelAt: { x: STAPPEN.x + 30, y: STAPPEN.y + 24 },
    },
  ],
};
