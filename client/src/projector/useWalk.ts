import { itemsOfBoard, readControl, roots, type Board } from '@bodem/shared';
import { meetingTemplate } from '@bodem/templates';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { docSource, useSource } from '../lib/source.ts';
import { walk, type WalkStep } from './walk.ts';

const sameSteps = (a: readonly WalkStep[], b: readonly WalkStep[]) => JSON.stringify(a) === JSON.stringify(b);

/** The zone-by-zone walk over `boards` (side by side), live as the groups write. */
export const useWalk = (doc: Y.Doc, boards: readonly Board[]): WalkStep[] => {
  const ids = boards.map((b) => `${b.id}:${b.template}`).join();
  const source = useMemo(() => {
    const { items, control } = roots(doc);
    return docSource(
      () =>
        walk(
          boards.flatMap((b) => {
            // As the meeting prepared it: part D walks only the quotes chosen.
            const template = meetingTemplate(b.template, readControl(control).prep);
            return template ? [{ template, items: itemsOfBoard(doc, b.id) }] : [];
          }),
        ),
      (on) => {
        items.observeDeep(on);
        control.observe(on);
        return () => {
          items.unobserveDeep(on);
          control.unobserve(on);
        };
      },
      sameSteps,
    );
    // The boards are named by `ids`; a new array of the same boards is no new walk.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, ids]);
  return useSource(source);
};
