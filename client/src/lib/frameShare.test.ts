import { describe, expect, it } from 'vitest';
import { FrameShare, spentInFrame } from './frameShare.ts';

describe('FrameShare: work that can wait takes the next frame when this one is spent, at most once in a row', () => {
  it('waits only when the frame is spent, and never twice running', () => {
    const share = new FrameShare(10, 1);
    expect(spentInFrame(100, 112)).toBe(12);
    // Fresh frame: goes now.
    expect(share.shouldWait(100, 104)).toBe(false);
    // Spent frame: waits once...
    expect(share.shouldWait(200, 215)).toBe(true);
    // ...and goes in the next even if that one is spent too.
    expect(share.shouldWait(216, 240)).toBe(false);
    // The count starts again after it went.
    expect(share.shouldWait(300, 330)).toBe(true);
    expect(share.shouldWait(316, 317)).toBe(false);
    expect(share.shouldWait(400, 450)).toBe(true);
  });

  it('with two waits allowed, goes on the third spent frame', () => {
    const share = new FrameShare(5, 2);
    expect([share.shouldWait(0, 9), share.shouldWait(16, 30), share.shouldWait(33, 50), share.shouldWait(50, 60)]).toEqual([true, true, false, true]);
  });
});
