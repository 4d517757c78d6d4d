import { useMemo } from 'react';
import { docSource, useSource } from '../lib/source.ts';
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
const sameLook = (a: NoteLook | null, b: NoteLook | null) =>
  a === b || (!!a && !!b && a.x === b.x && a.y === b.y && a.color === b.color && a.side === b.side && a.kind === b.kind);

const lookSource = (ctl: BoardController, id: string | null) => {
  const map = id ? ctl.itemMap(id) : null;
  return docSource(
    (): NoteLook | null => {
      if (!map || !id || ctl.itemMap(id) !== map) return NONE;
      const x = map.get('x');
      const y = map.get('y');
      if (typeof x !== 'number' || typeof y !== 'number') return NONE;
      return { x, y, color: map.get('color'), side: map.get('side'), kind: map.get('kind') };
    },
    (on) => {
      map?.observe(on);
      // deletion of the item itself shows up on the items map
      ctl.roots.items.observe(on);
      return () => {
        map?.unobserve(on);
        ctl.roots.items.unobserve(on);
      };
    },
    sameLook,
  );
};

export const useNoteLook = (ctl: BoardController, id: string | null): NoteLook | null => {
  const source = useMemo(() => lookSource(ctl, id), [ctl, id]);
  return useSource(source);
};
