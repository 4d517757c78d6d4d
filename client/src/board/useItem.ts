import { useMemo } from 'react';
import type * as Y from 'yjs';
import { always, docSource, useSource } from '../lib/source.ts';

/**
 * Subscribes to one item's own Y.Map and everything below it (a note's
 * Y.Text): a change to this item re-renders this item only.
 */
export const useItem = <T>(id: string, map: Y.Map<unknown>, read: (id: string, map: Y.Map<unknown>) => T): T => {
  const source = useMemo(
    () =>
      docSource(
        () => read(id, map),
        (on) => {
          map.observeDeep(on);
          return () => map.unobserveDeep(on);
        },
        always,
      ),
    [id, map, read],
  );
  return useSource(source);
};
