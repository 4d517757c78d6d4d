import { listBoards, readMeta, roots, type Board, type Meta } from '@bodem/shared';
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

const sameBoard = (a: Board | null, b: Board | null) =>
  a === b || (!!a && !!b && a.id === b.id && a.template === b.template && a.title === b.title && a.order === b.order);

/** The meeting's first board (the programme's current one), or null before the document arrives. */
const firstBoardSource = (doc: Y.Doc) => {
    const { boards } = roots(doc);
    let snapshot = listBoards(doc)[0] ?? null;
    return {
      subscribe: (onChange: () => void) => {
        const handler = () => {
          const next = listBoards(doc)[0] ?? null;
          if (!sameBoard(next, snapshot)) {
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

export const useFirstBoard = (doc: Y.Doc): Board | null => {
  const source = useMemo(() => firstBoardSource(doc), [doc]);
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
