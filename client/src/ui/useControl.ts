import { readControl, roots, type Control } from '@bodem/shared';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { docSource, useSource } from '../lib/source.ts';

/** The facilitator's controls (timer, groups, voting, "volg mij", projector), read live. */
export const useControl = (doc: Y.Doc): Control => {
  const source = useMemo(() => {
    const { control } = roots(doc);
    return docSource(
      () => readControl(control),
      (on) => {
        control.observe(on);
        return () => control.unobserve(on);
      },
      (a, b) => JSON.stringify(a) === JSON.stringify(b),
    );
  }, [doc]);
  return useSource(source);
};
