import type { Template } from '@bodem/shared';
import { PAPER } from './palette.ts';

/** An empty poster: a flip-chart sheet without any printed parts. */
export const vrij: Template = {
  id: 'vrij',
  part: null,
  title: 'Vrij bord',
  instructions: 'Tik op een lege plek om een notitie te schrijven.',
  width: 2400,
  height: 1600,
  background: PAPER,
  art: [],
  zones: [],
};
