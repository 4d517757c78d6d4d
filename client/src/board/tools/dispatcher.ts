import type { Point } from '@bodem/shared';
import type { PinchGesture } from './pinch.ts';
import type { BoardPointer, Tool } from './tool.ts';

/**
 * The one way pointer and touch input reaches the tools. One pointer at a
 * time goes to the active tool; two fingers are a pinch, whatever the tool,
 * and cancel what the first finger had started. Every move also tells the
 * room where this person points (presence).
 */
export class GestureDispatcher {
  constructor(
    private readonly tool: () => Tool,
    private readonly pinch: PinchGesture,
    private readonly hover: (p: BoardPointer | null) => void,
  ) {}

  get pinching(): boolean {
    return this.pinch.state === 'pinching';
  }

  down(p: BoardPointer): void {
    if (!this.pinching) this.tool().down(p);
  }

  move(p: BoardPointer): void {
    this.hover(p);
    if (!this.pinching) this.tool().move(p);
  }

  /** Released, or cancelled by the browser: what the tool drew or moved is kept, as on release. */
  up(p: BoardPointer): void {
    this.tool().up(p);
  }

  leave(): void {
    this.hover(null);
  }

  /** The fingers on the board changed (touchstart, touchmove, touchend): two or more make a pinch. */
  touches(points: readonly Point[]): void {
    const [a, b] = points;
    if (a && b) {
      if (!this.pinching) {
        this.tool().cancel();
        this.pinch.start(a, b);
      } else this.pinch.move(a, b);
    } else if (this.pinching) this.pinch.end();
  }
}
