import { listBoards, readMeta, roots, type Board, type Meta } from '@bodem/shared';
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

const sameBoards = (a: readonly Board[], b: readonly Board[]) =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i]!;
    return x.id === y.id && x.template === y.template && x.title === y.title && x.order === y.order;
  });

/** The meeting's boards in programme order; empty before the document arrives. */
const boardsSource = (doc: Y.Doc) => {
  const { boards } = roots(doc);
  let snapshot = listBoards(doc);
  return {
    subscribe: (onChange: () => void) => {
      // Only the board list and the boards' own fields, not their answers' every keystroke.
      const handler = () => {
        const next = listBoards(doc);
        if (!sameBoards(next, snapshot)) {
          snapshot = next;
          onChange();
        }
      };
      boards.observeDeep(handler);
      return () => boards.unobserveDeep(handler);
    },
    get: () => snapshot,
  };
};

export const useBoards = (doc: Y.Doc): readonly Board[] => {
  const source = useMemo(() => boardsSource(doc), [doc]);
  return useSyncExternalStore(source.subscribe, source.get, source.get);
};

const metaSource = (doc: Y.Doc) => {
    const { meta } = roots(doc);
    let snapshot = readMeta(meta);
    return {
      subscribe: (onChange: () => void) => {
        const handler = () => {
          snapshot = readMeta(meta);
          onChange();
        };
        meta.observe(handler);
        return () => meta.unobserve(handler);
      },
      get: () => snapshot,
    };
};

export const useMeta = (doc: Y.Doc): Meta => {
  const source = useMemo(() => metaSource(doc), [doc]);
  return useSyncExternalStore(source.subscribe, source.get, source.get);
};
