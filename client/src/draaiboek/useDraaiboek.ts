import { draaiboekOf, stepsFor, type Board, type DraaiboekState, type DraaiboekStep } from '@bodem/shared';
import { DRAAIBOEK } from '@bodem/templates';
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { useControlValue } from '../ui/useControl.ts';

/** Where the meeting is in its draaiboek, read live from the control map. */
export const useDraaiboek = (doc: Y.Doc): DraaiboekState => useControlValue(doc, draaiboekOf);

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
