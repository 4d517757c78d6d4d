import type { Point } from '@bodem/shared';
import { zoomAround, type Viewport } from '../viewport.ts';

/** After a pinch, the fingers leave one by one: the last one's release is no tap. */
export const TAP_BLOCK_AFTER_PINCH_MS = 350;

export interface PinchHost {
  viewport(): Viewport;
  /** Moves the picture (clamped to the poster); the layers are redrawn on `settle`. */
  moveTo(v: Viewport): void;
  settle(): void;
  blockTaps(ms: number): void;
  /** A second finger turns a drag of an item into a pinch: the item is put down. */
  stopItemDrag(): void;
}

/**
 * Two fingers zoom and pan the board, whatever the tool:
 *
 *   idle ──second finger──▶ pinching ──fingers move──▶ pinching (camera follows both fingers)
 *                              └──a finger lifts──▶ idle (settle; the next tap is blocked briefly)
 *
 * The dispatcher cancels the active tool when a pinch begins, so a line
 * started by the first finger is not drawn and a pan becomes this zoom.
 */
export class PinchGesture {
  private s: { name: 'idle' } | { name: 'pinching'; dist: number; center: Point; start: Viewport } = { name: 'idle' };

  constructor(private readonly host: PinchHost) {}

  get state(): 'idle' | 'pinching' {
    return this.s.name;
  }

  start(a: Point, b: Point): void {
    this.host.stopItemDrag();
    this.s = { name: 'pinching', dist: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)), center: mid(a, b), start: this.host.viewport() };
  }

  move(a: Point, b: Point): void {
    const s = this.s;
    if (s.name !== 'pinching') return;
    const c = mid(a, b);
    const zoomed = zoomAround(s.start, s.center, Math.hypot(a.x - b.x, a.y - b.y) / s.dist);
    this.host.moveTo({ scale: zoomed.scale, x: zoomed.x + c.x - s.center.x, y: zoomed.y + c.y - s.center.y });
  }

  end(): void {
    if (this.s.name !== 'pinching') return;
    this.s = { name: 'idle' };
    this.host.blockTaps(TAP_BLOCK_AFTER_PINCH_MS);
    this.host.settle();
  }
}

const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
