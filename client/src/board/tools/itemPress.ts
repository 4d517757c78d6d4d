import type { Point } from '@bodem/shared';

/** Held this long without moving, a finger opens the item's menu (kleur, verwijderen, bundel losmaken …). */
export const LONG_PRESS_MS = 550;
/** A finger may tremble this much (CSS px) and still be holding still. */
export const LONG_PRESS_SLOP = 8;

/**
 * A press on a note or role card, until it is a long press:
 *
 *   idle ──down──▶ holding ──LONG_PRESS_MS still──▶ idle: `onLongPress` (the menu opens; the editor
 *                     │                                    blocks the tap that ends the press)
 *                     └──moved > LONG_PRESS_SLOP, up, leave, a drag began──▶ idle: nothing
 */
export class ItemPress {
  private s: { name: 'idle' } | { name: 'holding'; from: Point; timer: ReturnType<typeof setTimeout> } = { name: 'idle' };

  constructor(private readonly onLongPress: () => void) {}

  get state(): 'idle' | 'holding' {
    return this.s.name;
  }

  down(at: Point, button = 0): void {
    if (button > 0) return;
    this.cancel();
    const timer = setTimeout(() => {
      this.s = { name: 'idle' };
      this.onLongPress();
    }, LONG_PRESS_MS);
    this.s = { name: 'holding', from: at, timer };
  }

  move(at: Point): void {
    if (this.s.name === 'holding' && Math.hypot(at.x - this.s.from.x, at.y - this.s.from.y) > LONG_PRESS_SLOP) this.cancel();
  }

  /** Released, left, or turned into a drag: no long press. */
  cancel(): void {
    if (this.s.name === 'holding') clearTimeout(this.s.timer);
    this.s = { name: 'idle' };
  }
}
