import type * as Y from 'yjs';
import { cleanLine, MAX_TITLE_LENGTH } from './text.ts';
import { num, str } from './values.ts';

/** The document's header: which schema it is written in, and what it is called. */
export interface Meta {
  schemaVersion: number;
  title: string;
  createdAt: number;
}

export const readMeta = (meta: Y.Map<unknown>): Meta => ({
  schemaVersion: num(meta.get('schemaVersion'), 0, Number.MAX_SAFE_INTEGER),
  title: cleanLine(str(meta.get('title')), MAX_TITLE_LENGTH),
  createdAt: num(meta.get('createdAt'), 0, Number.MAX_SAFE_INTEGER),
});
