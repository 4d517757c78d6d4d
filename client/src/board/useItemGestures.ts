import type Konva from 'konva';
import { useEffect, useMemo } from 'react';
import type { BoardController } from './controller.ts';

/** Held this long without moving, a finger opens the item's menu (kleur, verwijderen, bundel losmaken …). */
const LONG_PRESS_MS = 550;
const LONG_PRESS_SLOP = 8;

/**
 * Drag, tap and long-press handlers of one item on the board, the same for
 * notes and role cards: the drag goes through the controller (drag layer,
 * live presence, one write on drop), a tap calls `onTap`, a long press opens
 * the item's menu.
 */
const itemGestures = (ctl: BoardController, id: string, onTap: (id: string) => void) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let start: { x: number; y: number } | null = null;
    const cancel = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      start = null;
    };
    return {
      cancel,
      handlers: {
        onDragStart: (e: Konva.KonvaEventObject<DragEvent>) => {
          cancel();
          ctl.onItemDragStart(id, e.target);
        },
        onDragMove: (e: Konva.KonvaEventObject<DragEvent>) => ctl.onItemDragMove(id, e.target),
        onDragEnd: (e: Konva.KonvaEventObject<DragEvent>) => ctl.onItemDragEnd(id, e.target),
        onPointerDown: (e: Konva.KonvaEventObject<PointerEvent>) => {
          if (e.evt.button !== undefined && e.evt.button > 0) return;
          cancel();
          start = { x: e.evt.clientX, y: e.evt.clientY };
          timer = setTimeout(() => {
            timer = null;
            ctl.longPress(id);
          }, LONG_PRESS_MS);
        },
        onPointerMove: (e: Konva.KonvaEventObject<PointerEvent>) => {
          if (start && Math.hypot(e.evt.clientX - start.x, e.evt.clientY - start.y) > LONG_PRESS_SLOP) cancel();
        },
        onPointerUp: cancel,
        onPointerLeave: cancel,
        onPointerClick: (e: Konva.KonvaEventObject<PointerEvent>) => {
          if (e.evt.button !== undefined && e.evt.button > 0) return;
          e.cancelBubble = true;
          onTap(id);
        },
      },
    };
};

export const useItemGestures = (ctl: BoardController, id: string, onTap: (id: string) => void) => {
  const gestures = useMemo(() => itemGestures(ctl, id, onTap), [ctl, id, onTap]);
  useEffect(() => gestures.cancel, [gestures]);
  return gestures.handlers;
};
