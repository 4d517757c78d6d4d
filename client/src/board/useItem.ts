import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * Subscribes to one item's own Y.Map and everything below it (a note's
 * Y.Text): a change to this item re-renders this item only.
 */
const itemSource = <T>(id: string, map: Y.Map<unknown>, read: (id: string, map: Y.Map<unknown>) => T) => {
  let snapshot = read(id, map);
  return {
    subscribe: (onChange: () => void) => {
      const handler = () => {
        snapshot = read(id, map);
        onChange();
      };
      map.observeDeep(handler);
      return () => map.unobserveDeep(handler);
    },
    get: () => snapshot,
  };
};

export const useItem = <T>(id: string, map: Y.Map<unknown>, read: (id: string, map: Y.Map<unknown>) => T): T => {
  const source = useMemo(() => itemSource(id, map, read), [id, map, read]);
  return useSyncExternalStore(source.subscribe, source.get, source.get);
};
