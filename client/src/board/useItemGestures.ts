import type Konva from 'konva';
import { useEffect, useMemo } from 'react';
import type { BoardController } from './controller.ts';
import { ItemPress } from './tools/itemPress.ts';

/**
 * Drag, tap and long-press handlers of one item on the board, the same for
 * notes and role cards: the drag goes through the controller (ItemDrag:
 * drag layer, live presence, one write on drop), a tap calls `onTap`, a long
 * press opens the item's menu (ItemPress).
 */
const itemGestures = (ctl: BoardController, id: string, onTap: (id: string) => void) => {
  const press = new ItemPress(() => ctl.longPress(id));
  const at = (e: Konva.KonvaEventObject<PointerEvent>) => ({ x: e.evt.clientX, y: e.evt.clientY });
  return {
    cancel: () => press.cancel(),
    handlers: {
      onDragStart: (e: Konva.KonvaEventObject<DragEvent>) => {
        press.cancel();
        ctl.onItemDragStart(id, e.target);
      },
      onDragMove: (e: Konva.KonvaEventObject<DragEvent>) => ctl.onItemDragMove(id, e.target),
      onDragEnd: (e: Konva.KonvaEventObject<DragEvent>) => ctl.onItemDragEnd(id, e.target),
      onPointerDown: (e: Konva.KonvaEventObject<PointerEvent>) => press.down(at(e), e.evt.button ?? 0),
      onPointerMove: (e: Konva.KonvaEventObject<PointerEvent>) => press.move(at(e)),
      onPointerUp: () => press.cancel(),
      onPointerLeave: () => press.cancel(),
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
