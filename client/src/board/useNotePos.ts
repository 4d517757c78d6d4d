import { useMemo, useSyncExternalStore } from 'react';
import type { BoardController } from './controller.ts';

export interface NoteLook {
  x: number;
  y: number;
  color: unknown;
  side: unknown;
  kind: unknown;
}

const NONE = null;

/**
 * An item's position and colour fields, for DOM overlays that follow it.
 * Null when there is no such note (deleted meanwhile).
 */
const lookSource = (ctl: BoardController, id: string | null) => {
    const map = id ? ctl.itemMap(id) : null;
    const read = (): NoteLook | null => {
      if (!map || !id || ctl.itemMap(id) !== map) return NONE;
      const x = map.get('x');
      const y = map.get('y');
      if (typeof x !== 'number' || typeof y !== 'number') return NONE;
      return { x, y, color: map.get('color'), side: map.get('side'), kind: map.get('kind') };
    };
    let snapshot = read();
    return {
      subscribe: (onChange: () => void) => {
        const update = () => {
          const next = read();
          if (
            next?.x !== snapshot?.x ||
            next?.y !== snapshot?.y ||
            next?.color !== snapshot?.color ||
            next?.side !== snapshot?.side ||
            (next === null) !== (snapshot === null)
          ) {
            snapshot = next;
            onChange();
          }
        };
        map?.observe(update);
        // deletion of the note itself shows up on the items map
        ctl.roots.items.observe(update);
        return () => {
          map?.unobserve(update);
          ctl.roots.items.unobserve(update);
        };
      },
      get: () => snapshot,
    };
};

export const useNoteLook = (ctl: BoardController, id: string | null): NoteLook | null => {
  const source = useMemo(() => lookSource(ctl, id), [ctl, id]);
  return useSyncExternalStore(source.subscribe, source.get, source.get);
};
