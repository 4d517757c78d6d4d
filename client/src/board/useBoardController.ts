import type { Template } from '@bodem/shared';
import { useEffect, useMemo } from 'react';
import type { BoardSession } from './controller.ts';
import { BoardController } from './controller.ts';

/**
 * The controller of one open board, attached to the document while the
 * component lives and handed to the page (undo, lock state, "volg mij"):
 * the same for the poster and the list, so both write the same way.
 */
export function useBoardController(
  session: BoardSession,
  boardId: string,
  template: Template,
  onController?: (ctl: BoardController | null) => void,
): BoardController {
  const ctl = useMemo(() => new BoardController(session, boardId, template), [session, boardId, template]);
  useEffect(() => {
    const detach = ctl.attach();
    onController?.(ctl);
    return () => {
      onController?.(null);
      detach();
    };
  }, [ctl, onController]);
  return ctl;
}
