import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, reconnectDelay } from './reconnect.ts';

describe('reconnectDelay', () => {
  it('backs off exponentially up to the cap', () => {
    expect(reconnectDelay(1, 1)).toBe(200);
    expect(reconnectDelay(3, 1)).toBe(800);
    expect(reconnectDelay(30, 1)).toBe(MAX_BACKOFF_MS);
  });

  it('spreads tablets that dropped at the same moment over the whole window', () => {
    const delays = Array.from({ length: 40 }, (_, i) => reconnectDelay(5, i / 39));
    expect(Math.min(...delays)).toBe(100);
    expect(Math.max(...delays)).toBe(MAX_BACKOFF_MS);
    expect(new Set(delays).size).toBe(40);
  });
});
