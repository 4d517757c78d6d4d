import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { ItemEntry } from './itemIndex.ts';
import { RUN, runsOf } from './Items.tsx';

const entry = (i: number): ItemEntry => ({ id: `n${i}`, kind: 'note', map: null as unknown as Y.Map<unknown>, createdAt: i });
const list = (n: number) => Array.from({ length: n }, (_, i) => entry(i));

describe('runsOf: the board items in runs, unchanged runs handed on as the same arrays', () => {
  it('cuts the list in order, every entry once', () => {
    const entries = list(RUN * 3 + 5);
    const runs = runsOf(entries, []);
    expect(runs.map((r) => r.length)).toEqual([RUN, RUN, RUN, 5]);
    expect(runs.flat()).toEqual(entries);
  });

  it('a note added at the end changes only the last run; a note taken away changes its run and those after', () => {
    const entries = list(RUN * 3 + 5);
    const runs = runsOf(entries, []);
    const added = [...entries, entry(1000)];
    const next = runsOf(added, runs);
    expect(next.slice(0, 3).every((r, k) => r === runs[k])).toBe(true);
    expect(next[3]).not.toBe(runs[3]);
    expect(next.flat()).toEqual(added);
    // The same list again: every run is the same array.
    expect(runsOf(added, next).every((r, k) => r === next[k])).toBe(true);
    const gone = added.filter((e) => e.id !== `n${RUN + 2}`);
    const after = runsOf(gone, next);
    expect(after[0]).toBe(next[0]);
    expect(after.slice(1).some((r, k) => r === next[k + 1])).toBe(false);
    expect(after.flat()).toEqual(gone);
    // Emptied.
    expect(runsOf([], after)).toEqual([]);
  });
});
