import { describe, expect, it } from 'vitest';
import { bestOffset } from './serverClock.ts';

describe('bestOffset', () => {
  it('takes the probe with the shortest round trip and assumes the answer was made halfway', () => {
    expect(
      bestOffset([
        { sent: 1000, received: 1400, server: 90_000 },
        { sent: 2000, received: 2040, server: 91_020 },
        { sent: 3000, received: 3300, server: 92_000 },
      ]),
    ).toBe(91_020 + 20 - 2040);
  });

  it('has no answer without a usable probe', () => {
    expect(bestOffset([])).toBeNull();
    expect(bestOffset([{ sent: 10, received: 5, server: 1 }])).toBeNull();
  });
});
