import { describe, expect, it } from 'vitest';
import { hasMarked, mark, marked } from './marks.ts';

describe('marked', () => {
  it('waits for the first of its moments, and resolves at once for one already reached', async () => {
    const order: string[] = [];
    const waiting = marked('t-local', 't-synced').then(() => order.push('settled'));
    await Promise.resolve();
    expect(order).toEqual([]);
    mark('t-other');
    await Promise.resolve();
    expect(order).toEqual([]);
    mark('t-synced');
    await waiting;
    expect(order).toEqual(['settled']);
    // Reached before: no wait; the other name coming later changes nothing.
    await marked('t-synced');
    mark('t-local');
    await marked('t-local', 'never');
  });
});

describe('hasMarked', () => {
  it('is false until the moment is marked, then true', () => {
    expect(hasMarked('t-tapped')).toBe(false);
    mark('t-tapped');
    expect(hasMarked('t-tapped')).toBe(true);
    expect(hasMarked('t-not-yet')).toBe(false);
  });
});
