import { listBoards, readMeta, roots, type Board, type Meta } from '@bodem/shared';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { always, docSource, useSource } from '../lib/source.ts';

const sameBoards = (a: readonly Board[], b: readonly Board[]) =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i]!;
    return x.id === y.id && x.template === y.template && x.title === y.title && x.order === y.order;
  });

/** The meeting's boards in programme order; empty before the document arrives. */
export const useBoards = (doc: Y.Doc): readonly Board[] => {
  const source = useMemo(() => {
    const { boards } = roots(doc);
    return docSource(
      () => listBoards(doc),
      (on) => {
        boards.observeDeep(on);
        return () => boards.unobserveDeep(on);
      },
      sameBoards,
    );
  }, [doc]);
  return useSource(source);
};

export const useMeta = (doc: Y.Doc): Meta => {
  const source = useMemo(() => {
    const { meta } = roots(doc);
    return docSource(
      () => readMeta(meta),
      (on) => {
        meta.observe(on);
        return () => meta.unobserve(on);
      },
      always,
    );
  }, [doc]);
  return useSource(source);
};
