import { describe, expect, it } from 'vitest';
import { createStore, keyedBy } from './store.ts';

describe('keyedBy', () => {
  it('holds true under the picked key only, and wakes only the keys that changed', () => {
    const ui = createStore<{ selectedId: string | null; other: number }>({ selectedId: 'a', other: 0 });
    const sel = keyedBy(ui, (u) => u.selectedId);
    expect(sel.get('a')).toBe(true);
    expect(sel.get('b')).toBeUndefined();
    const woken: string[] = [];
    for (const k of ['a', 'b', 'c']) sel.subscribe(k, () => woken.push(k));

    ui.set({ selectedId: 'a', other: 1 });
    expect(woken).toEqual([]);

    ui.set({ selectedId: 'b', other: 1 });
    expect(woken).toEqual(['a', 'b']);
    expect(sel.get('a')).toBeUndefined();
    expect(sel.get('b')).toBe(true);

    ui.set({ selectedId: null, other: 2 });
    expect(woken).toEqual(['a', 'b', 'b']);
    expect(sel.keys()).toEqual([]);

    ui.set({ selectedId: 'c', other: 2 });
    expect(woken).toEqual(['a', 'b', 'b', 'c']);
    expect(sel.keys()).toEqual(['c']);
  });
});
