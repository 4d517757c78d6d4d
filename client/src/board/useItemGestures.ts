import type Konva from 'konva';
import { useMemo } from 'react';
import type { BoardController } from './controller.ts';

/**
 * Drag and tap handlers of one item on the board, the same for notes and
 * role cards: the drag goes through the controller (drag layer, live
 * presence, one write on drop), a tap calls `onTap`.
 */
export const useItemGestures = (ctl: BoardController, id: string, onTap: (id: string) => void) =>
  useMemo(
    () => ({
      onDragStart: (e: Konva.KonvaEventObject<DragEvent>) => ctl.onItemDragStart(id, e.target),
      onDragMove: (e: Konva.KonvaEventObject<DragEvent>) => ctl.onItemDragMove(id, e.target),
      onDragEnd: (e: Konva.KonvaEventObject<DragEvent>) => ctl.onItemDragEnd(id, e.target),
      onPointerClick: (e: Konva.KonvaEventObject<PointerEvent>) => {
        if (e.evt.button !== undefined && e.evt.button > 0) return;
        e.cancelBubble = true;
        onTap(id);
      },
    }),
    [ctl, id, onTap],
  );
