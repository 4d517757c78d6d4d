import { memo, useMemo } from 'react';
import { Group } from 'react-konva';
import { useStore } from '../lib/store.ts';
import type { BoardController } from './controller.ts';
import type { ItemEntry } from './itemIndex.ts';
import { NoteNode } from './NoteNode.tsx';
import { RoleCardNode } from './RoleCardNode.tsx';

/**
 * Items per run of the list, each run a memoised component of its own: React
 * reconciles, completes and commits the children of a fiber as one list, so
 * a thousand notes under one parent cost a pass over a thousand fibers for any
 * one note that changes (someone's words, a bundle on drop) and for a note
 * added. In runs, it is a pass over the runs and over one run. Runs are
 * fragments: the Konva nodes stay the items group's own children, in order.
 */
export const RUN = 32;

/**
 * The list cut into runs of RUN; a run whose entries are all the same as in
 * `was` is `was`'s own array, so its component is not rendered again. A note
 * added at the end (the newest lies on top) changes only the last run.
 */
export const runsOf = (entries: readonly ItemEntry[], was: readonly (readonly ItemEntry[])[]): (readonly ItemEntry[])[] => {
  const out: (readonly ItemEntry[])[] = [];
  for (let i = 0, k = 0; i < entries.length; i += RUN, k++) {
    const end = Math.min(i + RUN, entries.length);
    const old = was[k];
    let same = !!old && old.length === end - i;
    for (let j = i; same && j < end; j++) same = old![j - i] === entries[j];
    out.push(same ? old! : entries.slice(i, end));
  }
  return out;
};

const Run = memo(function Run({ entries, ctl }: { entries: readonly ItemEntry[]; ctl: BoardController }) {
  return entries.map((e) =>
    e.kind === 'role' ? <RoleCardNode key={e.id} id={e.id} map={e.map} ctl={ctl} /> : <NoteNode key={e.id} id={e.id} map={e.map} ctl={ctl} />,
  );
});

/** Re-renders only when items are added or removed, and then only the runs that changed; each item node is memoised. */
export const Items = memo(function Items({ ctl }: { ctl: BoardController }) {
  const entries = useStore(ctl.items.entries);
  // The last runs, so unchanged ones are handed on as the same arrays (recomputing gives the same result).
  const last = useMemo((): { runs: (readonly ItemEntry[])[] } => ({ runs: [] }), []);
  const runs = useMemo(() => (last.runs = runsOf(entries, last.runs)), [entries, last]);
  return (
    <Group name="items">
      {runs.map((run, k) => (
        <Run key={k} entries={run} ctl={ctl} />
      ))}
    </Group>
  );
});
