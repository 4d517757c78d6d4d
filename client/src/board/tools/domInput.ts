import type Konva from 'konva';
import type { Point } from '@bodem/shared';
import type { GestureDispatcher } from './dispatcher.ts';
import type { BoardPointer, Hit } from './tool.ts';

/**
 * The browser's side of the dispatcher: native pointer and touch events on
 * the board's container become BoardPointers (screen and board points, and
 * what Konva has under the pointer). Native events rather than Konva's: a
 * pointer is followed on the window once pressed, so a pan or a line goes on
 * when the finger leaves the canvas, and pinch needs the raw touches.
 */
export function attachDomInput(
  el: HTMLElement,
  stage: () => Konva.Stage | null,
  toBoard: (screen: Point) => Point,
  dispatcher: GestureDispatcher,
): () => void {
  const screenOf = (e: { clientX: number; clientY: number }): Point | null => {
    const s = stage();
    if (!s) return null;
    const r = s.container().getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const pointerOf = (e: PointerEvent, hit: Hit): BoardPointer | null => {
    const screen = screenOf(e);
    if (!screen) return null;
    const pointerType = e.pointerType === 'touch' || e.pointerType === 'pen' ? e.pointerType : 'mouse';
    return { pointerId: e.pointerId, screen, board: toBoard(screen), button: Math.max(0, e.button), pointerType, pressure: e.pressure, hit };
  };
  // What Konva has under the pointer (it has read this event's position already: its listeners are on the canvas, below this one).
  const hitOf = (s: Konva.Stage): Hit => {
    const p = s.getPointerPosition();
    const shape = p ? s.getIntersection(p) : null;
    if (!shape) return { kind: 'empty' };
    for (let n: Konva.Node | null = shape; n && n !== s; n = n.getParent()) {
      if (n.draggable()) return { kind: 'item', id: n.id() };
    }
    return { kind: 'control' };
  };

  const active = new Map<number, Hit>();
  const down = (e: PointerEvent) => {
    const s = stage();
    if (!s || !(e.target instanceof Node) || !s.content.contains(e.target)) return;
    const hit = hitOf(s);
    const p = pointerOf(e, hit);
    if (!p) return;
    active.set(e.pointerId, hit);
    dispatcher.down(p);
  };
  const move = (e: PointerEvent) => {
    const hit = active.get(e.pointerId);
    const p = pointerOf(e, hit ?? { kind: 'empty' });
    if (p && (hit || el.contains(e.target as Node))) dispatcher.move(p);
  };
  const up = (e: PointerEvent) => {
    const hit = active.get(e.pointerId);
    if (!hit) return;
    active.delete(e.pointerId);
    const p = pointerOf(e, hit);
    if (p) dispatcher.up(p);
  };
  const leave = () => dispatcher.leave();
  const touches = (e: TouchEvent) => {
    const list: Point[] = [];
    for (const t of Array.from(e.touches)) {
      const p = screenOf(t);
      if (p) list.push(p);
    }
    // The page must not zoom or scroll while two fingers zoom the board.
    if (list.length >= 2 && e.type === 'touchmove' && e.cancelable) e.preventDefault();
    dispatcher.touches(list);
  };

  el.addEventListener('pointerdown', down);
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', up);
  window.addEventListener('pointercancel', up);
  el.addEventListener('pointerleave', leave);
  el.addEventListener('touchstart', touches, { passive: true });
  el.addEventListener('touchmove', touches, { passive: false });
  el.addEventListener('touchend', touches);
  el.addEventListener('touchcancel', touches);
  return () => {
    el.removeEventListener('pointerdown', down);
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
    window.removeEventListener('pointercancel', up);
    el.removeEventListener('pointerleave', leave);
    el.removeEventListener('touchstart', touches);
    el.removeEventListener('touchmove', touches);
    el.removeEventListener('touchend', touches);
    el.removeEventListener('touchcancel', touches);
  };
}
