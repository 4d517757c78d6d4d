import {
  bundlesOf,
  isPlaced,
  itemsOfBoard,

  roots,
  zoneAt,
  zoneOfItem,
  type Note,
  type Point,
  type Template,
} from '@bodem/shared';
import * as Y from 'yjs';
import { docSource, type Source } from '../lib/source.ts';

/** One line of a zone in the list: a note, a bundle of notes (head first) or a role card. */
export type ListEntry =
  | { kind: 'note'; id: string }
  | { kind: 'bundle'; id: string; members: string[] }
  | { kind: 'role'; id: string };

/** What the list shows, by zone (null: a board without zones), without any text: typing changes none of it. */
export interface ListLayout {
  zones: { zoneId: string | null; entries: ListEntry[] }[];
  agreements: string[];
  strokes: number;
  /** Every item's zone, for the announcements and the "bundle with" choices. */
  zoneOf: Record<string, string | null>;
}

export const readListLayout = (doc: Y.Doc, boardId: string, template: Template): ListLayout => {
  const items = itemsOfBoard(doc, boardId);
  const placed = items.filter(isPlaced);
  const notes = placed.filter((i): i is Note => i.kind === 'note');
  const bundles = bundlesOf(notes);
  const memberOf = new Map<string, string>();
  for (const b of bundles.values()) for (const m of b.members) memberOf.set(m.id, b.key);
  const groups = new Map<string | null, ListEntry[]>(template.zones.length ? template.zones.map((z) => [z.id, []]) : [[null, []]]);
  const zoneOf: Record<string, string | null> = {};
  for (const item of placed) {
    const zone = template.zones.length ? (zoneOfItem(template, item, template.noteSize)?.id ?? null) : null;
    zoneOf[item.id] = zone;
    const key = memberOf.get(item.id);
    if (key && key !== item.id) continue;
    const entry: ListEntry =
      item.kind === 'role' ? { kind: 'role', id: item.id } : key ? { kind: 'bundle', id: item.id, members: bundles.get(key)!.members.map((m) => m.id) } : { kind: 'note', id: item.id };
    groups.get(zone)?.push(entry);
  }
  return {
    zones: [...groups].map(([zoneId, entries]) => ({ zoneId, entries })),
    agreements: items.filter((i) => i.kind === 'agreement').map((i) => i.id),
    strokes: items.filter((i) => i.kind === 'stroke').length,
    zoneOf,
  };
};

export const listLayoutSource = (doc: Y.Doc, boardId: string, template: Template): Source<ListLayout> => {
  const { items } = roots(doc);
  return docSource(
    () => readListLayout(doc, boardId, template),
    (on) => {
      // Typing changes only texts, which the layout does not hold: a keystroke costs no pass over the board.
      const onEvents = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
        if (events.every((e) => e.target instanceof Y.Text)) return;
        on();
      };
      items.observeDeep(onEvents);
      return () => items.unobserveDeep(onEvents);
    },
    (a, b) => JSON.stringify(a) === JSON.stringify(b),
  );
};

/** The zone a printed part of the poster (an answer row, a field, the table) belongs to. */
export const zoneIdAt = (template: Template, p: Point): string | null => (template.zones.length ? (zoneAt(template.zones, p)?.id ?? null) : null);


