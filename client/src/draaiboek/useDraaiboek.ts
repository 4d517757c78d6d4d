import { draaiboekOf, roots, stepsFor, type Board, type DraaiboekState, type DraaiboekStep } from '@bodem/shared';
import { DRAAIBOEK } from '@bodem/templates';
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { docSource, useSource } from '../lib/source.ts';

/** Where the meeting is in its draaiboek, read live from the control map. */
export const useDraaiboek = (doc: Y.Doc): DraaiboekState => {
  const source = useMemo(() => {
    const { control } = roots(doc);
    return docSource(
      () => draaiboekOf(doc),
      (on) => {
        control.observe(on);
        return () => control.unobserve(on);
      },
      (a, b) => JSON.stringify(a) === JSON.stringify(b),
    );
  }, [doc]);
  return useSource(source);
};

/** The toolkit's steps this meeting's boards allow. */
export const useSteps = (boards: readonly Board[]): DraaiboekStep[] => useMemo(() => stepsFor(DRAAIBOEK, boards), [boards]);

/** `now` on the server's clock, refreshed every `ms` (the panel's "time used" runs with it). */
export const useNow = (clock: { now(): number }, ms: number): number => {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    const id = setInterval(() => setNow(clock.now()), ms);
    return () => clearInterval(id);
  }, [clock, ms]);
  return now;
};
