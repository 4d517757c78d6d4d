import type { Size } from '../layout/geometry.ts';
import { itemCenter, zoneAt, type BoardLayout, type Zone } from '../layout/zone.ts';
import { itemSize, type PlacedItem } from './items.ts';

/**
 * The zone of an item, from where it lies: never stored, so moving an item
 * is the only way to change it and two tablets can never disagree.
 */
export const zoneOfItem = (layout: BoardLayout, item: PlacedItem, noteSize?: Size): Zone | null =>
  zoneAt(layout.zones, itemCenter(item, itemSize(item, noteSize)));

/** Items per zone id, in the zones' order; items of a board without zones are left out. */
export const groupByZone = <T extends PlacedItem>(
  layout: BoardLayout,
  items: readonly T[],
  noteSize?: Size,
): Map<string, T[]> => {
  const out = new Map<string, T[]>(layout.zones.map((z) => [z.id, []]));
  for (const item of items) {
    const z = zoneOfItem(layout, item, noteSize);
    if (z) out.get(z.id)?.push(item);
  }
  return out;
};
