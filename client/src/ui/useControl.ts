import { readControl, roots, type Control } from '@bodem/shared';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { docSource, useSource } from '../lib/source.ts';

/** Something read from the meeting's control map (`read` is a module-level function), live. */
export const useControlValue = <T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T => {
  const source = useMemo(() => {
    const { control } = roots(doc);
    return docSource(
      () => read(doc),
      (on) => {
        control.observe(on);
        return () => control.unobserve(on);
      },
      (a, b) => JSON.stringify(a) === JSON.stringify(b),
    );
  }, [doc, read]);
  return useSource(source);
};

const controlOf = (doc: Y.Doc): Control => readControl(roots(doc).control);

/** The facilitator's controls (timer, groups, voting, "volg mij", projector), read live. */
export const useControl = (doc: Y.Doc): Control => useControlValue(doc, controlOf);
