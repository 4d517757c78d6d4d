import type { Template } from './template.ts';

/** An empty poster: a flip-chart sheet without any printed parts. */
export const vrij: Template = {
  id: 'vrij',
  title: 'Vrij bord',
  instructions: 'Tik op een lege plek om een notitie te schrijven.',
  width: 2400,
  height: 1600,
  background: '#FBFAF6',
};
