import * as Y from 'yjs';
import { cleanLine, MAX_TITLE_LENGTH } from './text.ts';
import { num, str } from './values.ts';
import { fieldKey } from './boardState.ts';

/** One poster of the meeting. `template` names its layout in `templates/`. */
export interface Board {
  id: string;
  template: string;
  title: string;
  /** Position in the programme; boards are listed by it. */
  order: number;
}

export const FREE_TEMPLATE = 'vrij';

export const readBoard = (id: string, map: Y.Map<unknown>): Board => ({
  id,
  template: str(map.get('template'), FREE_TEMPLATE) || FREE_TEMPLATE,
  title: cleanLine(str(map.get('title')), MAX_TITLE_LENGTH) || 'Bord',
  order: num(map.get('order'), 0),
});

/** `fields`: the template's answer fields, each given its Y.Text up front (see `fieldText`). */
export const writeBoard = (b: Omit<Board, 'id'>, fields: readonly string[] = []): Y.Map<unknown> => {
  const map = new Y.Map<unknown>();
  map.set('template', b.template);
  map.set('title', b.title);
  map.set('order', b.order);
  for (const f of fields) map.set(fieldKey(f), new Y.Text());
  return map;
};
