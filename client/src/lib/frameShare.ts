/**
 * Two kinds of work take turns in the frames while others write: applying
 * their updates (Yjs, the document's observers, React) and drawing on the
 * notes layer what those changed (areaDraws.ts). Each alone fits in a frame
 * of the bench's throttled tablet; both in one frame made it long. A frame
 * callback that finds the frame already well spent by the other waits one
 * frame, never more than `MAX_WAITS` in a row, so neither starves.
 */

/** Time of this frame already spent (ms) after which work that can wait, waits. */
export const FRAME_SPENT_MS = 10;
export const MAX_WAITS = 1;

/**
 * ms spent since the frame began: `frameTime` is the time requestAnimationFrame
 * handed its callbacks (the frame's start, on performance.now()'s clock).
 */
export const spentInFrame = (frameTime: number, now = performance.now()): number => now - frameTime;

/** Whether work that can wait should wait a frame: the frame is well spent, and it has not waited `MAX_WAITS` times yet. */
export class FrameShare {
  private waits = 0;

  constructor(
    private readonly spentMs = FRAME_SPENT_MS,
    private readonly maxWaits = MAX_WAITS,
  ) {}

  shouldWait(frameTime: number, now = performance.now()): boolean {
    if (this.waits < this.maxWaits && spentInFrame(frameTime, now) > this.spentMs) {
      this.waits++;
      return true;
    }
    this.waits = 0;
    return false;
  }
}
