import { useSyncExternalStore } from 'react';

/** A value React reads with useSyncExternalStore. */
export interface Source<T> {
  subscribe(onChange: () => void): () => void;
  get(): T;
}

/**
 * A value read from the document: re-read whenever `listen` reports a
 * change, handed on only when it differs from the last one (by `same`), so
 * a keystroke elsewhere re-renders nothing here. Make one per document and
 * key (in a useMemo): the snapshot lives in the source, not in the render.
 */
export const docSource = <T>(
  read: () => T,
  listen: (onEvent: () => void) => () => void,
  same: (a: T, b: T) => boolean = Object.is,
): Source<T> => {
  let snapshot = read();
  return {
    subscribe: (onChange) =>
      listen(() => {
        const next = read();
        if (same(snapshot, next)) return;
        snapshot = next;
        onChange();
      }),
    get: () => snapshot,
  };
};

/** Every read counts as a change (a fresh object from a normaliser, compared by nothing cheaper). */
export const always = (): boolean => false;

export const useSource = <T>(source: Source<T>): T => useSyncExternalStore(source.subscribe, source.get, source.get);
